import { describe, expect, it } from 'vitest';
import { mentionsNumber } from './mentions-number';

const PERSON = '+4741234567';

describe('mentionsNumber', () => {
  it.each([
    'Kona svarer på 412 34 567',
    'ring 41234567 etter kl. 17',
    'Mobil: 41 23 45 67',
    'Nytt nr +47 412 34 567',
    '0047 41234567 (jobb)',
    'Numre: 41234567 98765432',
    '41234567x',
    'Ring 41234567 29.11.2026',
  ])('finds the number in %j', (text) => {
    expect(mentionsNumber(text, PERSON)).toBe(true);
  });

  it.each([
    'Bankinnskudd 412 kr, ring kl 3, 4567 er postnr',
    'Kundenr. 2041234567',
    'Ordre 412345670',
    'Ring 41234568',
    '',
    'Ingen tall her',
  ])('does not find it in %j', (text) => {
    expect(mentionsNumber(text, PERSON)).toBe(false);
  });

  it('reads numbers of other countries by all their digits', () => {
    expect(mentionsNumber('Svensk nr: +46 70 123 45 67', '+46701234567')).toBe(true);
    expect(mentionsNumber('Svensk nr: 0046701234567', '+46701234567')).toBe(true);
    expect(mentionsNumber('Konto 1046701234567', '+46701234567')).toBe(false);
  });
});
