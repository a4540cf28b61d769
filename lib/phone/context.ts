/**
 * Context rules that tell a phone number from a look-alike: characters glued
 * to a digit run, labels in front of it ("Kundenr.", "Tlf:") and amount
 * markers after it ("kr", ",-"). Called once per digit run that could be a
 * number, so everything is char-code work; the only regexes are a one-char
 * Unicode class test for non-ASCII chars and the amount pattern on a 16-char slice.
 */

const NON_ASCII_GLUE = /[\p{L}\p{M}\p{N}\p{Sc}]/u;

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters, digits, marks and currency signs (any script). */
function isWordLike(c: number): boolean {
  if (c < 128) return isAsciiDigit(c) || isAsciiLetter(c) || c === 95 /* _ */ || c === 36 /* $ */;
  return NON_ASCII_GLUE.test(String.fromCharCode(c));
}

/** Length of the run of ASCII digits ending just before `end`. */
function digitsBefore(text: string, end: number): number {
  let i = end;
  while (i > 0 && isAsciiDigit(text.charCodeAt(i - 1))) i--;
  return end - i;
}

/** Length of the run of ASCII digits starting at `start`. */
function digitsAfter(text: string, start: number): number {
  let i = start;
  while (i < text.length && isAsciiDigit(text.charCodeAt(i))) i++;
  return i - start;
}

/** A list of numbers may be written `41234567,98765432`; `0,41234567` / `41234567,00` are decimals. */
const LIST_NEIGHBOUR_DIGITS = 5;

/**
 * Is the run starting at `pos` glued to what precedes it (so it is part of an
 * identifier, an amount, a path or a decimal and not a number on its own)?
 */
export function isGluedBefore(text: string, pos: number): boolean {
  if (pos <= 0) return false;
  const c = text.charCodeAt(pos - 1);
  if (isWordLike(c)) return true;
  switch (c) {
    case 0x23: // #
    case 0x40: // @
    case 0x25: // %
    case 0x2a: // *
    case 0x5c: // \
    case 0x26: // &
    case 0x2b: // +
    case 0x5e: // ^
    case 0x7e: // ~
    case 0x60: // `
    case 0x2d: // -
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212: // minus sign
      return true;
    case 0x2f: // /  (a path segment or a case number like 2024/41234567, unless a list like 98765432/41234567)
      return digitsBefore(text, pos - 1) < LIST_NEIGHBOUR_DIGITS;
    case 0x2c: // ,
      return digitsBefore(text, pos - 1) > 0 && digitsBefore(text, pos - 1) < LIST_NEIGHBOUR_DIGITS;
    case 0x3a: // :  (12:41234567 is a time or ratio)
    case 0x2e: // .
      return isAsciiDigit(text.charCodeAt(pos - 2));
    default:
      return false;
  }
}

