/**
 * Is the register snapshot fresh enough to call from? (domain.md, "Freshness":
 * stale when older than 30 days or from an earlier calendar month.)
 * Calendar dates are Europe/Oslo dates, whatever the machine's time zone.
 */
import { osloParts } from '../oslo-clock';

export interface RegisterFreshness {
  state: 'missing' | 'fresh' | 'stale';
  /** Whole Oslo calendar days between the snapshot date and today; null when missing. */
  ageDays: number | null;
  reason?: 'older-than-30-days' | 'earlier-month';
  /** The last Oslo date (YYYY-MM-DD) on which the snapshot is still fresh; null when missing. */
  freshUntil: string | null;
}

export const MAX_AGE_DAYS = 30;

/** The Europe/Oslo calendar date of an instant, YYYY-MM-DD. */
export function osloDate(at: Date): string {
  return osloParts(at.getTime()).date;
}

/** Day number (days since 1970-01-01) of a real calendar date YYYY-MM-DD, or null. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Math.round(ms / 86400000);
}

function dateOfDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** Last day of the month of a YYYY-MM-DD date, as a day number. */
function lastDayOfMonth(date: string): number {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  return Math.round(Date.UTC(y, mo, 0) / 86400000);
}

/**
 * Freshness of a snapshot taken on `snapshotDate` (YYYY-MM-DD, Oslo) at `now`.
 * A date in the future (clock skew) counts as age 0.
 */
export function registerFreshness(snapshotDate: string | null, now: Date): RegisterFreshness {
  const snapDay = snapshotDate === null ? null : dayNumber(snapshotDate);
  if (snapshotDate === null || snapDay === null) return { state: 'missing', ageDays: null, freshUntil: null };
  const today = osloDate(now);
  const todayDay = dayNumber(today) as number;
  const ageDays = Math.max(0, todayDay - snapDay);
  const freshUntil = dateOfDay(Math.min(snapDay + MAX_AGE_DAYS, lastDayOfMonth(snapshotDate)));
  if (ageDays > MAX_AGE_DAYS) return { state: 'stale', ageDays, reason: 'older-than-30-days', freshUntil };
  if (snapshotDate.slice(0, 7) < today.slice(0, 7)) return { state: 'stale', ageDays, reason: 'earlier-month', freshUntil };
  return { state: 'fresh', ageDays, freshUntil };
}
