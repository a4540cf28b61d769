/** Styles inside the overlay's shadow root: isolated from the page and legible on light and dark pages. */
export const OVERLAY_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; }
.field-box { position: fixed; box-sizing: border-box; border-radius: 4px; pointer-events: none; }
.field-box.detected { outline: 2px dotted #2563eb; outline-offset: 1px; }
.field-box.blocked { outline: 3px solid #c81e1e; outline-offset: 1px; background: rgba(200, 30, 30, 0.08); }
.alert { position: fixed; pointer-events: auto; max-width: min(380px, calc(100vw - 16px)); box-sizing: border-box;
  background: #fff; color: #111827; border: 2px solid #c81e1e; border-left-width: 6px; border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0,0,0,.28); padding: 10px 36px 10px 12px; }
.alert h2 { margin: 0 0 4px; font-size: 15px; font-weight: 700; color: #991b1b; }
.alert p { margin: 2px 0; }
.alert .muted { color: #4b5563; font-size: 13px; }
.alert .close { position: absolute; top: 6px; right: 6px; width: 26px; height: 26px; border: 0; border-radius: 6px;
  background: transparent; color: #374151; font-size: 18px; line-height: 1; cursor: pointer; }
.alert .close:hover, .alert .close:focus-visible { background: #f3f4f6; outline: 2px solid #2563eb; }
`;
