/**
 * Phone-number scanner for page text and user input. Pure and DOM-free.
 *
 * How findPhoneNumbers works:
 * 1. Jump from digit to digit with a native regex search; text without digits
 *    costs one regex test and allocates nothing but the empty result.
 * 2. From a digit, read a *run*: digit groups joined by exactly one separator
 *    (a space-like char, a hyphen/dash, a dot, or a parenthesised group such
 *    as `(415)` / `(0)` / `(+47)`). Two spaces, `, `, ` / `, newlines, letters
 *    and so on end a run, so a list of numbers gives one run per number.
 *    Runs are linear to read and capped at 24 groups (longer: a table of
 *    figures, skipped whole).
 * 3. A run starting with `+` (or `00`) begins with an international number:
 *    the longest prefix of groups that libphonenumber calls valid (+47 uses
 *    the hand-coded Norwegian rules in norway.ts). A broken `+` run yields nothing.
 * 4. The rest is split into Norwegian numbers written `41234567`,
 *    `412 34 567` / `412-34-567` / `412.34.567` or `41 23 45 67` /
 *    `41-23-45-67`. A number always starts and ends at a space between
 *    groups, so a number never comes out of `1234.56.78901`, `12345678901`
 *    or `4111 1111 1111 1111`.
 * 5. Context (context.ts): a number glued to letters, `#`, `/`, decimals or
 *    currency is dropped; so is one next to a bare 1-3 digit group
 *    (`1 41234567`, `41 23 45 67 89`), while a year, date or time next to it
 *    (`29.11.2026 41234567`) is fine. A label before the run (`Kundenr.`,
 *    `KID`, `Org.nr.`, `kr`) or an amount after it (`kr`, `,-`, `,00`)
 *    rejects it (a `+` / `00` number is never an amount); a phone label
 *    (`Tlf:`) allows any space grouping of the 8 digits and lifts the
 *    DDMMYYYY date check. A bracketed count before the number
 *    (`Tapt anrop (2) 41234567`) is not part of it.
 * libphonenumber is only called for international candidates (and results are cached).
 */
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/min';
// The metadata `libphonenumber-js/min` itself uses (the same module: no extra bytes).
import metadata from 'libphonenumber-js/min/metadata';
import { amountAfter, isGluedAfter, isGluedBefore, labelBefore, type Label } from './context';
import { isCalendarDate, isNorwegianShortServiceNumber, isValidNorwegianNational, looksLikeCompactDate } from './norway';

export { formatInternational, formatNational } from './format';
export { classifyLabel } from './context';
export type { CountryCode };

export interface PhoneMatch {
  /** Offsets in the input: text.slice(start, end) is the number as written. */
  start: number;
  end: number;
  e164: string;
}

export interface DetectOptions {
  /** Numbering plan for numbers written without a country code. Default 'NO'. */
  region?: CountryCode;
}

export type PhoneInputResult =
  | { ok: true; e164: string }
  | { ok: false; reason: 'empty' | 'too-short' | 'too-long' | 'not-a-number' | 'invalid' | 'service-number' };

// ---------------------------------------------------------------------------
// Character classes (char codes)

const PLUS = 0x2b;
const LPAREN = 0x28;
const RPAREN = 0x29;
const DOT = 0x2e;
const ZERO = 0x30;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Space-like separators inside a number: space, NBSP, en/em spaces ... hair space, narrow NBSP. */
function isSpaceSep(c: number): boolean {
  return c === 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
}

/** Hyphen-like separators inside a number: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash. */
function isDashSep(c: number): boolean {
  return c === 0x2d || (c >= 0x2010 && c <= 0x2013);
}

/**
 * Invisible characters that pages and copy/paste leave inside numbers: zero-width
 * space/joiners, bidi marks and isolates, word joiner, BOM, soft hyphen. A number
 * is read as if they were not there (`412\u200b34\u200b567` is 412 34 567).
 */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}
const HAS_INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

