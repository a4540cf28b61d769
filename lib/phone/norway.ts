/**
 * Norwegian numbering rules, hand-coded so the hot path never needs
 * libphonenumber for +47 / national numbers.
 *
 * Subscriber numbers have 8 digits (domain.md, "Numbers"):
 * - mobile: any 4xxxxxxx or 9xxxxxxx (domain rule; new mobile blocks are opened
 *   faster than metadata gets updated, so we do not narrow these down);
 * - landline: any 2xxxxxxx, 3xxxxxxx, 5xxxxxxx, 6xxxxxxx or 7xxxxxxx (domain rule).
 *   libphonenumber's metadata knows narrower ranges (2[1-4] 3[1-3578] …), but a
 *   blocking tool takes the safer reading: a number the metadata does not know
 *   yet is still somebody's phone, and missing it would let a blocked call through;
 * - service (toll-free, shared cost, premium, UAN, personal, VoIP): the 8xx
 *   ranges of the "max" metadata: 800 801 810 (not 8109) 812 813 815 820 829
 *   850-855 880.
 * Everything else with 8 digits (1xxxxxxx, 0xxxxxxx, 83xxxxxx, ...)
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
    case 3:
    case 5:
    case 6:
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

/** Days in month `mm` (1-12) of year `yyyy`, Gregorian leap years; 0 for no such month. */
function daysInMonth(mm: number, yyyy: number): number {
  if (mm < 1 || mm > 12) return 0;
  if (mm === 2) return yyyy % 4 === 0 && (yyyy % 100 !== 0 || yyyy % 400 === 0) ? 29 : 28;
  return mm === 4 || mm === 6 || mm === 9 || mm === 11 ? 30 : 31;
}

/** A real calendar date in the years 1900-2099 (`31.04.1990` and `29.02.2023` are not). */
export function isCalendarDate(dd: number, mm: number, yyyy: number): boolean {
  return yyyy >= 1900 && yyyy <= 2099 && dd >= 1 && dd <= daysInMonth(mm, yyyy);
}

/**
 * 8 digits that read as a real calendar date, DDMMYYYY (`21112026`) or
 * YYYYMMDD (`20261129`), years 1900-2099. Only used on unlabelled, unspaced
 * digit strings in running text.
 */
export function looksLikeCompactDate(d: string): boolean {
  if (d.length !== 8) return false;
  const two = (i: number) => digitAt(d, i) * 10 + digitAt(d, i + 1);
  return isCalendarDate(two(0), two(2), two(4) * 100 + two(6)) || isCalendarDate(two(6), two(4), two(0) * 100 + two(2));
}

/** Groups an 8-digit Norwegian number: mobile and 8xx 3-2-3, landline 2-2-2-2. */
export function groupNorwegian(nsn: string): string {
  if (nsn.length !== 8) return nsn;
  const a = nsn.charCodeAt(0) - D0;
  if (a === 4 || a === 9 || a === 8) return `${nsn.slice(0, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5)}`;
  return `${nsn.slice(0, 2)} ${nsn.slice(2, 4)} ${nsn.slice(4, 6)} ${nsn.slice(6)}`;
}
