/** Counting call logs: per outcome kind, sales and the amount sold. */
import type { CallLog, OutcomeKind } from '../db';
import { OUTCOME_KINDS } from './rules';

export interface Tally {
  calls: number;
  /** Calls per outcome kind (every kind present, 0 when none). */
  byKind: Record<OutcomeKind, number>;
  /** Calls with outcome kind 'sale'. */
  sales: number;
  /** Sum of amountOre over the calls (null amounts count 0), in øre. */
  amountOre: number;
}

export function emptyTally(): Tally {
  const byKind = {} as Record<OutcomeKind, number>;
  for (const k of OUTCOME_KINDS) byKind[k] = 0;
  return { calls: 0, byKind, sales: 0, amountOre: 0 };
}

export function addToTally(tally: Tally, log: Pick<CallLog, 'outcomeKind' | 'amountOre'>): void {
  tally.calls++;
  tally.byKind[log.outcomeKind]++;
  if (log.outcomeKind === 'sale') tally.sales++;
  tally.amountOre += log.amountOre ?? 0;
}

export function tallyLogs(logs: readonly Pick<CallLog, 'outcomeKind' | 'amountOre'>[]): Tally {
  const tally = emptyTally();
  for (const log of logs) addToTally(tally, log);
  return tally;
}
