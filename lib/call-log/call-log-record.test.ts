import { describe, expect, it } from 'vitest';
import type { CallLog } from '../db';
import { MAX_RECORD_TIME_AHEAD_MS, MIN_RECORD_TIME, checkCallLogRecord } from './call-log-record';
import { DAY, NOW, testLog } from './test-fixtures';

const log = testLog;

const anonymisedAt = (t: number): Partial<CallLog> => ({ e164: null, note: '', anonymisedAt: t });

describe('checkCallLogRecord: times', () => {
  it('accepts whole ms from 2000-01-01 up to seven days after the given clock', () => {
    expect(MIN_RECORD_TIME).toBe(Date.parse('2000-01-01T00:00:00Z'));
    expect(MAX_RECORD_TIME_AHEAD_MS).toBe(7 * DAY);
    for (const t of [MIN_RECORD_TIME, NOW - 400 * DAY, NOW, NOW + DAY, NOW + 7 * DAY]) {
      for (const field of ['at', 'createdAt', 'updatedAt'] as const) {
        expect(checkCallLogRecord(log({ [field]: t }), NOW)).toEqual({ ok: true, log: log({ [field]: t }) });
      }
      expect(checkCallLogRecord(log(anonymisedAt(t)), NOW).ok).toBe(true);
    }
  });

  it.each([
    ['before 2000', MIN_RECORD_TIME - 1],
    ['zero', 0],
    ['more than seven days after the clock', NOW + 7 * DAY + 1],
    ['a year ahead', NOW + 365 * DAY],
    ['beyond the Date range', 8_700_000_000_000_000],
    ['not whole', NOW + 0.5],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('names the field of a time that is %s', (_, t) => {
    for (const field of ['at', 'createdAt', 'updatedAt'] as const) {
      expect(checkCallLogRecord(log({ [field]: t }), NOW)).toEqual({ ok: false, field });
    }
    expect(checkCallLogRecord(log(anonymisedAt(t)), NOW)).toEqual({ ok: false, field: 'anonymisedAt' });
  });

  it('measures "the future" against the clock it is given', () => {
    const late = log({ at: NOW + 8 * DAY, createdAt: NOW + 8 * DAY, updatedAt: NOW + 8 * DAY });
    expect(checkCallLogRecord(late, NOW)).toEqual({ ok: false, field: 'at' });
    expect(checkCallLogRecord(late, NOW + 8 * DAY).ok).toBe(true);
  });
});