const DIGIT = /[0-9]/g;
/** Non-global twin of DIGIT: the cheapest "any digit at all?" test for the common digit-free text node. */
const HAS_DIGIT = /[0-9]/;

/**
 * Position of the first ASCII digit at or after `from`, or -1. A regex search
 * is several times faster than a charCodeAt loop on two-byte (non-Latin-1) text.
 */
function nextDigit(text: string, from: number): number {
  DIGIT.lastIndex = from;
  return DIGIT.test(text) ? DIGIT.lastIndex - 1 : -1;
}

// ---------------------------------------------------------------------------
// mightContainPhone

/** Digits a run must hold before findPhoneNumbers looks at it (it needs at least 7). */
const MIN_RUN_DIGITS = 5;

/**
 * Cheap pre-check: false when text has no run of at least 5 digits joined by
 * at most two separator chars (spaces, dashes, dots, parentheses) between
 * digits. Never false when findPhoneNumbers would find something.
 */
export function mightContainPhone(text: string): boolean {
  if (!HAS_DIGIT.test(text)) return false;
  const n = text.length;
  let i = nextDigit(text, 0);
  while (i >= 0) {
    let digits = 0;
    let seps = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c <= 57 && c >= 48) {
        if (++digits >= MIN_RUN_DIGITS) return true;
        seps = 0;
      } else if (seps < 2 && (isSpaceSep(c) || isDashSep(c) || c === DOT || c === LPAREN || c === RPAREN)) {
        seps++;
      } else if (!isInvisible(c)) {
        break;
      }
    }
    if (i >= n) return false;
    i = nextDigit(text, i + 1);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Runs

const SEP_NONE = 0;
const SEP_SPACE = 1;
const SEP_DASH = 2;
const SEP_DOT = 3;
const SEP_PAREN = 4;

/** A run with more groups than this is a table of figures, not phone numbers. */
const MAX_GROUPS = 24;
/** Largest parenthesised group: area codes `(415)`, trunk `(0)`, country code `(+47)`. */
const MAX_PAREN_DIGITS = 4;

// Reused buffers for the groups of the current run (findPhoneNumbers is synchronous).
const gStart = new Int32Array(MAX_GROUPS);
const gEnd = new Int32Array(MAX_GROUPS);
const gSep = new Uint8Array(MAX_GROUPS);
const gParen = new Uint8Array(MAX_GROUPS);

/**
 * Does `(` at p-1 open a group of 1..max digits at p closed by `)` and followed by
 * another group (directly or after one space/dash)? Returns false for `(41234567)`.
 */
function parenGroupAt(text: string, p: number, max: number): boolean {
  let i = p;
  const limit = Math.min(text.length, p + max);
  while (i < limit && isDigit(text.charCodeAt(i))) i++;
  if (i === p || text.charCodeAt(i) !== RPAREN) return false;
  const c = text.charCodeAt(i + 1);
  if (isDigit(c)) return true;
  return (isSpaceSep(c) || isDashSep(c)) && isDigit(text.charCodeAt(i + 2));
}

interface Run {
  /** First char of the run: a digit, `+`, or `(` of `(+47)` / `(415)`. */
  start: number;
  /** After the last digit. */
  end: number;
  /** Starts with `+`. */
  plus: boolean;
  groups: number;
  digits: number;
  overflow: boolean;
}

const run: Run = { start: 0, end: 0, plus: false, groups: 0, digits: 0, overflow: false };

