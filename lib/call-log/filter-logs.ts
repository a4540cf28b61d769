/** Selecting call logs by time range, campaign, client and agent (for statistics and exports). */
import type { CallLog, KontaktvernDb } from '../db';

export interface LogFilter {
  /** First instant included (ms). */
  from: number;
  /** First instant excluded (ms): the range is `from <= at < to`, as periodRange returns it. */
  to: number;
  campaignId?: string;
  clientId?: string;
  agent?: string;
}

/** The logs matching every given criterion, oldest first (ties by id). Anonymised logs included. */
export async function filterLogs(db: KontaktvernDb, filter: LogFilter): Promise<CallLog[]> {
  const { from, to, campaignId, clientId, agent } = filter;
  if (!(from < to)) return [];
  const inRange = (l: CallLog) => l.at >= from && l.at < to;
  const matches = (l: CallLog) =>
    (campaignId === undefined || l.campaignId === campaignId) && (clientId === undefined || l.clientId === clientId) && (agent === undefined || l.agent === agent);
  const base =
    campaignId !== undefined
      ? db.callLogs.where('campaignId').equals(campaignId).filter(inRange)
      : db.callLogs.where('at').between(from, to, true, false);
  const logs = await base.filter(matches).toArray();
  return logs.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
