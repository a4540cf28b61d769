/**
 * Norwegian numbering rules, hand-coded so the hot path never needs
 * libphonenumber for +47 / national numbers.
 *
 * Subscriber numbers have 8 digits (domain.md, "Numbers"):
 * - mobile: any 4xxxxxxx or 9xxxxxxx (domain rule; new mobile blocks are opened
 *   faster than metadata gets updated, so we do not narrow these down);
 * - landline: the ranges libphonenumber's full ("max") metadata knows for NO,
 *   2[1-4] 3[1-3578] 5[1-35-7] 6[1-46-9] 7[0-8], plus 79 (Svalbard, shares +47);
 * - service (toll-free, shared cost, premium, UAN, personal, VoIP): the 8xx
 *   ranges of the "max" metadata: 800 801 810 (not 8109) 812 813 815 820 829
 *   850-855 880.
 * Everything else with 8 digits (1xxxxxxx, 0xxxxxxx, 20xxxxxx, 83xxxxxx, ...)
 * is not a Norwegian number.
 * 5-digit numbers starting with 0 are short service numbers (not subscribers).
 */

const D0 = 48;

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - D0;
}

/** True for an 8-digit Norwegian subscriber/service number (national significant number). */
export function isValidNorwegianNational(nsn: string): boolean {
  if (nsn.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const d = digitAt(nsn, i);
    if (d < 0 || d > 9) return false;
  }
  const a = digitAt(nsn, 0);
  const b = digitAt(nsn, 1);
  switch (a) {
    case 4:
    case 9:
      return true;
    case 2:
      return b >= 1 && b <= 4;
    case 3:
      return b === 1 || b === 2 || b === 3 || b === 5 || b === 7 || b === 8;
    case 5:
      return b === 1 || b === 2 || b === 3 || b === 5 || b === 6 || b === 7;
    case 6:
      return b >= 1 && b <= 9 && b !== 5;
    case 7:
      return true;
    case 8: {
      const c = digitAt(nsn, 2);
      if (b === 0) return c === 0 || c === 1;
      // 810 (not 8109), 812, 813, 815
      if (b === 1) return (c === 0 && digitAt(nsn, 3) !== 9) || c === 2 || c === 3 || c === 5;
      if (b === 2) return c === 0 || c === 9;
      if (b === 5) return c <= 5;
      if (b === 8) return c === 0;
      return false;
    }
    default:
      return false;
  }
}

/** A 5-digit short service number such as 02800. */
export function isNorwegianShortServiceNumber(nsn: string): boolean {
  return nsn.length === 5 && nsn.charCodeAt(0) === D0 && /^\d{5}$/.test(nsn);
}

/**
 * 8 digits that read as a calendar date DDMMYYYY (years 1900-2099), e.g.
 * `21112026`. Only used on unlabelled, unspaced digit strings in running
 * text; YYYYMMDD dates start with 19/20 and are never valid numbers anyway.
 */
export function looksLikeCompactDate(d: string): boolean {
  if (d.length !== 8) return false;
  const dd = digitAt(d, 0) * 10 + digitAt(d, 1);
  const mm = digitAt(d, 2) * 10 + digitAt(d, 3);
  const yy = digitAt(d, 4) * 10 + digitAt(d, 5);
  return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 && (yy === 19 || yy === 20);
}

/** Groups an 8-digit Norwegian number: mobile and 8xx 3-2-3, landline 2-2-2-2. */
export function groupNorwegian(nsn: string): string {
  if (nsn.length !== 8) return nsn;
  const a = nsn.charCodeAt(0) - D0;
  if (a === 4 || a === 9 || a === 8) return `${nsn.slice(0, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5)}`;
  return `${nsn.slice(0, 2)} ${nsn.slice(2, 4)} ${nsn.slice(4, 6)} ${nsn.slice(6)}`;
}
