import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import type { CallLog, KontaktvernDb } from '../db';
import { callsOfDay } from './day-calls';
import { osloDayKey } from './live-day';
import { logCall } from './log-store';
import { openTestDb, testCampaign, testLog } from './test-fixtures';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('"Today\'s calls" in a side panel left open across midnight', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('a call logged the next morning wakes a query that last ran the day before', async () => {
    let clock = Date.parse('2026-11-27T19:00:00Z'); // Fri 20:00 Oslo
    const campaign = testCampaign();
    await logCall(db, { e164: '+4741234567', campaign, outcomeId: 'o-no', amountOre: null, note: '', agent: 'Kari' }, clock);
    const seen: CallLog[][] = [];
    const sub = liveQuery(() => callsOfDay(db, 'Kari', clock)).subscribe((v) => seen.push(v));
    await settle(200);
    expect(seen.at(-1)?.length).toBe(1);
    clock = Date.parse('2026-11-30T08:05:00Z');
    const { log } = await logCall(db, { e164: '+4798765432', campaign, outcomeId: 'o-sale', amountOre: 100_00, note: '', agent: 'Kari' }, clock);
    await settle(300);
    sub.unsubscribe();
    expect(seen.at(-1)?.map((l) => l.id)).toEqual([log.id]);
  });

  it('with the Oslo day as a dependency (TodaysLog), the list empties at midnight with nothing written', async () => {
    const fri = Date.parse('2026-11-27T22:58:00Z'); // 23:58 Oslo
    await db.callLogs.add(testLog({ id: 'late', at: fri, createdAt: fri, updatedAt: fri }));
    const seen: string[][] = [];
    let sub: { unsubscribe(): void } | null = null;
    let key = '';
    const render = (now: number) => {
      if (osloDayKey(now) === key) return;
      key = osloDayKey(now);
      sub?.unsubscribe();
      sub = liveQuery(() => callsOfDay(db, 'Kari', now)).subscribe((v) => seen.push(v.map((l) => l.id)));
    };
    render(fri);
    await settle(150);
    expect(seen.at(-1)).toEqual(['late']);
    render(fri + 15_000); // same day: no new query
    render(fri + 3 * 60_000); // 00:01 Oslo: the timer tick re-renders with the new day
    await settle(150);
    sub!.unsubscribe();
    expect(seen.at(-1)).toEqual([]);
  });

  it('leaves out calls after the day and other agents\' calls', async () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    await db.callLogs.bulkAdd([
      testLog({ id: 'today', at: now }),
      testLog({ id: 'tomorrow', at: now + 86_400_000 }),
      testLog({ id: 'other', at: now, agent: 'Per' }),
      testLog({ id: 'yesterday', at: now - 86_400_000 }),
    ]);
    expect((await callsOfDay(db, 'Kari', now)).map((l) => l.id)).toEqual(['today']);
  });
});
