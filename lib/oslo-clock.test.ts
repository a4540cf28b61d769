import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekday, osloParts, osloWallTimeToInstant } from './oslo-clock';

const at = (iso: string) => Date.parse(iso);

describe('osloParts', () => {
  it('reads winter time (UTC+1) and summer time (UTC+2)', () => {
    expect(osloParts(at('2026-01-15T12:34:56Z'))).toEqual({
      year: 2026, month: 1, day: 15, weekday: 4, hour: 13, minute: 34, second: 56, date: '2026-01-15',
    });
    expect(osloParts(at('2026-07-15T12:34:56Z'))).toEqual({
      year: 2026, month: 7, day: 15, weekday: 3, hour: 14, minute: 34, second: 56, date: '2026-07-15',
    });
  });

  it('gives the Oslo date when it differs from the UTC date near midnight', () => {
    expect(osloParts(at('2025-12-31T23:30:00Z'))).toMatchObject({ date: '2026-01-01', weekday: 4, hour: 0, minute: 30 });
    expect(osloParts(at('2026-06-05T22:30:00Z'))).toMatchObject({ date: '2026-06-06', weekday: 6, hour: 0, minute: 30 });
    expect(osloParts(at('2026-06-05T21:59:59Z'))).toMatchObject({ date: '2026-06-05', weekday: 5, hour: 23, minute: 59, second: 59 });
    expect(osloParts(at('2026-12-31T23:00:00Z'))).toMatchObject({ date: '2027-01-01', hour: 0, minute: 0 });
  });

  it('follows the clock changes of 2026-03-29 and 2026-10-25', () => {
    expect(osloParts(at('2026-03-29T00:59:59Z'))).toMatchObject({ date: '2026-03-29', hour: 1, minute: 59, second: 59 });
    expect(osloParts(at('2026-03-29T01:00:00Z'))).toMatchObject({ date: '2026-03-29', hour: 3, minute: 0, second: 0 });
    expect(osloParts(at('2026-10-25T00:59:59Z'))).toMatchObject({ date: '2026-10-25', hour: 2, minute: 59, second: 59 });
    expect(osloParts(at('2026-10-25T01:00:00Z'))).toMatchObject({ date: '2026-10-25', hour: 2, minute: 0, second: 0 });
  });

  it('truncates to the second', () => {
    expect(osloParts(at('2026-03-30T06:59:59.999Z'))).toMatchObject({ hour: 8, minute: 59, second: 59 });
  });

  it('refuses what is not an instant', () => {
    expect(() => osloParts(Number.NaN)).toThrow(RangeError);
    expect(() => osloParts(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('isoWeekday', () => {
  it('counts Monday as 1 and Sunday as 7', () => {
    expect([isoWeekday(2026, 3, 30), isoWeekday(2026, 4, 4), isoWeekday(2026, 4, 5)]).toEqual([1, 6, 7]);
  });
});

describe('osloWallTimeToInstant', () => {
  it('converts with the offset of that date, not of today', () => {
    expect(new Date(osloWallTimeToInstant(2026, 3, 27, 9)).toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(new Date(osloWallTimeToInstant(2026, 3, 30, 9)).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(new Date(osloWallTimeToInstant(2026, 10, 23, 21)).toISOString()).toBe('2026-10-23T19:00:00.000Z');
    expect(new Date(osloWallTimeToInstant(2026, 10, 26, 9)).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(new Date(osloWallTimeToInstant(2027, 1, 1, 0, 0, 0)).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('handles the hours around the changes themselves', () => {
    // 2026-03-29: 01:59:59 CET is followed by 03:00 CEST.
    expect(new Date(osloWallTimeToInstant(2026, 3, 29, 1, 59, 59)).toISOString()).toBe('2026-03-29T00:59:59.000Z');
    expect(new Date(osloWallTimeToInstant(2026, 3, 29, 3, 0)).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 02:30 never happens that night: moved forward by the hour's gap, to 03:30 CEST.
    expect(new Date(osloWallTimeToInstant(2026, 3, 29, 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 2026-10-25: 02:30 happens twice (CEST, then CET); the first is taken.
    expect(new Date(osloWallTimeToInstant(2026, 10, 25, 2, 30)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(osloWallTimeToInstant(2026, 10, 25, 3, 0)).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('round-trips every quarter hour of the days around both changes, and of the 1st of each month', () => {
    const starts = ['2026-03-27', '2026-10-23', ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`)];
    let checked = 0;
    const mismatches: string[] = [];
    for (const start of starts) {
      const days = start.endsWith('-01') ? 1 : 5;
      for (let ms = at(`${start}T00:00:00Z`); ms < at(`${start}T00:00:00Z`) + days * 86_400_000; ms += 15 * 60_000) {
        const p = osloParts(ms);
        const back = osloWallTimeToInstant(p.year, p.month, p.day, p.hour, p.minute, p.second);
        // 02:00–02:59 on 2026-10-25 is shown twice; the second showing maps back to the first.
        const secondShowing = ms >= at('2026-10-25T01:00:00Z') && ms < at('2026-10-25T02:00:00Z');
        if (back !== (secondShowing ? ms - 3_600_000 : ms)) mismatches.push(new Date(ms).toISOString());
        checked++;
      }
    }
    expect(checked).toBe(2 * 5 * 96 + 12 * 96);
    expect(mismatches).toEqual([]);
  });
});

describe('with the machine in another time zone', () => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('still answers in Oslo time', () => {
    expect(new Date(2026, 0, 1, 12).getTimezoneOffset()).toBe(-840);
    expect(osloParts(at('2026-03-30T07:00:00Z'))).toMatchObject({ date: '2026-03-30', weekday: 1, hour: 9, minute: 0 });
    expect(new Date(osloWallTimeToInstant(2026, 3, 30, 9)).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});
