import Holidays, { type HolidaysTypes } from 'date-holidays';
import { describe, expect, it } from 'vitest';
import slice from './no-holidays-data.json';
import { compileHolidayRule, publicHolidays } from './norwegian-holidays';

/**
 * The slice of date-holidays that no-holidays-data.json holds: Norway's
 * rules of type 'public', names in Norwegian and English only. Regenerate
 * the file after a date-holidays upgrade with
 * `npx vitest run lib/calling-hours/no-holidays-data.test.ts -u` (that run
 * still fails the tests that loaded the old file), review the diff and run
 * the tests again.
 */
function extractSlice() {
  const hd = new Holidays('NO', { types: ['public'] });
  const rules = (hd.getRules() as unknown as HolidaysTypes.HolidayRule[])
    .filter((r) => r.type === 'public')
    .map(({ rule, type: _type, name, ...rest }) => {
      const names: Record<string, string> = typeof name === 'string' ? { no: name } : name;
      return { rule, name: { no: names.no, en: names.en }, ...rest };
    });
  return {
    source: 'date-holidays: country NO, type public; regenerate with npx vitest run lib/calling-hours/no-holidays-data.test.ts -u',
    rules,
  };
}

describe('no-holidays-data.json', () => {
  it('is still identical to the NO public-holiday data of the installed date-holidays', async () => {
    // Byte for byte, so the imported JSON is the package's data too.
    await expect(`${JSON.stringify(extractSlice(), null, 2)}\n`).toMatchFileSnapshot('./no-holidays-data.json');
  });

  it('holds the twelve Norwegian public holidays and neither Christmas Eve nor New Year’s Eve', () => {
    expect(slice.rules.map((r) => `${r.rule}=${r.name.no}`)).toEqual([
      '01-01=Første nyttårsdag',
      'easter -3=Skjærtorsdag',
      'easter -2=Langfredag',
      'easter=Første påskedag',
      'easter 1=Andre påskedag',
      '05-01=Arbeidernes dag',
      '05-17=Grunnlovsdagen',
      'easter 39=Kristi himmelfartsdag',
      'easter 49=Første pinsedag',
      'easter 50=Andre pinsedag',
      '12-25=Første juledag',
      '12-26=Andre juledag',
    ]);
  });

  it('gives the same dates and names as date-holidays itself, 1900–2200', () => {
    // Two instances: getHolidays(year, lang) changes the instance's language list.
    const inNorwegian = new Holidays('NO', { types: ['public'], languages: 'no' });
    const inEnglish = new Holidays('NO', { types: ['public'], languages: 'en' });
    for (let year = 1900; year <= 2200; year++) {
      const norwegian = inNorwegian.getHolidays(year);
      const english = inEnglish.getHolidays(year);
      const expected = norwegian.map((h, i) => ({ date: h.date.slice(0, 10), name: h.name, nameEn: english[i]?.name }));
      expect({ year, holidays: publicHolidays(year) }).toEqual({ year, holidays: expected });
    }
  });
});

describe('compileHolidayRule', () => {
  it('understands fixed dates and Easter offsets', () => {
    expect(compileHolidayRule({ rule: '05-17', name: { no: 'Grunnlovsdagen', en: 'Constitution Day' } })).toEqual({
      kind: 'fixed',
      month: 5,
      day: 17,
      name: 'Grunnlovsdagen',
      nameEn: 'Constitution Day',
    });
    expect(compileHolidayRule({ rule: 'easter -3', name: { no: 'Skjærtorsdag', en: 'Maundy Thursday' } })).toEqual({
      kind: 'easter',
      offset: -3,
      name: 'Skjærtorsdag',
      nameEn: 'Maundy Thursday',
    });
    expect(compileHolidayRule({ rule: 'easter', name: { no: 'Første påskedag' } })).toEqual({
      kind: 'easter',
      offset: 0,
      name: 'Første påskedag',
      nameEn: 'Første påskedag',
    });
  });

  it('refuses what it would silently get wrong', () => {
    expect(() => compileHolidayRule({ rule: '1st monday in June', name: { no: 'x' } })).toThrow(/unsupported rule "1st monday in June"/);
    expect(() => compileHolidayRule({ rule: '12-31 14:00', name: { no: 'x' } })).toThrow(/unsupported rule/);
    expect(() => compileHolidayRule({ rule: '02-30', name: { no: 'x' } })).toThrow(/bad date "02-30"/);
    expect(() => compileHolidayRule({ rule: '05-01', name: { no: 'x' }, active: [{ from: '2030-01-01' }] })).toThrow(/unsupported option\(s\) active/);
    expect(() => compileHolidayRule({ rule: '05-01', name: { en: 'Labour Day' } })).toThrow(/no Norwegian name/);
    expect(() => compileHolidayRule({ name: { no: 'x' } })).toThrow(/without a rule string/);
    expect(() => compileHolidayRule(null)).toThrow(/not an object/);
  });
});