/** Is the run ending just before `pos` glued to what follows it? */
export function isGluedAfter(text: string, pos: number): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  if (isWordLike(c)) return true;
  const next = pos + 1 < text.length ? text.charCodeAt(pos + 1) : -1;
  switch (c) {
    case 0x23: // #
    case 0x40: // @
    case 0x25: // %
    case 0x2a: // *
    case 0x5c: // \
    case 0x2b: // +
    case 0x3d: // =
    case 0x5e: // ^
    case 0x7e: // ~
    case 0x60: // `
    case 0xb0: // °
    case 0x2030: // ‰
      return true;
    case 0x2d: // -
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
      // 41234567-A, 41234567--; a dash before a space or the end is punctuation.
      return next === 0x2d || (next >= 0 && isWordLike(next));
    case 0x2c: // ,  41234567,00 and 41234567,- are amounts; 41234567,98765432 is a list
      if (next === 0x2d || next === 0x2013) return true;
      return isAsciiDigit(next) && digitsAfter(text, pos + 1) < LIST_NEIGHBOUR_DIGITS;
    case 0x2e: // .  41234567.- (amount), 41234567.no (a name)
      return next === 0x2d || (next >= 0 && isWordLike(next));
    case 0x3a: // :
      return isAsciiDigit(next);
    case 0x2f: // /
      return next >= 0 && !isAsciiDigit(next) && isWordLike(next);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Labels before a number

/** Words that introduce an identifier or an amount, not a phone number. */
const NEGATIVE_WORDS = [
  // orders, invoices, customers, cases
  'ordre',
  'ordrenr',
  'ordrenummer',
  'ordreid',
  'order',
  'orderid',
  'bestilling',
  'bestillingsnr',
  'bestillingsnummer',
  'faktura',
  'fakturanr',
  'fakturanummer',
  'invoice',
  'kunde',
  'kundenr',
  'kundenummer',
  'kundeid',
  'customer',
  'client',
  'klient',
  'klientnr',
  'sak',
  'saksnr',
  'saksnummer',
  'saksid',
  'case',
  'ticket',
  'billett',
  'ref',
  'refnr',
  'referanse',
  'referansenr',
  'referansenummer',
  'reference',
  'id',
  'avtale',
  'avtalenr',
  'avtalenummer',
  'kontrakt',
  'kontraktsnr',
  'contract',
  'polise',
  'polisenr',
  'polisenummer',
  'policy',
  'medlem',
  'medlemsnr',
  'medlemsnummer',
  'member',
  'membership',
  'bilag',
  'bilagsnr',
  'dokument',
  'dokumentnr',
  'document',
  'transaksjon',
  'transaksjonsnr',
  'transaction',
  'sporingsnummer',
  'sporingsnr',
  'sendingsnr',
  'sendingsnummer',
  'tracking',
  'shipment',
  'serienr',
  'serienummer',
  'serial',
  'artikkelnr',
  'varenr',
  'varenummer',
  'sku',
  'ean',
  'gtin',
  'isbn',
  'lisens',
  'license',
  'licence',
  'pin',
  'kode',
  'code',
  'passord',
  'password',
  'postnr',
  'postnummer',
  // payments, registry numbers
  'kid',
  'kidnr',
  'org',
  'orgnr',
  'organisasjonsnr',
  'organisasjonsnummer',
  'foretaksnr',
  'foretaksnummer',
  'mva',
  'vat',
  'konto',
  'kontonr',
  'kontonummer',
  'bankkonto',
  'account',
  'acct',
  'iban',
  'kortnr',
  'kortnummer',
  'card',
  'fnr',
  'fødselsnr',
  'fødselsnummer',
  'personnr',
  'personnummer',
  'ssn',
  // amounts
  'kr',
  'nok',
  'sek',
  'dkk',
  'eur',
  'usd',
  'gbp',
  'chf',
  'beløp',
  'belop',
  'sum',
  'total',
  'totalt',
  'pris',
  'price',
  'amount',
  'saldo',
  'balance',
  ];

/** Words that introduce a phone number. */
const POSITIVE_WORDS = [
  'tlf',
  'tel',
  'telefon',
  'telephone',
  'phone',
  'ph',
  'mob',
  'mobil',
  'mobile',
  'mobiltlf',
  'mobiltelefon',
  'mobilnr',
  'mobilnummer',
  'telefonnr',
  'telefonnummer',
  'tlfnr',
  'cell',
  'cellphone',
  'faks',
  'fax',
  'telefaks',
  'telefax',
  'sentralbord',
  'switchboard',
  'direkte',
  'direct',
  'ring',
  'call',
  'sms',
  'whatsapp',
  'hotline',
  'kontakt',
  'contact',
  'hjem',
  'home',
  'jobb',
  'work',
  'office',
  'privat',
  'private',
  'hoved',
  'main',
];

/**
 * Compounds ending in `nr` / `nummer` are identifiers (`Artikkelnr`,
 * `Registreringsnummer`) unless they start with one of these
 * (`Mobilnr`, `Telefonnummer`, `Kontaktnummer`, `Hovednummer`).
 */
const PHONE_STEMS = [
  'tlf',
  'tel',
  'mob',
  'faks',
  'fax',
  'direkte',
  'hoved',
  'kontakt',
  'sentralbord',
  'privat',
  'jobb',
  'arbeid',
  'vakt',
  'innvalg',
  'hjemme',
  'nød',
  'sms',
];

/**
 * Generic nouns (`Kunde`, `Sak`, `Order`, `ID`) that often introduce an
 * identifier, but also a person's phone number (`Ny kunde: +47 994 45 566`).
 * After them a bare 8-digit run is taken for an identifier; a number written
 * the way phone numbers are (`412 34 567`, `+47 …`, `0047 …`) is still found.
 */
const WEAK_NEGATIVE_WORDS = new Set([
  'kunde', 'customer', 'client', 'klient', 'sak', 'case', 'ticket', 'billett', 'medlem', 'member', 'avtale', 'kontrakt',
  'contract', 'ordre', 'order', 'bestilling', 'faktura', 'invoice', 'dokument', 'document', 'bilag', 'polise', 'policy',
  'transaksjon', 'transaction', 'referanse', 'reference', 'ref', 'id',
]);
const NEGATIVE = new Set(NEGATIVE_WORDS.filter((w) => !WEAK_NEGATIVE_WORDS.has(w)));
const POSITIVE = new Set(POSITIVE_WORDS);
/** Second words of two-word labels: `Faktura nr`, `Org.nr.`, `Order no.`, `Tlf.nr`, `Phone number`. */
const SUFFIXES = new Set(['nr', 'no', 'nummer', 'number', 'num', 'nbr']);
/** Abbreviated second words: after any word but a phone word they mark an identifier (`Art.nr.`, `Prod. no.`). */
const ABBREVIATED_SUFFIXES = new Set(['nr', 'no', 'num', 'nbr']);

/** No label, a phone label (`Tlf:`), or an identifier/amount label (`Kundenr.`, `kr`). */
export type Label = 'none' | 'phone' | 'other' | 'weak';

const LETTER = /\p{L}/u;

function isLetter(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  return LETTER.test(String.fromCharCode(c));
}

/** Chars between a label and its value: spaces, `.`, `:`, `#`, `=`, dashes. */
function isLabelTrail(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x2e ||
    c === 0x3a ||
    c === 0x23 ||
    c === 0x3d ||
    c === 0x2d ||
    c === 0x2013 ||
    c === 0x202f ||
    (c >= 0x2000 && c <= 0x200a)
  );
}

