import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallLog, KontaktvernDb } from '../db';
import { PeriodError, callStats, periodRange } from './stats';
import { NOW, openTestDb } from './test-fixtures';

const iso = (ms: number) => new Date(ms).toISOString();

describe('periodRange (Europe/Oslo)', () => {
  it('today: the Oslo calendar day, winter and summer', () => {
    const r = periodRange('today', NOW);
    expect([iso(r.from), iso(r.to)]).toEqual(['2026-11-27T23:00:00.000Z', '2026-11-28T23:00:00.000Z']);
    const s = periodRange('today', Date.parse('2026-06-30T22:30:00Z')); // 00:30 on 1 July in Oslo
    expect([iso(s.from), iso(s.to)]).toEqual(['2026-06-30T22:00:00.000Z', '2026-07-01T22:00:00.000Z']);
  });

  it('today on the days the clock changes is 23 or 25 hours long', () => {
    const spring = periodRange('today', Date.parse('2026-03-29T12:00:00Z'));
    expect(spring.to - spring.from).toBe(23 * 3_600_000);
    const autumn = periodRange('today', Date.parse('2026-10-25T12:00:00Z'));
    expect(autumn.to - autumn.from).toBe(25 * 3_600_000);
  });

  it('week: ISO week, Monday 00:00 to the next Monday, Oslo time', () => {
    // Saturday 28 Nov 2026 → Monday 23 Nov .. Monday 30 Nov.
    const r = periodRange('week', NOW);
    expect([iso(r.from), iso(r.to)]).toEqual(['2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z']);
    // Sunday late evening still belongs to the week that started on Monday.
    const sunday = periodRange('week', Date.parse('2026-11-29T22:30:00Z'));
    expect(sunday).toEqual(r);
    // Monday 00:30 Oslo (Sunday 23:30 UTC) starts a new week.
    const monday = periodRange('week', Date.parse('2026-11-29T23:30:00Z'));
    expect(iso(monday.from)).toBe('2026-11-29T23:00:00.000Z');
    // A week across the change to summer time.
    const dst = periodRange('week', Date.parse('2026-03-29T12:00:00Z'));
    expect([iso(dst.from), iso(dst.to)]).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it('month: first of the month to the first of the next, over a year end', () => {
    const r = periodRange('month', NOW);
    expect([iso(r.from), iso(r.to)]).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
    const dec = periodRange('month', Date.parse('2026-12-31T23:30:00Z')); // 1 Jan 2027 in Oslo
    expect([iso(dec.from), iso(dec.to)]).toEqual(['2026-12-31T23:00:00.000Z', '2027-01-31T23:00:00.000Z']);
  });

  it('custom: both days included', () => {
    const r = periodRange('custom', NOW, { from: '2026-11-01', to: '2026-11-01' });
    expect([iso(r.from), iso(r.to)]).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-01T23:00:00.000Z']);
    const long = periodRange('custom', NOW, { from: '2026-01-01', to: '2026-12-31' });
    expect([iso(long.from), iso(long.to)]).toEqual(['2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z']);
  });

  it('custom: refuses a missing, invalid or reversed range', () => {
    expect(() => periodRange('custom', NOW)).toThrow(PeriodError);
    expect(() => periodRange('custom', NOW, { from: '2026-02-30', to: '2026-03-01' })).toThrow(expect.objectContaining({ code: 'invalid-date' }));
    expect(() => periodRange('custom', NOW, { from: '01.11.2026', to: '2026-11-02' })).toThrow(expect.objectContaining({ code: 'invalid-date' }));
    expect(() => periodRange('custom', NOW, { from: '2026-11-02', to: '2026-11-01' })).toThrow(expect.objectContaining({ code: 'from-after-to' }));
  });
});

describe('callStats', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  let n = 0;
  function log(o: Partial<CallLog>): CallLog {
    n++;
    return {
      id: `log-${String(n).padStart(3, '0')}`,
      e164: '+4741234567',
      campaignId: 'c1',
      clientId: 'k1',
      agent: 'Kari',
      outcomeId: 'o',
      outcomeKind: 'not-interested',
      outcomeLabel: '',
      amountOre: null,
      note: '',
      at: NOW,
      createdAt: NOW,
      updatedAt: NOW,
      anonymisedAt: null,
      ...o,
    };
  }

  it('counts per agent, per campaign and in total; anonymised logs count the same', async () => {
    const day = periodRange('today', NOW);
    await db.callLogs.bulkAdd([
      log({ outcomeKind: 'sale', amountOre: 10_000 }),
      log({ outcomeKind: 'sale', amountOre: 5_000, e164: null, anonymisedAt: NOW }),
      log({ outcomeKind: 'no-answer' }),
      log({ agent: 'Ola', campaignId: 'c2', clientId: 'k2', outcomeKind: 'do-not-call' }),
      log({ agent: 'Ola', campaignId: 'c1', outcomeKind: 'sale', amountOre: null }),
      log({ at: day.to }), // tomorrow
      log({ at: day.from - 1 }), // yesterday
    ]);
    const stats = await callStats(db, day);
    expect(stats.totals).toMatchObject({ calls: 5, sales: 3, amountOre: 15_000 });
    expect(stats.totals.byKind).toMatchObject({ sale: 3, 'no-answer': 1, 'do-not-call': 1, 'not-interested': 0 });
    expect(stats.byAgent.map((a) => [a.agent, a.calls, a.sales, a.amountOre])).toEqual([
      ['Kari', 3, 2, 15_000],
      ['Ola', 2, 1, 0],
    ]);
    expect(stats.byCampaign.map((c) => [c.campaignId, c.clientId, c.calls, c.amountOre])).toEqual([
      ['c1', 'k1', 4, 15_000],
      ['c2', 'k2', 1, 0],
    ]);
  });

  it('filters by campaign, client and agent', async () => {
    const day = periodRange('today', NOW);
    await db.callLogs.bulkAdd([
      log({ agent: 'Kari', campaignId: 'c1', clientId: 'k1' }),
      log({ agent: 'Ola', campaignId: 'c1', clientId: 'k1' }),
      log({ agent: 'Ola', campaignId: 'c2', clientId: 'k2' }),
      log({ agent: 'Ola', campaignId: 'c3', clientId: 'k2', at: day.to + 1 }),
    ]);
    expect((await callStats(db, { ...day, campaignId: 'c1' })).totals.calls).toBe(2);
    expect((await callStats(db, { ...day, clientId: 'k2' })).totals.calls).toBe(1);
    expect((await callStats(db, { ...day, agent: 'Ola' })).totals.calls).toBe(2);
    expect((await callStats(db, { ...day, agent: 'Ola', campaignId: 'c1' })).totals.calls).toBe(1);
    expect((await callStats(db, { from: day.from, to: day.from })).totals.calls).toBe(0);
  });
});
