import { describe, expect, it } from 'vitest';
import { isFodselsnummer, looksLikePersonalData, type PersonalDataKind } from './personal-data';

type Case = readonly [label: string, kind: PersonalDataKind | null];

/** Label alone. */
const LABELS: Case[] = [
  // Norwegian
  ['Navn', 'name'],
  ['Fornavn', 'name'],
  ['Etternavn', 'name'],
  ['Kundenavn', 'name'],
  ['Kontaktperson', 'name'],
  ['Adresse', 'address'],
  ['Gateadresse', 'address'],
  ['Postadresse:', 'address'],
  ['Fakturaadresse', 'address'],
  ['Postnr./sted', 'postal'],
  ['Postnr.', 'postal'],
  ['Poststed', 'postal'],
  ['Tlf.', 'phone'],
  ['Tlf. arbeid', 'phone'],
  ['Telefon', 'phone'],
  ['Mobil', 'phone'],
  ['Mobilnr.', 'phone'],
  ['E-post', 'email'],
  ['E-postadresse', 'email'],
  ['Epost *', 'email'],
  ['Fødselsdato', 'birth-date'],
  ['Født', 'birth-date'],
  ['Personnr.', 'national-id'],
  ['Fødselsnr.', 'national-id'],
  ['Fødselsnummer', 'national-id'],
  ['D-nummer', 'national-id'],
  ['Kontonr.', 'account-number'],
  ['Kontonummer', 'account-number'],
  ['Bankinnskudd', 'financial'],
  ['Inntekt', 'financial'],
  ['Årsinntekt', 'financial'],
  ['Kredittscore', 'financial'],
  ['Gjeld', 'financial'],
  ['Kundenr.', 'customer-id'],
  ['Kundenummer', 'customer-id'],
  ['Notater', 'notes'],
  ['Kommentar', 'notes'],
  ['Merknad', 'notes'],
  ['Kjønn', 'other-personal'],
  ['Sivilstand', 'other-personal'],
  ['IP-adresse', 'other-personal'],
  // English
  ['Name', 'name'],
  ['First name', 'name'],
  ['Last Name:', 'name'],
  ['Address', 'address'],
  ['Street address', 'address'],
  ['ZIP code', 'postal'],
  ['Phone', 'phone'],
  ['Mobile', 'phone'],
  ['Email', 'email'],
  ['E-mail address', 'email'],
  ['Date of birth', 'birth-date'],
  ['DOB', 'birth-date'],
  ['SSN', 'national-id'],
  ['Account number', 'account-number'],
  ['IBAN', 'account-number'],
  ['Income', 'financial'],
  ['Credit score', 'financial'],
  ['Customer ID', 'customer-id'],
  ['Notes', 'notes'],
  ['Gender', 'other-personal'],
  // not the customer's personal data
  ['Status', null],
  ['Kampanje', null],
  ['Campaign', null],
  ['Sist kontaktet', null],
  ['Last contacted', null],
  ['Dato', null],
  ['Produkt', null],
  ['Beløp', null],
  ['Ordrenr.', null],
  ['Fakturanr.', null],
  ['Saksnr.', null],
  ['Org.nr.', null],
  ['Oppdragsgiver', null],
  ['Agent', null],
  ['Firmanavn', null],
  ['Company name', null],
  ['Produktnavn', null],
  ['Brukernavn', null],
  ['Nettadresse', null],
  ['Kunde', null],
  ['Mobilabonnement', null], // a product, not a phone number: whole words only
  ['Telefonistens notat om kampanjen som ble avsluttet i fjor høst', null], // > 60 chars: a sentence
  ['', null],
  ['   ', null],
];

describe('looksLikePersonalData: labels', () => {
  it('has a big enough table', () => {
    expect(LABELS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(LABELS)('%j → %s', (label, kind) => {
    expect(looksLikePersonalData(label)).toEqual(kind ? { kind } : null);
  });
});

/** Label + sample value. */
const VALUES: ReadonlyArray<readonly [label: string, value: string, kind: PersonalDataKind | null]> = [
  ['Kontakt', 'kari.nordmann@example.no', 'email'],
  ['Kontakt', '412 34 567', 'phone'],
  ['Kontakt', '55 12 34 56', 'phone'],
  ['Kontakt', '+47 412 34 567', 'phone'],
  ['Kontakt', '0047 41234567', 'phone'],
  ['Kontakt', '(+47) 412\u00a034\u00a0567', 'phone'],
  ['Referanse', '41234567', null], // a bare 8-digit string may be an order or customer number
  ['Id', '15058549905', 'national-id'], // valid fødselsnummer
  ['Id', '150585 49905', 'national-id'],
  ['Id', '41019012393', 'national-id'], // D-nummer
  ['Id', '15058549904', null], // wrong check digit
  ['Id', '01019012345', null], // fails the check digits
  ['Bank', '1234.56.78901', 'account-number'],
  ['Bank', '1234 56 78901', 'account-number'],
  ['Bank', 'NO93 8601 1117 947', 'account-number'],
  ['Registrert', '01.01.1990', null], // a date alone is never enough
  ['Org', '912 345 678', null], // organisation number shape
  ['Kontakt', 'Kari Nordmann', null],
  // The label wins over the value, both ways:
  ['Ordrenr.', '412 34 567', null],
  ['Status', 'kari@example.no', null],
  ['Fødselsdato', '01.01.1990', 'birth-date'],
  ['Navn', 'kari@example.no', 'name'],
];

describe('looksLikePersonalData: sample values', () => {
  it.each(VALUES)('%j = %j → %s', (label, value, kind) => {
    expect(looksLikePersonalData(label, value)).toEqual(kind ? { kind } : null);
  });

  it('ignores the value when none is given', () => {
    expect(looksLikePersonalData('Kontakt')).toBeNull();
  });
});

describe('isFodselsnummer', () => {
  it.each([
    ['15058549905', true],
    ['31129910065', true],
    ['41019012393', true],
    ['15138549905', false], // month 13
    ['00058549905', false], // day 0
    ['1505854990', false], // 10 digits
    ['1234.56.78901', false],
  ])('%s → %s', (value, expected) => {
    expect(isFodselsnummer(value)).toBe(expected);
  });
});
