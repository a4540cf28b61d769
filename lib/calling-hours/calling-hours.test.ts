import { describe, expect, it } from 'vitest';
import { CAMPAIGN_TYPES, type CampaignType } from '../db';
import { callingHoursApply, callingHoursState } from './calling-hours';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : ms);

/** The state with its instants as ISO strings, so a failure reads well. */
function stateAt(instant: string, type: CampaignType = 'consumer-telemarketing') {
  const state = callingHoursState(at(instant), type);
  return state.allowed ? { ...state, until: iso(state.until) } : { ...state, allowedFrom: iso(state.allowedFrom) };
}

describe('callingHoursApply', () => {
  it('restricts consumer telemarketing and charity, not B2B or market research', () => {
    expect(CAMPAIGN_TYPES.map((type) => [type, callingHoursApply(type)])).toEqual([
      ['consumer-telemarketing', true],
      ['b2b', false],
      ['charity', true],
      ['market-research', false],
    ]);
  });

  it('treats an unknown stored type as restricted', () => {
    expect(callingHoursApply('telesales' as CampaignType)).toBe(true);
  });
});

describe('callingHoursState: exempt campaigns', () => {
  it.each(['b2b', 'market-research'] as const)('%s may call at any time', (type) => {
    for (const instant of ['2026-03-29T10:00:00Z', '2026-04-06T10:00:00Z', '2026-03-30T03:00:00Z', '2026-03-30T22:00:00Z', '2026-12-25T12:00:00Z']) {
      expect(stateAt(instant, type)).toStrictEqual({ allowed: true, exempt: true, until: null });
    }
  });
});

