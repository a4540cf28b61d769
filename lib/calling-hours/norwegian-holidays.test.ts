import { describe, expect, it } from 'vitest';
import { easterSundayDay, publicHolidayOn, publicHolidays } from './norwegian-holidays';

const day = (ymd: string) => Math.round(Date.parse(`${ymd}T00:00:00Z`) / 86_400_000);

describe('easterSundayDay', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSundayDay(year)).toBe(day(date));
  });
});

describe('publicHolidays', () => {
  it('lists every public holiday of 2026 with Norwegian and English names', () => {
    expect(publicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Første nyttårsdag', nameEn: "New Year's Day" },
      { date: '2026-04-02', name: 'Skjærtorsdag', nameEn: 'Maundy Thursday' },
      { date: '2026-04-03', name: 'Langfredag', nameEn: 'Good Friday' },
      { date: '2026-04-05', name: 'Første påskedag', nameEn: 'Easter Sunday' },
      { date: '2026-04-06', name: 'Andre påskedag', nameEn: 'Easter Monday' },
      { date: '2026-05-01', name: 'Arbeidernes dag', nameEn: 'Labour Day' },
      { date: '2026-05-14', name: 'Kristi himmelfartsdag', nameEn: 'Ascension Day' },
      { date: '2026-05-17', name: 'Grunnlovsdagen', nameEn: 'Constitution Day' },
      { date: '2026-05-24', name: 'Første pinsedag', nameEn: 'Pentecost' },
      { date: '2026-05-25', name: 'Andre pinsedag', nameEn: 'Whit Monday' },
      { date: '2026-12-25', name: 'Første juledag', nameEn: 'Christmas Day' },
      { date: '2026-12-26', name: 'Andre juledag', nameEn: 'Boxing Day' },
    ]);
  });

  // Skjærtorsdag, Langfredag, 1. and 2. påskedag, Kristi himmelfartsdag, 1. and 2. pinsedag.
  it.each([
    [2024, ['2024-03-28', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-19', '2024-05-20']],
    [2025, ['2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-09']],
    [2026, ['2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-24', '2026-05-25']],
    [2027, ['2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17']],
    [2028, ['2028-04-13', '2028-04-14', '2028-04-16', '2028-04-17', '2028-05-25', '2028-06-04', '2028-06-05']],
    [2029, ['2029-03-29', '2029-03-30', '2029-04-01', '2029-04-02', '2029-05-10', '2029-05-20', '2029-05-21']],
    [2030, ['2030-04-18', '2030-04-19', '2030-04-21', '2030-04-22', '2030-05-30', '2030-06-09', '2030-06-10']],
  ])('%i: all twelve holidays, the Easter-based ones on the right dates', (year, easterBased) => {
    const expected = [
      `${year}-01-01`,
      ...easterBased.slice(0, 4),
      `${year}-05-01`,
      ...[...easterBased.slice(4), `${year}-05-17`].sort(),
      `${year}-12-25`,
      `${year}-12-26`,
    ];
    expect(publicHolidays(year).map((h) => h.date)).toEqual(expected);
    expect(easterBased.map((date) => publicHolidayOn(date)?.name)).toEqual([
      'Skjærtorsdag',
      'Langfredag',
      'Første påskedag',
      'Andre påskedag',
      'Kristi himmelfartsdag',
      'Første pinsedag',
      // 2027-05-17 is both; the first in data order wins
      year === 2027 ? 'Grunnlovsdagen' : 'Andre pinsedag',
    ]);
  });

  it('keeps two holidays that share a date (2027-05-17: Grunnlovsdagen and Andre pinsedag)', () => {
    expect(publicHolidays(2027).filter((h) => h.date === '2027-05-17')).toEqual([
      { date: '2027-05-17', name: 'Grunnlovsdagen', nameEn: 'Constitution Day' },
      { date: '2027-05-17', name: 'Andre pinsedag', nameEn: 'Whit Monday' },
    ]);
  });

  it('caches per year and cannot be changed by a caller', () => {
    const first = publicHolidays(2031);
    expect(publicHolidays(2031)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it.each([2026.5, Number.NaN, 1582, 10_000])('refuses the year %s', (year) => {
    expect(() => publicHolidays(year)).toThrow(RangeError);
  });
});

describe('publicHolidayOn', () => {
  it('names the holiday in Norwegian and English', () => {
    expect(publicHolidayOn('2026-04-06')).toEqual({ name: 'Andre påskedag', nameEn: 'Easter Monday' });
    expect(publicHolidayOn('2025-05-17')).toEqual({ name: 'Grunnlovsdagen', nameEn: 'Constitution Day' });
    expect(publicHolidayOn('2030-01-01')).toEqual({ name: 'Første nyttårsdag', nameEn: "New Year's Day" });
  });

  it.each(['2024', '2025', '2026', '2027', '2028', '2029', '2030'])(
    'Christmas Eve, New Year’s Eve, Easter Saturday and Whit Saturday %s are ordinary days',
    (year) => {
      const easter = publicHolidays(Number(year)).find((h) => h.name === 'Første påskedag')?.date ?? '';
      const pentecost = publicHolidays(Number(year)).find((h) => h.name === 'Første pinsedag')?.date ?? '';
      const dayBefore = (ymd: string) => new Date(Date.parse(`${ymd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect([`${year}-12-24`, `${year}-12-31`, dayBefore(easter), dayBefore(pentecost)].map(publicHolidayOn)).toEqual([null, null, null, null]);
    },
  );

  it('is null on ordinary days, including the days around holidays', () => {
    expect(['2026-01-02', '2026-04-01', '2026-04-07', '2026-05-02', '2026-05-16', '2026-05-18', '2026-12-27', '2026-07-29'].map(publicHolidayOn)).toEqual(
      Array(8).fill(null),
    );
  });

  it.each(['2026-4-6', '2026-02-30', '06.04.2026', '', '2026-04-06T10:00'])('refuses %j', (input) => {
    expect(() => publicHolidayOn(input)).toThrow(RangeError);
  });
});
