/**
 * Keys that tie a live query to the Europe/Oslo calendar day, so a view left
 * open across midnight (or the 1st of a month) re-queries. Dexie's liveQuery
 * only re-runs for writes inside the ranges it last read, and a component's
 * query re-subscribes only when its dependencies change: "today" must be one
 * of them. Pure.
 */
import { osloDate } from '../register/freshness';
import { selectionFilter, type TeamSelection } from '../team/team-selection';

/** How often open views look at the clock (a new Oslo day shows within this). */
export const CLOCK_TICK_MS = 60_000;

/** The Oslo calendar date of an instant, YYYY-MM-DD. */
export function osloDayKey(now: number): string {
  return osloDate(new Date(now));
}

/**
 * The instant a view should use after a clock tick: `previous` while it is
 * still the same Oslo day (so nothing re-renders or re-queries), else `next`.
 */
export function nextDayClock(previous: number, next: number): number {
  return osloDayKey(previous) === osloDayKey(next) ? previous : next;
}

/**
 * The dependency key of the team figures: the selection and the start and end
 * of its period at `now` (or why the period cannot be used). Changes when the
 * selection changes and when "today", "this week" or "this month" moves on.
 */
export function selectionQueryKey(selection: TeamSelection, now: number): string {
  const r = selectionFilter(selection, now);
  return JSON.stringify([selection, r.ok ? [r.range.from, r.range.to] : r.problem]);
}