describe('callingHoursState: weekday hours in Oslo time', () => {
  it('Monday right after the March change (CEST): 08:59:59 is before hours, 09:00:00 is allowed', () => {
    expect(stateAt('2026-03-30T06:59:59Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-03-30T07:00:00.000Z' });
    expect(stateAt('2026-03-30T06:59:59.999Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-03-30T07:00:00.000Z' });
    expect(stateAt('2026-03-30T07:00:00Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-03-30T19:00:00.000Z' });
  });

  it('Friday before the March change (CET): 20:59:59 is allowed, 21:00 is after hours until Monday 09:00 CEST', () => {
    expect(stateAt('2026-03-27T19:59:59Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-03-27T20:00:00.000Z' });
    expect(stateAt('2026-03-27T20:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2026-03-30T07:00:00.000Z' });
  });

  it('the Sunday of the March change is closed until Monday 09:00 CEST', () => {
    expect(stateAt('2026-03-29T00:30:00Z')).toStrictEqual({ allowed: false, reason: 'sunday', allowedFrom: '2026-03-30T07:00:00.000Z' });
    expect(stateAt('2026-03-29T12:00:00Z')).toStrictEqual({ allowed: false, reason: 'sunday', allowedFrom: '2026-03-30T07:00:00.000Z' });
  });

  it('week of the October change: Friday 21:00 CEST, then Monday 08:59/09:00 CET', () => {
    expect(stateAt('2026-10-23T18:59:59Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-10-23T19:00:00.000Z' });
    expect(stateAt('2026-10-23T19:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2026-10-26T08:00:00.000Z' });
    expect(stateAt('2026-10-25T01:30:00Z')).toStrictEqual({ allowed: false, reason: 'sunday', allowedFrom: '2026-10-26T08:00:00.000Z' });
    expect(stateAt('2026-10-26T07:59:00Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-10-26T08:00:00.000Z' });
    expect(stateAt('2026-10-26T08:00:00Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-10-26T20:00:00.000Z' });
  });

  it('Monday evening after the October change: 20:30 CET is 19:30 UTC and allowed; 21:00 CET is not', () => {
    expect(stateAt('2026-10-26T19:30:00Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-10-26T20:00:00.000Z' });
    expect(stateAt('2026-10-26T19:59:59Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-10-26T20:00:00.000Z' });
    expect(stateAt('2026-10-26T20:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2026-10-27T08:00:00.000Z' });
  });

  it('late evening and small hours roll to the right Oslo day', () => {
    // Tuesday 23:30 Oslo -> Wednesday 09:00
    expect(stateAt('2026-06-09T21:30:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2026-06-10T07:00:00.000Z' });
    // 00:30 Wednesday Oslo is still 22:30 Tuesday in UTC: before hours of Wednesday
    expect(stateAt('2026-06-09T22:30:00Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-06-10T07:00:00.000Z' });
  });

  it('charity follows the same rules', () => {
    expect(stateAt('2026-03-30T06:59:59Z', 'charity')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-03-30T07:00:00.000Z' });
    expect(stateAt('2026-04-04T10:00:00Z', 'charity')).toStrictEqual({ allowed: false, reason: 'saturday', allowedFrom: '2026-04-07T07:00:00.000Z' });
  });
});

describe('callingHoursState: UTC instants near midnight that are another Oslo date', () => {
  it('23:30 UTC on New Year’s Eve is New Year’s Day in Oslo: closed', () => {
    expect(stateAt('2025-12-31T23:30:00Z')).toStrictEqual({
      allowed: false,
      reason: 'holiday',
      holiday: { name: 'Første nyttårsdag', nameEn: "New Year's Day" },
      allowedFrom: '2026-01-02T08:00:00.000Z',
    });
  });

  it('23:30 UTC on New Year’s Day is Friday 2 January in Oslo: only before hours', () => {
    expect(stateAt('2026-01-01T23:30:00Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-01-02T08:00:00.000Z' });
  });

  it('22:30 UTC on a summer Friday is Saturday in Oslo', () => {
    expect(stateAt('2026-06-05T22:30:00Z')).toStrictEqual({ allowed: false, reason: 'saturday', allowedFrom: '2026-06-08T07:00:00.000Z' });
  });

  it('22:30 UTC on a summer Sunday is Monday in Oslo', () => {
    expect(stateAt('2026-06-07T22:30:00Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-06-08T07:00:00.000Z' });
  });
});

describe('callingHoursState: holidays', () => {
  const tuesdayAfterEaster = '2026-04-07T07:00:00.000Z';

  it('Wednesday before Easter, 21:00: closed until Tuesday after Easter 09:00 (skips Thursday–Monday)', () => {
    expect(stateAt('2026-04-01T18:59:59Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-04-01T19:00:00.000Z' });
    expect(stateAt('2026-04-01T19:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: tuesdayAfterEaster });
  });

  it.each([
    ['2026-04-02T17:00:00Z', 'Skjærtorsdag', 'Maundy Thursday'], // Thursday evening
    ['2026-04-03T08:00:00Z', 'Langfredag', 'Good Friday'],
    ['2026-04-05T08:00:00Z', 'Første påskedag', 'Easter Sunday'],
    ['2026-04-06T07:00:00Z', 'Andre påskedag', 'Easter Monday'],
  ])('%s is %s: closed until Tuesday after Easter 09:00', (instant, name, nameEn) => {
    expect(stateAt(instant)).toStrictEqual({ allowed: false, reason: 'holiday', holiday: { name, nameEn }, allowedFrom: tuesdayAfterEaster });
  });

  it('Easter Saturday is a Saturday, not a holiday', () => {
    expect(stateAt('2026-04-04T10:00:00Z')).toStrictEqual({ allowed: false, reason: 'saturday', allowedFrom: tuesdayAfterEaster });
  });

  it('a holiday on a weekend is reported as the holiday', () => {
    // 2026-05-17 is a Sunday, 2025-05-17 a Saturday
    expect(stateAt('2026-05-17T10:00:00Z')).toStrictEqual({
      allowed: false,
      reason: 'holiday',
      holiday: { name: 'Grunnlovsdagen', nameEn: 'Constitution Day' },
      allowedFrom: '2026-05-18T07:00:00.000Z',
    });
    expect(stateAt('2025-05-17T10:00:00Z')).toStrictEqual({
      allowed: false,
      reason: 'holiday',
      holiday: { name: 'Grunnlovsdagen', nameEn: 'Constitution Day' },
      allowedFrom: '2025-05-19T07:00:00.000Z',
    });
  });

  it('Kristi himmelfartsdag (Thursday) reopens on Friday', () => {
    expect(stateAt('2026-05-14T10:00:00Z')).toStrictEqual({
      allowed: false,
      reason: 'holiday',
      holiday: { name: 'Kristi himmelfartsdag', nameEn: 'Ascension Day' },
      allowedFrom: '2026-05-15T07:00:00.000Z',
    });
  });

  it('Whitsun: Friday evening before Pentecost reopens on Tuesday', () => {
    expect(stateAt('2026-05-22T19:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2026-05-26T07:00:00.000Z' });
  });

  it('Christmas Eve and New Year’s Eve are ordinary weekdays', () => {
    // 2026-12-24 and 2026-12-31 are Thursdays
    expect(stateAt('2026-12-24T09:00:00Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-12-24T20:00:00.000Z' });
    expect(stateAt('2026-12-31T19:59:59Z')).toStrictEqual({ allowed: true, exempt: false, until: '2026-12-31T20:00:00.000Z' });
    expect(stateAt('2026-12-31T07:59:59Z')).toStrictEqual({ allowed: false, reason: 'before-hours', allowedFrom: '2026-12-31T08:00:00.000Z' });
  });

  it('Christmas Eve 21:00 is closed through Christmas Day, Boxing Day (Saturday) and Sunday', () => {
    expect(stateAt('2026-12-24T20:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2026-12-28T08:00:00.000Z' });
  });

  it('New Year’s Eve 21:00 skips New Year’s Day and the weekend after it', () => {
    // 2027-01-01 is a Friday
    expect(stateAt('2026-12-31T20:00:00Z')).toStrictEqual({ allowed: false, reason: 'after-hours', allowedFrom: '2027-01-04T08:00:00.000Z' });
  });
});

describe('callingHoursState: input', () => {
  it('refuses what is not an instant, whatever the type', () => {
    expect(() => callingHoursState(Number.NaN, 'consumer-telemarketing')).toThrow(RangeError);
    expect(() => callingHoursState(Number.POSITIVE_INFINITY, 'b2b')).toThrow(RangeError);
  });
});
