/**
 * The team lead's choice in the popup (period and filters) turned into a
 * LogFilter, and the names of the files exported from it. Pure.
 */
import type { LogFilter } from '../call-log/filter-logs';
import { type CustomPeriod, type PeriodKind, PeriodError, type TimeRange, periodRange } from '../call-log/oslo-period';
import { osloDate } from '../register/freshness';

export interface TeamSelection {
  period: PeriodKind;
  /** Used when period is 'custom': Oslo days YYYY-MM-DD, both inclusive ('' when not chosen). */
  custom: CustomPeriod;
  /** '' = every campaign / client / agent. */
  campaignId: string;
  clientId: string;
  agent: string;
}

export type SelectionResult = { ok: true; filter: LogFilter; range: TimeRange } | { ok: false; problem: PeriodError['code'] };

/** The filter for a selection at `now`, or why the custom period cannot be used. */
export function selectionFilter(selection: TeamSelection, now: number): SelectionResult {
  let range: TimeRange;
  try {
    range = periodRange(selection.period, now, selection.period === 'custom' ? selection.custom : undefined);
  } catch (error) {
    if (error instanceof PeriodError) return { ok: false, problem: error.code };
    throw error;
  }
  const filter: LogFilter = { from: range.from, to: range.to };
  if (selection.campaignId) filter.campaignId = selection.campaignId;
  if (selection.clientId) filter.clientId = selection.clientId;
  if (selection.agent) filter.agent = selection.agent;
  return { ok: true, filter, range };
}

/** Whether a campaign, client or agent filter narrows the selection. */
export function hasNarrowingFilter(selection: Pick<TeamSelection, 'campaignId' | 'clientId' | 'agent'>): boolean {
  return selection.campaignId !== '' || selection.clientId !== '' || selection.agent !== '';
}

/** The Oslo days a range covers: first and last (inclusive), YYYY-MM-DD. */
export function rangeDays(range: TimeRange): { first: string; last: string } {
  return { first: osloDate(new Date(range.from)), last: osloDate(new Date(range.to - 1)) };
}

/** `kontaktvern-samtaler-2026-11-29.csv`: the Oslo date of the export. */
export function exportFileName(extension: 'csv' | 'json', now: number): string {
  return `kontaktvern-samtaler-${osloDate(new Date(now))}.${extension}`;
}
