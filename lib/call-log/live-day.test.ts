import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import type { KontaktvernDb } from '../db';
import { registerFreshness } from '../register/freshness';
import type { TeamSelection } from '../team/team-selection';
import { selectionFilter } from '../team/team-selection';
import { callStats } from './stats';
import { mergeLogs } from './merge';
import { nextDayClock, osloDayKey, selectionQueryKey } from './live-day';
import { openTestDb, testCampaign, testLog } from './test-fixtures';

const TODAY: TeamSelection = { period: 'today', custom: { from: '', to: '' }, campaignId: '', clientId: '', agent: '' };
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What useLiveQuery does in a view: one liveQuery per dependency key, replaced when the key changes.
 * `render(now)` is a render of the view at a clock tick.
 */
function viewWithDeps<T>(query: (now: number) => Promise<T>, key: (now: number) => string) {
  const seen: T[] = [];
  let current: { key: string; unsubscribe: () => void } | null = null;
  const render = (now: number) => {
    const k = key(now);
    if (current?.key === k) return;
    current?.unsubscribe();
    const sub = liveQuery(() => query(now)).subscribe((v) => seen.push(v));
    current = { key: k, unsubscribe: () => sub.unsubscribe() };
  };
  return { seen, render, stop: () => current?.unsubscribe() };
}

describe('osloDayKey / nextDayClock', () => {
  it('keeps the previous instant within an Oslo day and moves on at Oslo midnight (not UTC midnight)', () => {
    const fri2000 = Date.parse('2026-11-27T19:00:00Z');
    const fri2359 = Date.parse('2026-11-27T22:59:00Z'); // 23:59 Oslo, 22:59 UTC
    const sat0000 = Date.parse('2026-11-27T23:00:30Z'); // 00:00:30 Oslo, still Friday in UTC
    expect(osloDayKey(sat0000)).toBe('2026-11-28');
    expect(nextDayClock(fri2000, fri2359)).toBe(fri2000);
    expect(nextDayClock(fri2000, sat0000)).toBe(sat0000);
  });

  it('moves on at the 1st of a month, when a register snapshot of the month before turns stale', () => {
    const opened = Date.parse('2026-11-30T08:00:00Z');
    const tick = Date.parse('2026-11-30T23:01:00Z'); // 2026-12-01 00:01 Oslo
    const clock = nextDayClock(opened, tick);
    expect(clock).toBe(tick);
    expect(registerFreshness('2026-11-20', new Date(opened)).state).toBe('fresh');
    expect(registerFreshness('2026-11-20', new Date(clock)).state).toBe('stale');
  });
});

describe('selectionQueryKey', () => {
  it('changes when the period moves on, not within it', () => {
    const fri = Date.parse('2026-11-27T19:00:00Z');
    expect(selectionQueryKey(TODAY, fri)).toBe(selectionQueryKey(TODAY, fri + 3_600_000));
    expect(selectionQueryKey(TODAY, fri)).not.toBe(selectionQueryKey(TODAY, Date.parse('2026-11-30T09:00:00Z')));
    const week = { ...TODAY, period: 'week' as const };
    expect(selectionQueryKey(week, fri)).toBe(selectionQueryKey(week, Date.parse('2026-11-29T12:00:00Z'))); // Sunday, same ISO week
    expect(selectionQueryKey(week, fri)).not.toBe(selectionQueryKey(week, Date.parse('2026-11-30T09:00:00Z')));
    expect(selectionQueryKey(TODAY, fri)).not.toBe(selectionQueryKey({ ...TODAY, agent: 'Kari' }, fri));
  });

  it('is stable for an unusable custom period', () => {
    const custom = { ...TODAY, period: 'custom' as const, custom: { from: '2026-11-30', to: '2026-11-01' } };
    expect(selectionQueryKey(custom, 1)).toBe(selectionQueryKey(custom, 10 * 86_400_000));
  });
});

describe('team figures in a popup left open across the weekend (TeamStats)', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
    await db.campaigns.add(testCampaign());
  });
  afterEach(async () => {
    await db.delete();
  });

  it('Monday\'s merged calls show under Monday\'s caption once the clock has ticked past midnight', async () => {
    let clock = Date.parse('2026-11-27T19:00:00Z');
    await db.callLogs.add(testLog({ id: 'fri', at: clock, createdAt: clock, updatedAt: clock }));
    const view = viewWithDeps(
      async (now) => {
        const r = selectionFilter(TODAY, now);
        return r.ok ? (await callStats(db, r.filter)).totals.calls : -1;
      },
      (now) => selectionQueryKey(TODAY, now),
    );
    view.render(clock);
    await settle(150);
    expect(view.seen.at(-1)).toBe(1);
    clock = Date.parse('2026-11-30T09:00:00Z');
    view.render(clock); // the day clock's tick
    const mon = [1, 2, 3].map((i) => testLog({ id: `mon-${i}`, at: clock - i * 60_000, createdAt: clock - i * 60_000, updatedAt: clock - i * 60_000 }));
    await mergeLogs(db, mon, clock);
    await settle(300);
    view.stop();
    expect(view.seen.at(-1)).toBe(3);
  });

  it('control: keyed on the selection alone (the old TeamStats key), the figures stay on Friday\'s', async () => {
    let clock = Date.parse('2026-11-27T19:00:00Z');
    await db.callLogs.add(testLog({ id: 'fri', at: clock, createdAt: clock, updatedAt: clock }));
    const view = viewWithDeps(
      async (now) => {
        const r = selectionFilter(TODAY, now);
        return r.ok ? (await callStats(db, r.filter)).totals.calls : -1;
      },
      () => JSON.stringify(TODAY),
    );
    view.render(clock);
    await settle(150);
    clock = Date.parse('2026-11-30T09:00:00Z');
    view.render(clock);
    await mergeLogs(db, [testLog({ id: 'mon', at: clock - 60_000, createdAt: clock - 60_000, updatedAt: clock - 60_000 })], clock);
    await settle(300);
    view.stop();
    expect(view.seen.at(-1)).toBe(1);
  });
});
