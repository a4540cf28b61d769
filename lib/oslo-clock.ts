/**
 * Europe/Oslo wall clock, whatever the machine's time zone: the wall-clock
 * parts of an instant, and the instant of a wall-clock time (correct across
 * the DST changes, last Sunday of March 02:00→03:00 and of October
 * 03:00→02:00). Same Intl approach as lib/register/oslo-dates.ts.
 */

export interface OsloParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
  weekday: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** The Oslo calendar date, YYYY-MM-DD. */
  date: string;
}

const osloFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  const utcDay = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The Europe/Oslo wall-clock parts of an instant (ms since the epoch).
 * Seconds are truncated: 08:59:59.999 is still 08:59:59.
 * @throws RangeError when `ms` is not a finite number.
 */
export function osloParts(ms: number): OsloParts {
  if (!Number.isFinite(ms)) throw new RangeError(`osloParts: not an instant: ${ms}`);
  const values: Record<string, number> = {};
  for (const part of osloFormat.formatToParts(ms)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year ?? NaN;
  const month = values.month ?? NaN;
  const day = values.day ?? NaN;
  const hour = (values.hour ?? NaN) % 24; // some engines print 24 for midnight
  const minute = values.minute ?? NaN;
  const second = values.second ?? NaN;
  return { year, month, day, weekday: isoWeekday(year, month, day), hour, minute, second, date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** The wall clock read as if it were UTC, minus the instant: Oslo's UTC offset in ms (+1 h or +2 h). */
function offsetAt(ms: number): number {
  const p = osloParts(ms);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant (ms) at which Oslo's wall clock shows the given time.
 * A time that happens twice (October, 02:00–02:59) gives the first one
 * (summer time); a time that never happens (March, 02:00–02:59) is moved
 * forward by the gap, e.g. 02:30 → 03:30 summer time (Temporal's
 * "compatible" choice).
 */
export function osloWallTimeToInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (!Number.isFinite(wallAsUtc)) throw new RangeError('osloWallTimeToInstant: not a time');
  // The offsets in force half a day either side cover any single change.
  const before = offsetAt(wallAsUtc - 12 * 3_600_000);
  const after = offsetAt(wallAsUtc + 12 * 3_600_000);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => offsetAt(instant) === wallAsUtc - instant)
    .sort((a, b) => a - b);
  return candidates[0] ?? wallAsUtc - before;
}
