/**
 * Reads an amount in kroner as an agent types it (`12 345`, `12345,50`,
 * `kr 1 000,-`, `1.234,5`, `99.90`) into whole øre. Returns a reason instead
 * when the text is not an amount.
 */
export type AmountResult = { ok: true; ore: number } | { ok: false; reason: 'not-a-number' | 'negative' | 'too-large' | 'too-many-decimals' };

/** Upper bound (exclusive) in øre, as in the call-log store: one billion kroner. */
export const MAX_AMOUNT_ORE = 100_000_000_000;

export function parseAmount(text: string): AmountResult {
  let s = text.normalize('NFKC').trim().toLowerCase();
  s = s.replace(/^(kr\.?|nok)\s*/, '').replace(/\s*(kr\.?|nok)$/, '').replace(/,-$/, '').trim();
  if (s.startsWith('-') || s.startsWith('−')) return { ok: false, reason: 'negative' };
  // Group separators: spaces (any kind), apostrophes; '.' is a group separator when a ',' decimal follows or it splits groups of three.
  s = s.replace(/[\s'\u2009\u202f]/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'not-a-number' };
  let intPart = s;
  let decPart = '';
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastComma > lastDot) {
    intPart = s.slice(0, lastComma).replace(/\./g, '');
    decPart = s.slice(lastComma + 1);
  } else if (lastDot >= 0) {
    const tail = s.slice(lastDot + 1);
    const dots = s.split('.').length - 1;
    if (dots === 1 && tail.length !== 3 && lastComma < 0) {
      intPart = s.slice(0, lastDot);
      decPart = tail;
    } else {
      intPart = s.replace(/[.,]/g, '');
    }
  }
  if (intPart.includes(',') || !/^\d*$/.test(intPart) || !/^\d*$/.test(decPart)) return { ok: false, reason: 'not-a-number' };
  if (decPart.length > 2) return { ok: false, reason: 'too-many-decimals' };
  const ore = Number(intPart || '0') * 100 + Number(decPart.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(ore)) return { ok: false, reason: 'too-large' };
  if (ore >= MAX_AMOUNT_ORE) return { ok: false, reason: 'too-large' };
  return { ok: true, ore };
}
