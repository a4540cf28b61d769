import { describe, expect, it } from 'vitest';
import { defaultSnapshotDate, osloMidnight, osloTimestamp } from './oslo-dates';

describe('osloMidnight', () => {
  it('is 23:00 UTC the day before in winter and 22:00 UTC in summer', () => {
    expect(osloMidnight('2026-11-28')).toBe(Date.parse('2026-11-27T23:00:00Z'));
    expect(osloMidnight('2026-07-01')).toBe(Date.parse('2026-06-30T22:00:00Z'));
  });

  it('handles the days the clock changes', () => {
    expect(osloMidnight('2026-03-29')).toBe(Date.parse('2026-03-28T23:00:00Z')); // CET midnight, CEST from 02:00
    expect(osloMidnight('2026-10-25')).toBe(Date.parse('2026-10-24T22:00:00Z')); // CEST midnight, CET from 03:00
  });

  it('refuses what is not a date', () => {
    expect(osloMidnight('28.11.2026')).toBeNull();
    expect(osloMidnight('2026-02-30')).toBeNull();
  });
});

describe('defaultSnapshotDate', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  it('is the Oslo date of the file, never in the future', () => {
    expect(defaultSnapshotDate(Date.parse('2026-11-27T23:30:00Z'), now)).toBe('2026-11-28');
    expect(defaultSnapshotDate(Date.parse('2027-01-01T00:00:00Z'), now)).toBe('2026-11-29');
    expect(defaultSnapshotDate(0, now)).toBe('2026-11-29');
  });
});

describe('osloTimestamp', () => {
  it('writes Oslo local time, sortable', () => {
    expect(osloTimestamp(Date.parse('2026-11-28T13:03:05Z'))).toBe('2026-11-28 14:03:05');
    expect(osloTimestamp(Date.parse('2026-07-01T21:59:00Z'))).toBe('2026-07-01 23:59:00');
  });
});
