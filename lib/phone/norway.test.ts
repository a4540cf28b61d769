import { describe, expect, it } from 'vitest';
// Test-only: the full metadata is the reference for the hand-coded ranges (never bundled).
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { groupNorwegian, isNorwegianShortServiceNumber, isValidNorwegianNational, looksLikeCompactDate } from './norway';

function validInMax(nsn: string): boolean {
  return parseMax(`+47${nsn}`)?.isValid() ?? false;
}

describe('isValidNorwegianNational', () => {
  it('agrees with the full libphonenumber metadata for the 8xx service ranges', () => {
    const disagreements: string[] = [];
    for (let prefix = 800; prefix <= 899; prefix++) {
      for (const rest of ['00000', '12345', '55555', '90000', '99999']) {
        const nsn = `${prefix}${rest}`;
        if (isValidNorwegianNational(nsn) !== validInMax(nsn)) disagreements.push(nsn);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('accepts every landline prefix 2, 3, 5, 6, 7 (domain rule, broader than the metadata)', () => {
    for (const p of ['20', '25', '30', '34', '36', '50', '54', '58', '60', '65', '70', '79']) expect(isValidNorwegianNational(`${p}123456`)).toBe(true);
  });

  it('accepts every 4xxxxxxx and 9xxxxxxx as mobile (domain rule, broader than the metadata)', () => {
    for (let p = 40; p <= 49; p++) expect(isValidNorwegianNational(`${p}123456`)).toBe(true);
    for (let p = 90; p <= 99; p++) expect(isValidNorwegianNational(`${p}123456`)).toBe(true);
  });

  it.each(['12345678', '01234567', '1234567', '412345678', '4123456a', '', '83012345', '81091234'])('rejects %j', (nsn) => {
    expect(isValidNorwegianNational(nsn)).toBe(false);
  });
});

describe('helpers', () => {
  it('knows 5-digit short service numbers', () => {
    expect(isNorwegianShortServiceNumber('02800')).toBe(true);
    expect(isNorwegianShortServiceNumber('12800')).toBe(false);
    expect(isNorwegianShortServiceNumber('0280')).toBe(false);
    expect(isNorwegianShortServiceNumber('0280a')).toBe(false);
  });

  it.each([
    ['21112026', true],
    ['31122025', true],
    ['01011999', true],
    ['32112026', false],
    ['21132026', false],
    ['21112126', false],
    ['41234567', false],
    // real month lengths and leap years
    ['31041990', false],
    ['30021990', false],
    ['31011990', true],
    ['30041990', true],
    ['29022024', true],
    ['29022023', false],
    ['29022000', true],
    ['29021900', false],
    ['20240229', true],
    ['20230229', false],
    ['19900431', false],
    ['19901231', true],
  ])('looksLikeCompactDate(%s) = %s', (d, expected) => {
    expect(looksLikeCompactDate(d)).toBe(expected);
  });

  it.each([
    ['41234567', '412 34 567'],
    ['98765432', '987 65 432'],
    ['80012345', '800 12 345'],
    ['22123456', '22 12 34 56'],
    ['02800', '02800'],
  ])('groupNorwegian(%s) = %s', (nsn, expected) => {
    expect(groupNorwegian(nsn)).toBe(expected);
  });
});
