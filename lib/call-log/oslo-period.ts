/**
 * Time ranges in Europe/Oslo calendar terms, as half-open instants
 * `[from, to)` in ms: a log belongs to the range when `from <= at < to`.
 * Days are Oslo calendar days (23 or 25 hours on the days the clock changes);
 * weeks are ISO weeks (Monday to Sunday).
 */
import { dayNumber, osloDate } from '../register/freshness';
import { osloMidnight } from '../register/oslo-dates';

export interface TimeRange {
  /** First instant inside the range (ms). */
  from: number;
  /** First instant after the range (ms, exclusive). */
  to: number;
}

export type PeriodKind = 'today' | 'week' | 'month' | 'custom';

export interface CustomPeriod {
  /** First Oslo day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last Oslo day, YYYY-MM-DD (inclusive). */
  to: string;
}

export class PeriodError extends Error {
  constructor(readonly code: 'custom-required' | 'invalid-date' | 'from-after-to') {
    super(code);
    this.name = 'PeriodError';
  }
}

function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function startOfDay(day: number): number {
  return osloMidnight(dateOfDay(day)) as number;
}

/** Oslo day number (days since 1970-01-01) of an instant. */
function osloDayOf(now: number): number {
  return dayNumber(osloDate(new Date(now))) as number;
}

/** The Oslo calendar day that contains `now`. */
export function osloDayRange(now: number): TimeRange {
  const day = osloDayOf(now);
  return { from: startOfDay(day), to: startOfDay(day + 1) };
}

/**
 * The range of a period around `now`: today, this ISO week (Monday first),
 * this month, or the custom Oslo days `from`..`to` (both inclusive).
 * Throws PeriodError for a missing or invalid custom range.
 */
export function periodRange(kind: PeriodKind, now: number, custom?: CustomPeriod): TimeRange {
  switch (kind) {
    case 'today':
      return osloDayRange(now);
    case 'week': {
      const day = osloDayOf(now);
      const monday = day - ((day + 3) % 7); // 1970-01-01 was a Thursday
      return { from: startOfDay(monday), to: startOfDay(monday + 7) };
    }
    case 'month': {
      const date = osloDate(new Date(now));
      const y = Number(date.slice(0, 4));
      const m = Number(date.slice(5, 7));
      const first = Math.round(Date.UTC(y, m - 1, 1) / 86_400_000);
      const next = Math.round(Date.UTC(y, m, 1) / 86_400_000);
      return { from: startOfDay(first), to: startOfDay(next) };
    }
    case 'custom': {
      if (!custom) throw new PeriodError('custom-required');
      const from = dayNumber(custom.from);
      const to = dayNumber(custom.to);
      if (from === null || to === null) throw new PeriodError('invalid-date');
      if (from > to) throw new PeriodError('from-after-to');
      return { from: startOfDay(from), to: startOfDay(to + 1) };
    }
  }
}
