import { dayNumber, osloDate } from './freshness';

const osloTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The instant (ms) at which the Oslo calendar day `date` (YYYY-MM-DD) begins:
 * 23:00 UTC the day before in winter (CET), 22:00 UTC in summer (CEST).
 * Oslo's clock changes at 02:00/03:00, so midnight always exists once.
 * Null for anything that is not a real date.
 */
export function osloMidnight(date: string): number | null {
  const day = dayNumber(date);
  if (day === null) return null;
  const utcMidnight = day * 86_400_000;
  for (const offsetHours of [1, 2]) {
    const candidate = utcMidnight - offsetHours * 3_600_000;
    if (osloDate(new Date(candidate)) === date && osloTime.format(candidate) === '00:00') return candidate;
  }
  return utcMidnight - 3_600_000;
}

/**
 * The snapshot date to propose for a register file: the Oslo date of its
 * last modification, but never after today (a clock or a copy can put it in
 * the future, and importRegister refuses future dates).
 */
export function defaultSnapshotDate(lastModified: number, now: number = Date.now()): string {
  const at = Number.isFinite(lastModified) && lastModified > 0 ? Math.min(lastModified, now) : now;
  return osloDate(new Date(at));
}

const osloStamp = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-28 14:03:05` in Europe/Oslo: sortable, and read as a date-time by spreadsheets. */
export function osloTimestamp(ms: number): string {
  return osloStamp.format(ms).replace('T', ' ');
}
