import { describe, expect, it } from 'vitest';
import { dayNumber, osloDate, registerFreshness } from './freshness';

const at = (iso: string): Date => new Date(iso);

describe('osloDate', () => {
  it('gives the Oslo calendar date, not the UTC or machine one', () => {
    expect(osloDate(at('2026-02-28T23:30:00Z'))).toBe('2026-03-01'); // 00:30 CET
    expect(osloDate(at('2026-02-28T22:59:00Z'))).toBe('2026-02-28'); // 23:59 CET
    expect(osloDate(at('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 CEST
    expect(osloDate(at('2026-06-30T21:59:00Z'))).toBe('2026-06-30'); // 23:59 CEST
    expect(osloDate(at('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dayNumber', () => {
  it('accepts real dates only', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2028-02-29')).not.toBeNull();
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '26-01-01', 'x', '']) expect(dayNumber(bad)).toBeNull();
  });
});

describe('registerFreshness', () => {
  it('is missing without a snapshot (or with an unreadable date)', () => {
    expect(registerFreshness(null, at('2026-11-29T12:00:00Z'))).toEqual({ state: 'missing', ageDays: null, freshUntil: null });
    expect(registerFreshness('29.11.2026', at('2026-11-29T12:00:00Z'))).toMatchObject({ state: 'missing' });
  });

  it('is fresh within the same Oslo month and 30 days', () => {
    expect(registerFreshness('2026-11-01', at('2026-11-29T12:00:00Z'))).toEqual({ state: 'fresh', ageDays: 28, freshUntil: '2026-11-30' });
    expect(registerFreshness('2026-11-29', at('2026-11-29T12:00:00Z'))).toMatchObject({ state: 'fresh', ageDays: 0 });
    // Day 1 to day 31 of a 31-day month: 30 days, still fresh.
    expect(registerFreshness('2026-12-01', at('2026-12-31T12:00:00Z'))).toMatchObject({ state: 'fresh', ageDays: 30 });
  });

  it('is stale from the first Oslo minute of the next month (CET)', () => {
    // 2026-03-01T00:30 in Oslo is still 2026-02-28 in UTC.
    expect(registerFreshness('2026-02-28', at('2026-02-28T23:30:00Z'))).toEqual({
      state: 'stale',
      ageDays: 1,
      reason: 'earlier-month',
      freshUntil: '2026-02-28',
    });
    expect(registerFreshness('2026-02-28', at('2026-02-28T22:59:00Z'))).toMatchObject({ state: 'fresh', ageDays: 0 });
  });

  it('is stale from the first Oslo minute of the next month (CEST, after the DST change)', () => {
    // DST started 2026-03-29; 2026-04-01T00:30 Oslo = 2026-03-31T22:30Z.
    expect(registerFreshness('2026-03-31', at('2026-03-31T22:30:00Z'))).toMatchObject({ state: 'stale', reason: 'earlier-month', ageDays: 1 });
    expect(registerFreshness('2026-03-31', at('2026-03-31T21:59:00Z'))).toMatchObject({ state: 'fresh', ageDays: 0 });
  });

  it('counts calendar days across the DST changes (23- and 25-hour days)', () => {
    // Spring forward 2026-03-29, fall back 2026-10-25.
    expect(registerFreshness('2026-03-28', at('2026-03-29T22:30:00Z'))).toMatchObject({ state: 'fresh', ageDays: 2 }); // 00:30 on the 30th, CEST
    expect(registerFreshness('2026-10-24', at('2026-10-25T23:30:00Z'))).toMatchObject({ state: 'fresh', ageDays: 2 }); // 00:30 on the 26th, CET
    expect(registerFreshness('2026-10-24', at('2026-10-25T22:59:00Z'))).toMatchObject({ state: 'fresh', ageDays: 1 }); // 23:59 on the 25th
  });

  it('is stale when older than 30 days', () => {
    expect(registerFreshness('2026-01-31', at('2026-03-05T12:00:00Z'))).toMatchObject({ state: 'stale', ageDays: 33, reason: 'older-than-30-days' });
    expect(registerFreshness('2025-11-29', at('2026-11-29T12:00:00Z'))).toMatchObject({ state: 'stale', ageDays: 365, reason: 'older-than-30-days' });
  });

  it('is stale when from an earlier month even if only a day old, including across a year end', () => {
    expect(registerFreshness('2026-12-31', at('2027-01-01T12:00:00Z'))).toMatchObject({ state: 'stale', ageDays: 1, reason: 'earlier-month' });
  });

  it('treats a date in the future (clock skew) as age 0 and fresh', () => {
    expect(registerFreshness('2026-11-30', at('2026-11-29T12:00:00Z'))).toMatchObject({ state: 'fresh', ageDays: 0 });
  });
});