/** Reads the run whose first digit is at `first` into `run` and the group buffers. */
function readRun(text: string, first: number): void {
  const n = text.length;
  let start = first;
  let plus = false;
  let openParen = false;
  const before = first > 0 ? text.charCodeAt(first - 1) : -1;
  if (before === PLUS) {
    plus = true;
    start = first - 1;
    if (first >= 2 && text.charCodeAt(first - 2) === LPAREN && parenGroupAt(text, first, 3)) {
      start = first - 2;
      openParen = true;
    }
  } else if (before === LPAREN && parenGroupAt(text, first, MAX_PAREN_DIGITS)) {
    start = first - 1;
    openParen = true;
  }

  let k = 0;
  let digits = 0;
  let sep = SEP_NONE;
  let j = first;
  for (;;) {
    const gs = j;
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    const ge = j;
    digits += ge - gs;
    let paren = 0;
    if (openParen) {
      // parenGroupAt guaranteed the ')' right here.
      j++;
      paren = 1;
      openParen = false;
    }
    if (k < MAX_GROUPS) {
      gStart[k] = gs;
      gEnd[k] = ge;
      gSep[k] = sep;
      gParen[k] = paren;
    }
    k++;
    if (j >= n) break;
    const c = text.charCodeAt(j);
    if (isSpaceSep(c)) {
      const c1 = text.charCodeAt(j + 1);
      if (isDigit(c1)) {
        sep = SEP_SPACE;
        j += 1;
        continue;
      }
      if (c1 === LPAREN && parenGroupAt(text, j + 2, MAX_PAREN_DIGITS)) {
        sep = SEP_PAREN;
        openParen = true;
        j += 2;
        continue;
      }
      break;
    }
    if (isDashSep(c) || c === DOT) {
      if (isDigit(text.charCodeAt(j + 1))) {
        sep = c === DOT ? SEP_DOT : SEP_DASH;
        j += 1;
        continue;
      }
      break;
    }
    if (c === LPAREN && parenGroupAt(text, j + 1, MAX_PAREN_DIGITS)) {
      sep = SEP_PAREN;
      openParen = true;
      j += 1;
      continue;
    }
    if (paren && isDigit(c)) {
      sep = SEP_PAREN;
      continue;
    }
    break;
  }
  run.start = start;
  run.end = j;
  run.plus = plus;
  run.groups = k;
  run.digits = digits;
  run.overflow = k > MAX_GROUPS;
}

// ---------------------------------------------------------------------------
// Interpreting runs

function groupLen(i: number): number {
  return (gEnd[i] ?? 0) - (gStart[i] ?? 0);
}

/** Digits of groups [from, to], skipping `skipDigits` leading digits and a `(0)` trunk group. */
function collectDigits(text: string, from: number, to: number, skipDigits: number): string {
  let s = '';
  for (let i = from; i <= to; i++) {
    const gs = gStart[i] ?? 0;
    const ge = gEnd[i] ?? 0;
    if (i === 1 && gParen[i] === 1 && ge - gs === 1 && text.charCodeAt(gs) === ZERO) continue;
    s += text.slice(gs, ge);
  }
  return skipDigits > 0 ? s.slice(skipDigits) : s;
}

/** Recent libphonenumber verdicts: a page tends to repeat its numbers, and a parse costs ~10-25 µs. */
const intlCache = new Map<string, string | null>();
const INTL_CACHE_SIZE = 256;

/**
 * Does the number start with a country calling code libphonenumber knows? Calling
 * codes are prefix-free, 1-3 digits (the global ones such as +800 and +888 are
 * three). Without one libphonenumber finds no number
 * either, but its first calls on a page cost ~1 ms each (cold code): an account
 * number after `00` (`0012.34.56789`) is turned down here instead.
 */
function hasCallingCode(cc: string): boolean {
  const codes = metadata.country_calling_codes;
  const global = metadata.nonGeographic ?? {};
  const three = cc.slice(0, 3);
  return Object.hasOwn(codes, cc.slice(0, 1)) || Object.hasOwn(codes, cc.slice(0, 2)) || Object.hasOwn(codes, three) || Object.hasOwn(global, three);
}

/** E.164 for the digits after `+` / `00`, or null when not a valid number. */
function internationalE164(cc: string): string | null {
  if (cc.length < 7 || cc.length > 15 || cc.charCodeAt(0) === ZERO) return null;
  if (cc.startsWith('47')) {
    const nsn = cc.slice(2);
    return isValidNorwegianNational(nsn) ? `+${cc}` : null;
  }
  if (!hasCallingCode(cc)) return null;
  const cached = intlCache.get(cc);
  if (cached !== undefined) return cached;
  const parsed = parsePhoneNumberFromString(`+${cc}`);
  const e164 = parsed?.isValid() ? parsed.number : null;
  if (intlCache.size >= INTL_CACHE_SIZE) intlCache.clear();
  intlCache.set(cc, e164);
  return e164;
}

