/**
 * Norwegian public holidays (helligdager + 1. and 17. mai), the days on which
 * consumer telemarketing and charity calls are forbidden (domain.md).
 *
 * The rules come from the `date-holidays` package (NO, type 'public' only),
 * kept as a small checked-in slice in `no-holidays-data.json`. The package
 * itself is not bundled: its parser pulls in every calendar system and
 * moment-timezone (about 1 MB minified). The slice only uses two rule forms,
 * a fixed `MM-DD` and `easter ±N`, evaluated here; any other form makes this
 * module throw when loaded. `no-holidays-data.test.ts` checks that the slice
 * still equals the package's data and that this evaluation gives the same
 * dates and names as the package for 1900–2200.
 *
 * Christmas Eve and New Year's Eve are 'bank' days in the data, not public
 * holidays, so they are not here: legally they are ordinary weekdays.
 */
import slice from './no-holidays-data.json';

export interface PublicHoliday {
  /** Norwegian name from the data, e.g. "Andre påskedag". */
  name: string;
  /** English name from the data, e.g. "Easter Monday". */
  nameEn: string;
}

export interface DatedPublicHoliday extends PublicHoliday {
  /** Oslo calendar date, YYYY-MM-DD. */
  date: string;
}

export type CompiledRule =
  | { kind: 'fixed'; month: number; day: number; name: string; nameEn: string }
  | { kind: 'easter'; offset: number; name: string; nameEn: string };

const FIXED = /^(\d{2})-(\d{2})$/;
const EASTER = /^easter(?: ([+-]?\d{1,3}))?$/;

/**
 * Checks one rule of the slice and turns it into a date rule.
 * @throws Error for anything the evaluator here does not understand.
 */
export function compileHolidayRule(entry: unknown): CompiledRule {
  if (typeof entry !== 'object' || entry === null) throw new Error('no-holidays-data.json: rule is not an object');
  const { rule, name, ...rest } = entry as { rule?: unknown; name?: unknown };
  if (typeof rule !== 'string') throw new Error('no-holidays-data.json: rule without a rule string');
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new Error(`no-holidays-data.json: unsupported option(s) ${extra.join(', ')} on "${rule}"`);
  const names = (typeof name === 'object' && name !== null ? name : {}) as { no?: unknown; en?: unknown };
  if (typeof names.no !== 'string' || names.no === '') throw new Error(`no-holidays-data.json: no Norwegian name for "${rule}"`);
  const nameNo = names.no;
  const nameEn = typeof names.en === 'string' && names.en !== '' ? names.en : nameNo;

  const fixed = FIXED.exec(rule);
  if (fixed) {
    const month = Number(fixed[1]);
    const day = Number(fixed[2]);
    const check = new Date(Date.UTC(2000, month - 1, day)); // a leap year, so 02-29 passes
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new Error(`no-holidays-data.json: bad date "${rule}"`);
    return { kind: 'fixed', month, day, name: nameNo, nameEn };
  }
  const easter = EASTER.exec(rule);
  if (easter) return { kind: 'easter', offset: easter[1] === undefined ? 0 : Number(easter[1]), name: nameNo, nameEn };
  throw new Error(`no-holidays-data.json: unsupported rule "${rule}"`);
}

const RULES: readonly CompiledRule[] = (slice.rules as unknown[]).map(compileHolidayRule);

/**
 * Easter Sunday of a Gregorian year (anonymous Gregorian algorithm,
 * Meeus/Jones/Butcher), as a UTC day number (days since 1970-01-01).
 */
export function easterSundayDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

function ymdOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Gregorian Easter rules hold from 1583; beyond 9999 a date is no longer YYYY-MM-DD. */
const MIN_YEAR = 1583;
const MAX_YEAR = 9999;

const cache = new Map<number, readonly DatedPublicHoliday[]>();

/**
 * The public holidays of `year`, sorted by date (two can share a date, e.g.
 * Grunnlovsdagen and Andre pinsedag on 2027-05-17; then in data order).
 * Cached per year; the result is frozen.
 * @throws RangeError for a year that is not an integer in 1583–9999.
 */
export function publicHolidays(year: number): readonly DatedPublicHoliday[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`publicHolidays: unsupported year ${year}`);
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSundayDay(year);
  const found: { day: number; index: number; holiday: DatedPublicHoliday }[] = [];
  RULES.forEach((rule, index) => {
    let day: number;
    if (rule.kind === 'fixed') {
      const ms = Date.UTC(year, rule.month - 1, rule.day);
      if (new Date(ms).getUTCDate() !== rule.day) return; // 02-29 outside a leap year
      day = Math.round(ms / 86_400_000);
    } else {
      day = easter + rule.offset;
    }
    const date = ymdOfDay(day);
    if (Number(date.slice(0, 4)) !== year) return; // an Easter offset beyond the year's ends
    found.push({ day, index, holiday: Object.freeze({ date, name: rule.name, nameEn: rule.nameEn }) });
  });
  const list = found.sort((x, y) => x.day - y.day || x.index - y.index).map((entry) => entry.holiday);
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The public holiday on an Oslo calendar date (YYYY-MM-DD), or null on any
 * other day. When two holidays share the date, the first in data order.
 * @throws RangeError when `dateYmd` is not a real YYYY-MM-DD date in 1583–9999.
 */
export function publicHolidayOn(dateYmd: string): PublicHoliday | null {
  const m = YMD.exec(dateYmd);
  if (!m) throw new RangeError(`publicHolidayOn: not a YYYY-MM-DD date: ${JSON.stringify(dateYmd)}`);
  const year = Number(m[1]);
  const ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== dateYmd) throw new RangeError(`publicHolidayOn: not a real date: ${dateYmd}`);
  const found = publicHolidays(year).find((holiday) => holiday.date === dateYmd);
  return found ? { name: found.name, nameEn: found.nameEn } : null;
}
