/** Styles inside the overlay's shadow root: isolated from the page and legible on light and dark pages. */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bg: #ffffff; --fg: #111827; --muted: #4b5563; --line: #d1d5db; --accent: #1d4ed8; --accent-fg: #fff;
  --danger: #b91c1c; --danger-bg: #fdecec; --ok: #047857; --ok-bg: #e7f6ef; --hover: #f3f4f6; color: var(--fg); }
.layer[data-theme="dark"] { color-scheme: dark; --bg: #1f2330; --fg: #f3f4f6; --muted: #b6bcc8; --line: #4b5563; --accent: #93c5fd; --accent-fg: #0b1220;
  --danger: #fca5a5; --danger-bg: #3b1a1a; --ok: #6ee7b7; --ok-bg: #123227; --hover: #2d3343; }
.field-box { position: fixed; box-sizing: border-box; border-radius: 4px; pointer-events: none; }
.field-box.detected { outline: 2px dotted #2563eb; outline-offset: 1px; }
.field-outline { position: fixed; box-sizing: border-box; border-radius: 6px; pointer-events: none; outline: 3px solid #7c3aed; background: rgba(124, 58, 237, 0.10); box-shadow: 0 0 0 6px rgba(124, 58, 237, 0.18); }
.field-box.blocked { outline: 3px solid #c81e1e; outline-offset: 1px; background: rgba(200, 30, 30, 0.08); }
.alert, .card { position: fixed; pointer-events: auto; box-sizing: border-box; background: var(--bg); color: var(--fg);
  border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.32); }
.alert { max-width: min(380px, calc(100vw - 16px)); border: 2px solid #c81e1e; border-left-width: 6px; padding: 10px 36px 10px 12px; }
.alert.no-number { border-color: #b45309; }
.alert h2 { margin: 0 0 4px; font-size: 15px; font-weight: 700; color: var(--danger); }
.alert.no-number h2 { color: inherit; }
p { margin: 2px 0; }
.muted { color: var(--muted); font-size: 13px; }
button { font: inherit; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); padding: 6px 10px; cursor: pointer; }
button:hover { background: var(--hover); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600; }
button:disabled { opacity: .55; cursor: not-allowed; }
button:focus-visible, input:focus-visible, h2:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.close { position: absolute; top: 6px; right: 6px; width: 28px; height: 28px; padding: 0; border: 0; background: transparent; font-size: 18px; line-height: 1; }
.card { width: 360px; max-width: calc(100vw - 16px); border: 1px solid var(--line); padding: 12px; }
.card-head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; padding-right: 4px; }
.card .number { margin: 0; font-size: 18px; font-weight: 700; letter-spacing: .02em; }
.card .e164 { color: var(--muted); font-size: 13px; font-family: ui-monospace, Menlo, monospace; }
.status { margin: 8px 0; padding: 8px 10px; border-radius: 6px; }
.status.clear { background: var(--ok-bg); color: var(--ok); font-weight: 600; }
.status.unknown { background: var(--hover); }
.status.blocked { background: var(--danger-bg); border-left: 4px solid #c81e1e; }
.status-title { font-weight: 700; color: var(--danger); }
.register-warning { margin: 6px 0; padding: 6px 10px; border-radius: 6px; background: #fff4d6; color: #5b3b00; border-left: 4px solid #d97706; font-size: 13px; }
.hours-warning { margin: 6px 0; padding: 6px 10px; border-radius: 6px; background: #fde8e8; color: #7a1111; border-left: 4px solid #c81e1e; font-size: 13px; }
.hours-warning p { margin: 2px 0; }
.layer[data-theme="dark"] .hours-warning { background: #3b1515; color: #fecaca; }
.layer[data-theme="dark"] .register-warning { background: #3a2f12; color: #fcd34d; }
.error { color: var(--danger); font-weight: 600; margin: 6px 0; }
.actions { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.actions.secondary { flex-direction: row; flex-wrap: wrap; align-items: center; padding-right: 34px; position: relative; }
.actions.secondary .close { top: 0; right: 0; }
fieldset.scope { border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 4px 8px 6px; display: flex; gap: 12px; flex-wrap: wrap; }
fieldset.scope legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
fieldset.scope label { display: inline-flex; align-items: center; gap: 4px; }
form.other { display: flex; flex-direction: column; gap: 4px; }
form.other label { font-size: 13px; font-weight: 600; }
input[type="text"], input:not([type]) { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
`;