const MAX_TRAIL = 6;
const MAX_WORD = 24;

/** The word ending at `end` (exclusive), lower-cased, or '' if there is none or it is glued to a digit. */
function wordBefore(text: string, end: number): [word: string, start: number] {
  let i = end;
  const stop = Math.max(0, end - MAX_WORD);
  while (i > stop && isLetter(text.charCodeAt(i - 1))) i--;
  if (i === end || (i > 0 && (isLetter(text.charCodeAt(i - 1)) || isAsciiDigit(text.charCodeAt(i - 1))))) return ['', i];
  return [text.slice(i, end).toLowerCase(), i];
}

function classify(word: string): Label {
  if (POSITIVE.has(word)) return 'phone';
  if (NEGATIVE.has(word)) return 'other';
  if (WEAK_NEGATIVE_WORDS.has(word)) return 'weak';
  const compound = word.length > 2 && word.endsWith('nr') ? 2 : word.length > 6 && word.endsWith('nummer') ? 6 : 0;
  if (compound > 0) return PHONE_STEMS.some((stem) => word.startsWith(stem)) ? 'phone' : 'other';
  return 'none';
}

/**
 * The label (if any) written just before position `pos`: `Tlf:`, `Mobil`,
 * `Phone number:` are phone labels; `Kundenr.`, `Faktura nr`, `Org.nr.`,
 * `KID:`, `Order #`, `kr`, `€` introduce something else. Whole words only,
 * case-insensitive; no regex on the hot path.
 */
export function labelBefore(text: string, pos: number): Label {
  let i = pos;
  const stop = Math.max(0, pos - MAX_TRAIL);
  while (i > stop && isLabelTrail(text.charCodeAt(i - 1))) i--;
  if (i === 0) return 'none';
  const c = text.charCodeAt(i - 1);
  if (c === 0x24 || c === 0x20ac || c === 0xa3) return 'other'; // $ € £
  if (!isLetter(c)) return 'none';
  const [word, start] = wordBefore(text, i);
  if (word === '') return 'none';
  const single = classify(word);
  if ((single !== 'none' && single !== 'weak') || !SUFFIXES.has(word)) return single;
  // Two-word label: skip at most two of space / dot / hyphen, then the first word.
  let j = start;
  const stop2 = Math.max(0, start - 2);
  while (j > stop2 && isLabelTrail(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 0x3a) j--;
  if (j === start) return 'none';
  const [first] = wordBefore(text, j);
  if (first === '') return 'none';
  const label = classify(first);
  // `Kunde nr`, `Order no.`: a generic noun with a number suffix is a real identifier label.
  if (label === 'weak') return 'other';
  if (label !== 'none') return label;
  return ABBREVIATED_SUFFIXES.has(word) ? 'other' : 'none';
}

const AMOUNT_AFTER =
  /^[\s\u00a0\u202f\u2009]*(?:kr\.?|kroner|nok|sek|dkk|eur|euro|usd|dollar|gbp|chf|mva|,-|\.-|€|\$|£|%|prosent|percent|mill|millioner|mrd|milliarder)(?![\p{L}\p{N}])/iu;

/** Is the run ending at `pos` followed by a currency or unit (`41234567 kr`)? */
export function amountAfter(text: string, pos: number): boolean {
  let i = pos;
  const n = text.length;
  while (i < n && i < pos + 3 && isLabelTrail(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x2e) i++;
  if (i >= n) return false;
  const c = text.charCodeAt(i);
  // Only letters, `,-`, `.-`, `%` and non-ASCII signs can start an amount marker.
  if (c < 128 && !isAsciiLetter(c) && c !== 0x2c && c !== 0x2e && c !== 0x25 && c !== 0x24) return false;
  return AMOUNT_AFTER.test(text.slice(pos, pos + 16));
}

const labelKinds = new Map<string, Label>();

/**
 * How a label shown by the page next to a value (a column header, a label
 * element) reads to the detector: `Telefon` → phone, `Kundenr.` → other,
 * `Kunde` → weak, `Navn` → none. Cached: pages repeat their labels.
 */
export function classifyLabel(label: string): Label {
  let kind = labelKinds.get(label);
  if (kind === undefined) {
    const text = `${label}: `;
    kind = labelBefore(text, text.length);
    if (labelKinds.size > 500) labelKinds.clear();
    labelKinds.set(label, kind);
  }
  return kind;
}