function isNorwegianRegion(region: CountryCode): boolean {
  return region === 'NO' || region === 'SJ';
}

/** Does the run start with the `00` international call prefix (`0047 ...`, `00 46 ...`)? */
function startsWithIdd(text: string): boolean {
  const g0 = gStart[0] ?? 0;
  const len = groupLen(0);
  if (gParen[0] === 1 || len < 2) return false;
  if (text.charCodeAt(g0) !== ZERO || text.charCodeAt(g0 + 1) !== ZERO) return false;
  return len === 2 || text.charCodeAt(g0 + 2) !== ZERO;
}

function isCompositeSep(s: number | undefined): boolean {
  return s === SEP_DASH || s === SEP_DOT || s === SEP_PAREN;
}

/** A number candidate: groups [first, last] of the current run. */
interface Candidate {
  first: number;
  last: number;
  e164: string;
  /** Written with `+` / `00`: never an amount, so `,00` / `kr` after it do not reject it. */
  intl?: boolean;
}

/**
 * The group index ending a Norwegian national number that starts at group i:
 * 8 digits, 3-2-3 (space, dash or dot) or 2-2-2-2 (space or dash); -1 if none.
 */
function norwegianPatternAt(i: number, k: number): number {
  const len = groupLen(i);
  let last: number;
  if (len === 8) {
    last = i;
  } else if (len === 3) {
    last = i + 2;
    if (last >= k || groupLen(i + 1) !== 2 || groupLen(i + 2) !== 3) return -1;
    const s = gSep[i + 1];
    if (s !== gSep[i + 2] || (s !== SEP_SPACE && s !== SEP_DASH && s !== SEP_DOT)) return -1;
  } else if (len === 2) {
    last = i + 3;
    if (last >= k || groupLen(i + 1) !== 2 || groupLen(i + 2) !== 2 || groupLen(i + 3) !== 2) return -1;
    const s = gSep[i + 1];
    // Dotted pairs are left out: 41.23.45.67 is as likely an IP address.
    if (s !== gSep[i + 2] || s !== gSep[i + 3] || (s !== SEP_SPACE && s !== SEP_DASH)) return -1;
  } else {
    return -1;
  }
  for (let g = i; g <= last; g++) if (gParen[g] === 1) return -1;
  return last;
}

/**
 * Norwegian national numbers among groups [from, k) of the run. A number
 * starts and ends at a space between groups (never inside `2026-11-29`);
 * groups that fit no number are left over and checked by `acceptCandidates`.
 */
function norwegianCandidates(text: string, from: number, label: Label, cands: Candidate[]): void {
  const k = run.groups;
  let i = from;
  while (i < k) {
    if (i > 0 && gSep[i] !== SEP_SPACE) {
      i++;
      continue;
    }
    const last = norwegianPatternAt(i, k);
    if (last < 0 || (last + 1 < k && gSep[last + 1] !== SEP_SPACE)) {
      i++;
      continue;
    }
    const nsn = collectDigits(text, i, last, 0);
    if (!isValidNorwegianNational(nsn) || (last === i && label !== 'phone' && looksLikeCompactDate(nsn))) {
      i++;
      continue;
    }
    cands.push({ first: i, last, e164: `+47${nsn}` });
    i = last + 1;
  }
}

/**
 * After a phone label: any grouping of exactly 8 digits in at most 4 groups
 * separated by spaces (`Tlf: 4123 4567`). Dots and dashes are left out: after
 * `Kontakt:` or `Ring`, `29.11.2026`, `2026-11-29` and `2019-2023` are dates.
 */
