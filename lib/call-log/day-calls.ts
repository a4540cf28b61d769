/** An agent's own calls of today (Europe/Oslo), for the side panel's "today" list. */
import type { CallLog, KontaktvernDb } from '../db';
import { osloDayRange } from './oslo-period';
import { type Tally, tallyLogs } from './tally';

/**
 * The agent's calls of the Oslo calendar day of `now`, newest first (anonymised ones included).
 *
 * Reads every log from the start of that day onwards (later ones are dropped here): inside a liveQuery,
 * Dexie re-runs the query only for writes within the range it read, so a call logged after midnight
 * still wakes a query that last ran the day before. Callers in a view must still make the query depend
 * on the Oslo day (see live-day.ts) so the list also empties at midnight when nothing is written.
 */
export async function callsOfDay(db: KontaktvernDb, agent: string, now: number = Date.now()): Promise<CallLog[]> {
  const { from, to } = osloDayRange(now);
  const who = agent.trim();
  const logs = await db.callLogs
    .where('at')
    .aboveOrEqual(from)
    .filter((l) => l.at < to && l.agent === who)
    .toArray();
  return logs.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Count per outcome kind, sales count and amount sum of some logs. */
export function dayTotals(logs: readonly CallLog[]): Tally {
  return tallyLogs(logs);
}
