import { osloParts, osloWallTimeToInstant } from '../oslo-clock';
import { dayNumber, osloDate } from './freshness';

/**
 * The instant (ms) at which the Oslo calendar day `date` (YYYY-MM-DD) begins:
 * 23:00 UTC the day before in winter (CET), 22:00 UTC in summer (CEST).
 * Oslo's clock changes at 02:00/03:00, so midnight always exists once.
 * Null for anything that is not a real date.
 */
export function osloMidnight(date: string): number | null {
  if (dayNumber(date) === null) return null;
  const [y, m, d] = date.split('-').map(Number);
  return osloWallTimeToInstant(y!, m!, d!);
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

/** `2026-11-28 14:03:05` in Europe/Oslo: sortable, and read as a date-time by spreadsheets. */
export function osloTimestamp(ms: number): string {
  const p = osloParts(ms);
  return `${p.date} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

const two = (n: number) => String(n).padStart(2, '0');
