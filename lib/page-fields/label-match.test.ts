import { describe, expect, it } from 'vitest';
import { displayLabel, labelKey, labelMatches, normaliseLabel } from './label-match';

describe('normaliseLabel', () => {
  it.each([
    ['  Tlf.  ', 'tlf.'],
    ['E-post:', 'e-post'],
    ['E-post *', 'e-post'],
    ['E-post *:', 'e-post'],
    ['Postnr./sted', 'postnr./sted'],
    ['Fødsels\u00a0dato', 'fødsels dato'],
    ['Sist\n\t kontaktet', 'sist kontaktet'],
    ['FØDSELSDATO', 'fødselsdato'],
    ['ÆRE ØST ÅS', 'ære øst ås'],
    ['Fo\u0308dt', 'f\u00f6dt'], // NFC composes o + combining diaeresis
    ['A\u030as', 'ås'], // decomposed å
    [':', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseLabel(input)).toBe(expected);
  });

  it('keeps Norwegian letters (no diacritics folding)', () => {
    expect(normaliseLabel('Født')).not.toBe(normaliseLabel('Fodt'));
  });
});

describe('labelMatches', () => {
  it.each([
    // [catalogue, page, matches]
    ['Bankinnskudd', 'Bankinnskudd', true],
    ['Bankinnskudd', 'bankinnskudd:', true],
    ['Bankinnskudd', ' BANKINNSKUDD * ', true],
    ['Tlf.', 'Tlf.', true],
    ['Tlf.', 'Tlf', true],
    ['Tlf', 'Tlf.:', true],
    ['Kontonr.', 'Kontonr', true],
    ['E-post', 'E-post (valgfri)', true],
    ['E-post', 'E-post (valgfritt):', true],
    ['Email', 'Email (optional)', true],
    ['Fødselsdato', 'Fødselsdato (påkrevd) *', true],
    ['Postnr./sted', 'Postnr. / sted', true],
    ['Bosted Ås', 'Bosted A\u030as', true], // decomposed å
    ['Navn', 'Navn\u00a0', true],
    // never fuzzy: distinct words are distinct fields
    ['Tlf.', 'Tlf. arbeid', false],
    ['Tlf.', 'Tlf. privat', false],
    ['Navn', 'Fornavn', false],
    ['Navn', 'Kundenavn', false],
    ['Adresse', 'E-postadresse', false],
    ['E-post', 'E-mail', false],
    ['E-post', 'Epost', false],
    ['Født', 'Fodt', false],
    ['Tlf.', 'Tlf..', false], // only one trailing "." is tolerated
    ['E-post', 'E-post (jobb)', false], // only form annotations are dropped
    ['Mobil', 'Mobil 2', false],
    ['', '', false],
    ['', 'Navn', false],
    [':', ':', false],
  ])('%j vs %j → %s', (catalogue, page, expected) => {
    expect(labelMatches(catalogue, page)).toBe(expected);
    expect(labelMatches(page, catalogue)).toBe(expected && labelKey(page) !== '');
  });

  it('labelKey equality is labelMatches', () => {
    expect(labelKey('Tlf.:')).toBe('tlf');
    expect(labelKey('Postnr. / sted')).toBe(labelKey('Postnr./sted'));
  });
});

describe('displayLabel', () => {
  it('tidies without changing case', () => {
    expect(displayLabel('  Fødselsdato  *: ')).toBe('Fødselsdato');
    expect(displayLabel('Tlf.')).toBe('Tlf.');
    expect(displayLabel('Sist\n kontaktet')).toBe('Sist kontaktet');
  });
});