function looseNorwegianCandidate(text: string): Candidate | null {
  const k = run.groups;
  if (run.digits !== 8 || k > 4) return null;
  for (let i = 0; i < k; i++) {
    if (gParen[i] === 1 || groupLen(i) < 2 || (i > 0 && gSep[i] !== SEP_SPACE)) return null;
  }
  const nsn = collectDigits(text, 0, k - 1, 0);
  return isValidNorwegianNational(nsn) ? { first: 0, last: k - 1, e164: `+47${nsn}` } : null;
}

/**
 * The international number at the start of a `+`/`00` run: the longest prefix
 * of groups, ending at a space, that is a valid number.
 */
function internationalCandidate(text: string, skipDigits: number): Candidate | null {
  const k = run.groups;
  let digits = run.digits;
  for (let last = k - 1; last >= 0; last--) {
    if (last < k - 1) digits -= groupLen(last + 1);
    if (digits < 7 + skipDigits) return null;
    if (digits > 17 || (last < k - 1 && gSep[last + 1] !== SEP_SPACE)) continue;
    const e164 = internationalE164(collectDigits(text, 0, last, skipDigits));
    if (e164) return { first: 0, last, e164, intl: true };
  }
  return null;
}

/**
 * Is the leftover group g, next to a number, harmless? A bare 1-3 digit group
 * (`1 41234567`, `10 20 30 40 50 60`) makes the number part of a longer
 * figure; a group of 4+ digits (a year), a part of a date or time
 * (`29.11.2026`, `12:00`) or a word-glued group (`A12`) stands on its own.
 */
function harmlessLeftover(text: string, g: number, side: 'left' | 'right'): boolean {
  if (groupLen(g) >= 4) return true;
  const k = run.groups;
  if (side === 'left') {
    if (g > 0) return isCompositeSep(gSep[g]);
    return run.start > 0 && (isGluedBefore(text, run.start) || text.charCodeAt(run.start - 1) === 0x3a);
  }
  if (g < k - 1) return isCompositeSep(gSep[g + 1]);
  return run.end < text.length && (isGluedAfter(text, run.end) || text.charCodeAt(run.end) === 0x3a);
}

/**
 * Is group 0 a bracketed count or label of 1-3 digits, set off by a space from
 * the number after it (`Tapt anrop (2) 41234567`, `Ola (45) 412 34 567`)?
 * Not for `(0)41234567` (no space) or a `(+47)` country code.
 */
function parenCountFirst(): boolean {
  return !run.plus && gParen[0] === 1 && groupLen(0) <= 3 && run.groups > 1 && gSep[1] === SEP_SPACE;
}

/** Applies the context rules to the candidates of the run and appends the survivors. */
function acceptCandidates(text: string, cands: Candidate[], label: Label, out: PhoneMatch[]): void {
  const k = run.groups;
  let gluedBefore: boolean | undefined;
  let gluedAfter: boolean | undefined;
  for (let c = 0; c < cands.length; c++) {
    const cand = cands[c] as Candidate;
    const { first, last } = cand;
    if (first === 0) {
      if (label === 'other') continue;
      // After `Kunde`, `Sak`, `ID` a bare digit run is an identifier; `412 34 567`, `+47 …`, `0047 …` are phone spellings.
      if (label === 'weak' && first === last && !run.plus && text.charCodeAt(run.start) !== ZERO) continue;
      gluedBefore ??= isGluedBefore(text, run.start);
      if (gluedBefore) continue;
    } else if (cands[c - 1]?.last !== first - 1) {
      if (first === 1 && parenCountFirst()) {
        // The label before `(2)` still speaks for the number (`Kundenr. (2) 41234567`).
        if (label === 'other') continue;
      } else if (!harmlessLeftover(text, first - 1, 'left')) {
        continue;
      }
    }
    if (last === k - 1) {
      gluedAfter ??= cand.intl === true ? isGluedAfter(text, run.end, true) : isGluedAfter(text, run.end) || amountAfter(text, run.end);
      if (gluedAfter) continue;
    } else if (cands[c + 1]?.first !== last + 1 && !harmlessLeftover(text, last + 1, 'right')) {
      continue;
    }
    out.push({ start: first === 0 ? run.start : (gStart[first] ?? 0), end: gEnd[last] ?? 0, e164: cand.e164 });
  }
}

