/** Schemes that start a call when followed. */
const DIAL_SCHEMES = ['tel:', 'callto:', 'sip:', 'sips:'] as const;

export function isDialHref(href: string): boolean {
  const lower = href.trimStart().slice(0, 8).toLowerCase();
  return DIAL_SCHEMES.some((s) => lower.startsWith(s));
}

/**
 * The number part of a dial link, as written: `tel:+47%20412%2034%20567;ext=2`
 * gives `+47 412 34 567`; `sip:+4741234567@pbx.example;user=phone` gives
 * `+4741234567`; `callto://004741234567` gives `004741234567`. What a dialler
 * sends after the number (a pause `,` or `p`, a wait `;` or `w`, an extension
 * `x12` / `ext 12`, DTMF digits after them) is left out: `tel:+4741234567,123`
 * still dials +47 41 23 45 67.
 * Returns null for other schemes, or SIP addresses whose user part is a name.
 */
export function dialNumberOf(href: string): string | null {
  const trimmed = href.trim();
  const scheme = DIAL_SCHEMES.find((s) => trimmed.slice(0, s.length).toLowerCase() === s);
  if (!scheme) return null;
  let rest = trimmed.slice(scheme.length).replace(/^\/\//, '');
  if (scheme === 'sip:' || scheme === 'sips:') rest = rest.split('@')[0] ?? '';
  rest = rest.split(/[;?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    decoded = rest;
  }
  decoded = (decoded.split(/[,;pwx]|ext/i)[0] ?? '').trim();
  if (!/^[+(]*[\d\s().\-\u00a0\u202f]+$/.test(decoded)) return null;
  return decoded;
}
