/** An agent's own calls of today (Europe/Oslo), for the side panel's "today" list. */
import type { CallLog, KontaktvernDb } from '../db';
import { osloDayRange } from './oslo-period';
import { type Tally, tallyLogs } from './tally';

/** The agent's calls of the Oslo calendar day of `now`, newest first (anonymised ones included). */
export async function callsOfDay(db: KontaktvernDb, agent: string, now: number = Date.now()): Promise<CallLog[]> {
  const { from, to } = osloDayRange(now);
  const who = agent.trim();
  const logs = await db.callLogs
    .where('at')
    .between(from, to, true, false)
    .filter((l) => l.agent === who)
    .toArray();
  return logs.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Count per outcome kind, sales count and amount sum of some logs. */
export function dayTotals(logs: readonly CallLog[]): Tally {
  return tallyLogs(logs);
}