/** Reads the run at `first`, appends its numbers to `out`, returns where to continue. */
function scanRun(text: string, first: number, region: CountryCode, out: PhoneMatch[]): number {
  readRun(text, first);
  const end = run.end;
  if (run.digits < 7 || run.overflow) return end;
  const norwegian = isNorwegianRegion(region);
  const label = labelBefore(text, run.start);
  const cands: Candidate[] = [];

  let from = 0;
  if (run.plus) {
    const intl = internationalCandidate(text, 0);
    // A broken `+` number yields nothing at all, not pieces of it.
    if (!intl) return end;
    cands.push(intl);
    from = intl.last + 1;
  } else if (startsWithIdd(text) && !isGluedBefore(text, run.start)) {
    const intl = internationalCandidate(text, 2);
    if (intl) {
      cands.push(intl);
      from = intl.last + 1;
    }
  }

  if (norwegian) {
    if (from < run.groups && run.digits >= 8) {
      norwegianCandidates(text, from, label, cands);
      if (cands.length === 0 && label === 'phone') {
        const loose = looseNorwegianCandidate(text);
        if (loose) cands.push(loose);
      }
    }
  } else if (from === 0 && run.digits <= 15) {
    // Another region's national numbers: the whole run is one number.
    const parsed = parsePhoneNumberFromString(text.slice(run.start, end), region);
    if (parsed?.isValid()) cands.push({ first: 0, last: run.groups - 1, e164: parsed.number });
  }
  if (cands.length > 0) acceptCandidates(text, cands, label, out);
  return end;
}

/** All phone numbers in text, in order, non-overlapping. */
export function findPhoneNumbers(text: string, options?: DetectOptions): PhoneMatch[] {
  if (!HAS_DIGIT.test(text)) return [];
  return HAS_INVISIBLE.test(text) ? findAcrossInvisible(text, options) : findInVisibleText(text, options);
}

/**
 * Reads the text as shown, without its invisible characters, and maps each
 * number back to the text as written (its span includes the invisible
 * characters inside it, not those around it).
 */
function findAcrossInvisible(text: string, options?: DetectOptions): PhoneMatch[] {
  const at: number[] = [];
  let shown = '';
  for (let i = 0; i < text.length; i++) {
    if (isInvisible(text.charCodeAt(i))) continue;
    at.push(i);
    shown += text[i];
  }
  return findInVisibleText(shown, options).map((m) => ({ start: at[m.start]!, end: at[m.end - 1]! + 1, e164: m.e164 }));
}

function findInVisibleText(text: string, options?: DetectOptions): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  let i = nextDigit(text, 0);
  const region = options?.region ?? 'NO';
  while (i >= 0) {
    i = nextDigit(text, scanRun(text, i, region, out));
  }
  return out;
}

// ---------------------------------------------------------------------------
// parsePhoneInput

