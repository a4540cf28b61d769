/**
 * Results per agent and per campaign over a time range. Anonymised logs
 * count like any other: anonymisation removes whom was called, not what
 * happened.
 */
import type { KontaktvernDb } from '../db';
import { type LogFilter, filterLogs } from './filter-logs';
import { type Tally, addToTally, emptyTally } from './tally';

export { periodRange, type CustomPeriod, type PeriodKind, type TimeRange, PeriodError } from './oslo-period';
export type { LogFilter } from './filter-logs';
export type { Tally } from './tally';

export interface AgentStats extends Tally {
  agent: string;
}

export interface CampaignStats extends Tally {
  campaignId: string;
  clientId: string;
}

export interface CallStats {
  /** Sorted by agent name. */
  byAgent: AgentStats[];
  /** Sorted by campaign id (the UI sorts by name). */
  byCampaign: CampaignStats[];
  totals: Tally;
}

/** Statistics of the logs that `filterLogs(db, filter)` selects. */
export async function callStats(db: KontaktvernDb, filter: LogFilter): Promise<CallStats> {
  const logs = await filterLogs(db, filter);
  const agents = new Map<string, AgentStats>();
  const campaigns = new Map<string, CampaignStats>();
  const totals = emptyTally();
  for (const log of logs) {
    let a = agents.get(log.agent);
    if (!a) agents.set(log.agent, (a = { agent: log.agent, ...emptyTally() }));
    let c = campaigns.get(log.campaignId);
    if (!c) campaigns.set(log.campaignId, (c = { campaignId: log.campaignId, clientId: log.clientId, ...emptyTally() }));
    addToTally(a, log);
    addToTally(c, log);
    addToTally(totals, log);
  }
  const byName = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return {
    byAgent: [...agents.values()].sort((x, y) => byName(x.agent, y.agent)),
    byCampaign: [...campaigns.values()].sort((x, y) => byName(x.campaignId, y.campaignId)),
    totals,
  };
}