/** Invisible characters that copy/paste drags along: zero-width, bidi marks, BOM, soft hyphen. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** What a typed or pasted number may consist of. */
const INPUT_CHARS = /^\(?\+?[\d\s().\-\u2010-\u2013/]*$/;
/** Day-first dates: `29.11.2026`, `1.12.2026`, `29/11/2026`, `29-11-2026`, `29. 11. 2026`. */
const DMY_DATE = /^(\d{1,2})([./\-\u2010-\u2013])\s?(\d{1,2})\2\s?(\d{4})$/;
/** Year-first dates: `2026-11-29`, `2026.11.29`, `2026/11/29`. */
const YMD_DATE = /^(\d{4})([./\-\u2010-\u2013])\s?(\d{1,2})\2\s?(\d{1,2})$/;
/** Four dotted groups of 1-3 digits: an IP address (`41.23.45.67`, as findPhoneNumbers reads it). */
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Does the whole value read as a date or an IP address rather than a phone number? */
function looksLikeDateOrAddress(s: string): boolean {
  if (DOTTED_QUAD.test(s)) return true;
  let m = DMY_DATE.exec(s);
  if (m) return isCalendarDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = YMD_DATE.exec(s);
  return m !== null && isCalendarDate(Number(m[4]), Number(m[3]), Number(m[1]));
}

/** A leading hyphen or dash: a negative value or a list bullet, not a number. */
function startsWithDash(s: string): boolean {
  const c = s.charCodeAt(0);
  return isDashSep(c);
}

type Failure = Extract<PhoneInputResult, { ok: false }>['reason'];

function fail(reason: Failure): PhoneInputResult {
  return { ok: false, reason };
}

/** Classifies a Norwegian national significant number (digits only). */
function norwegianInput(nsn: string): PhoneInputResult {
  if (nsn.length === 8) return isValidNorwegianNational(nsn) ? { ok: true, e164: `+47${nsn}` } : fail('invalid');
  if (isNorwegianShortServiceNumber(nsn)) return fail('service-number');
  // Emergency numbers 110, 112, 113.
  if (nsn.length === 3 && nsn.startsWith('11')) return fail('service-number');
  return fail(nsn.length < 8 ? 'too-short' : 'too-long');
}

function libraryReason(text: string, region?: CountryCode): Failure {
  switch (validatePhoneNumberLength(text, region)) {
    case 'TOO_SHORT':
      return 'too-short';
    case 'TOO_LONG':
      return 'too-long';
    case 'NOT_A_NUMBER':
      return 'not-a-number';
    default:
      return 'invalid';
  }
}

/**
 * Parses ONE user-typed value (an input field, a pasted line, a selection, a
 * tel: link) into E.164, or says why not. The whole string must be the
 * number; surrounding whitespace, invisible marks, one leading apostrophe and
 * a `tel:` prefix are ignored.
 */
export function parsePhoneInput(value: string, options?: DetectOptions): PhoneInputResult {
  const region = options?.region ?? 'NO';
  let s = value.replace(INVISIBLE, '').trim();
  // One leading apostrophe is a spreadsheet's "this is text" mark, and how the block-list export writes `'+47…`.
  if (s.startsWith("'")) s = s.slice(1).trim();
  if (s === '') return fail('empty');
  if (/^tel:/i.test(s)) s = s.slice(4).trim();
  if (s.length > 64 || !INPUT_CHARS.test(s) || startsWithDash(s) || looksLikeDateOrAddress(s)) return fail('not-a-number');
  // `+44 (0)20 ...`: drop the trunk zero written after the country code.
  s = s.replace(/^(\(?(?:\+|00)\d{1,3}\)?)[\s\u00a0]*\(0\)/, '$1 ');
  const digits = s.replace(/\D/g, '');
  if (digits === '') return fail('not-a-number');
  if (digits.length > 17) return fail('too-long');

  let cc: string | null = null;
  if (s.startsWith('+') || s.startsWith('(+')) cc = digits;
  else if (digits.startsWith('00') && s.replace(/^\(/, '').startsWith('00')) cc = digits.slice(2);

  if (cc !== null) {
    if (cc === '' || cc.charCodeAt(0) === ZERO) return fail('invalid');
    if (cc.startsWith('47')) return norwegianInput(cc.slice(2));
    const parsed = parsePhoneNumberFromString(`+${cc}`);
    if (parsed?.isValid()) return { ok: true, e164: parsed.number };
    return fail(libraryReason(`+${cc}`));
  }

  if (isNorwegianRegion(region)) {
    // `4741234567`: +47 with the plus lost (CRM exports, spreadsheets).
    if (digits.length === 10 && digits.startsWith('47') && isValidNorwegianNational(digits.slice(2))) {
      return { ok: true, e164: `+${digits}` };
    }
    return norwegianInput(digits);
  }
  const parsed = parsePhoneNumberFromString(s, region);
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  return fail(libraryReason(s, region));
}
