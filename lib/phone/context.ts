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

/**
 * Letters, digits, marks and currency signs (any script). Variation selectors
 * (U+FE00-FE0F, as in `☎️`) are marks that only pick an emoji's look: not glue.
 * Emoji and other symbols (`☎`, `📞`) are not word-like either.
 */
function isWordLike(c: number): boolean {
  if (c < 128) return isAsciiDigit(c) || isAsciiLetter(c) || c === 95 /* _ */ || c === 36 /* $ */;
  if (c >= 0xfe00 && c <= 0xfe0f) return false;
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

/** A list of numbers may be written `41234567,98765432`; `0,41234567` is a decimal. */
const LIST_NEIGHBOUR_DIGITS = 5;
/** Most digits after a decimal comma (`41234567,00`, `41234567,5`); more is a list or CSV (`41234567,0150,Oslo`). */
const MAX_DECIMALS = 2;

/**
 * Is the run starting at `pos` glued to what precedes it (so it is part of an
 * identifier, an amount, a path or a decimal and not a number on its own)?
 */
export function isGluedBefore(text: string, pos: number): boolean {
  if (pos <= 0) return false;
  const c = text.charCodeAt(pos - 1);
  if (isWordLike(c)) return true;
  // A variation selector belongs to the char before it: `☎️41234567` is free, a letter + U+FE0F is still glued.
  if (c >= 0xfe00 && c <= 0xfe0f) return pos >= 2 && isWordLike(text.charCodeAt(pos - 2));
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

/**
 * Is the run ending just before `pos` glued to what follows it? With
 * `notAmount` (a number written with `+` / `00`, never an amount) a decimal
 * comma or `,-` / `.-` after it does not count.
 */
export function isGluedAfter(text: string, pos: number, notAmount = false): boolean {
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
    case 0x2c: // ,  41234567,00 and 41234567,- are amounts; 41234567,98765432 and 41234567,0150,Oslo are lists
      if (notAmount) return false;
      if (next === 0x2d || next === 0x2013) return true;
      return isAsciiDigit(next) && digitsAfter(text, pos + 1) <= MAX_DECIMALS;
    case 0x2e: // .  41234567.- (amount), 41234567.no (a name)
      return (next === 0x2d && !notAmount) || (next >= 0 && isWordLike(next));
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
  // a job / work order number (the work phone is `Jobb:`, `Jobbtelefon`, `Jobbnummer`)
  'jobbnr',
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
 * The identifier noun a compound ends in before `nr` / `nummer`: such a
 * compound is an identifier even when it starts with a phone stem
 * (`Arbeidsordrenr`, `Privatkundenr`, `Hovedkundenummer`).
 */
const IDENTIFIER_STEMS = [
  'ordre',
  'kunde',
  'faktura',
  'sak',
  'saks',
  'klient',
  'medlem',
  'medlems',
  'avtale',
  'kontrakt',
  'kontrakts',
  'polise',
  'bestilling',
  'bestillings',
  'bilag',
  'bilags',
  'dokument',
  'transaksjon',
  'transaksjons',
  'referanse',
  'ref',
  'sporings',
  'sendings',
  'serie',
  'artikkel',
  'vare',
  'lisens',
  'konto',
  'kid',
  'org',
  'organisasjons',
  'foretaks',
  'betalings',
  'identifikasjons',
];

/** Number nouns that end a compound label, with their definite and plural forms (`Kundenummeret`, `Telefonnumrene`). */
const NUMBER_ENDINGS = ['nummeret', 'numrene', 'nummer', 'numre', 'nr'];

/** Compounds ending in these are references, i.e. identifiers (`Ordrereferanse`, `Betalingsreferansen`). */
const REFERENCE_ENDINGS = ['referanse', 'referansen', 'referanser', 'referansene'];

/**
 * Possessives, adjectives, articles and prepositions: before `nr` / `no` they
 * say whose or which number (`Ditt nr:`, `Nytt nr.`, `på nr.`, `my no.`), not
 * what kind of identifier, so the pair is not an identifier label.
 */
const NUMBER_MODIFIERS = new Set([
  'mitt', 'min', 'mi', 'mine', 'ditt', 'din', 'di', 'dine', 'sitt', 'sin', 'si', 'sine', 'vårt', 'vår', 'våre', 'deres',
  'hans', 'hennes', 'dens', 'dets', 'eget', 'egen', 'egne', 'nytt', 'ny', 'nye', 'gamle', 'gammelt', 'gammel', 'samme',
  'annet', 'annen', 'andre', 'rett', 'riktig', 'riktige', 'korrekt', 'feil', 'dette', 'denne', 'det', 'den', 'et', 'ett',
  'en', 'ei', 'på', 'til', 'fra', 'med', 'om', 'via', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'new', 'old',
  'same', 'other', 'another', 'the', 'a', 'this', 'that', 'correct', 'right', 'wrong', 'at', 'to', 'on', 'from', 'with',
  'by',
]);

/** Weak words naming a person: after a phone label (`Telefon kunde:`) they introduce that person's phone. */
const PERSON_WORDS = new Set(['kunde', 'customer', 'client', 'klient', 'medlem', 'member']);

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
const PHONE_STEM_SET = new Set(PHONE_STEMS);
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
/** Longest label word read (`Kundeidentifikasjonsnummer` has 26 letters). */
const MAX_WORD = 40;

/** The word ending at `end` (exclusive), lower-cased, or '' if there is none or it is glued to a digit. */
function wordBefore(text: string, end: number): [word: string, start: number] {
  let i = end;
  const stop = Math.max(0, end - MAX_WORD);
  while (i > stop && isLetter(text.charCodeAt(i - 1))) i--;
  if (i === end || (i > 0 && (isLetter(text.charCodeAt(i - 1)) || isAsciiDigit(text.charCodeAt(i - 1))))) return ['', i];
  return [text.slice(i, end).toLowerCase(), i];
}

/** Where the stem of a `…nr` / `…nummer(et)` compound ends, or -1 (also for a bare `nr` / `nummer`). */
function compoundStemEnd(word: string): number {
  for (const ending of NUMBER_ENDINGS) {
    if (word.endsWith(ending)) return word.length > ending.length ? word.length - ending.length : -1;
  }
  return -1;
}

function classify(word: string): Label {
  if (POSITIVE.has(word)) return 'phone';
  if (NEGATIVE.has(word)) return 'other';
  if (WEAK_NEGATIVE_WORDS.has(word)) return 'weak';
  const stemEnd = compoundStemEnd(word);
  if (stemEnd > 0) {
    // `Arbeidsordrenr`, `Hovedkundenummer`: the identifier noun at the end wins over a phone stem at the start.
    for (const stem of IDENTIFIER_STEMS) if (word.endsWith(stem, stemEnd)) return 'other';
    for (const stem of PHONE_STEMS) if (word.startsWith(stem)) return 'phone';
    return 'other';
  }
  for (const ending of REFERENCE_ENDINGS) if (word.endsWith(ending)) return 'other';
  return 'none';
}

/** The word before a label word starting at `start`, joined by one or two spaces / dots / hyphens (`Tlf. kunde`, `Org.nr`); '' if none. */
function previousWord(text: string, start: number): string {
  let j = start;
  const stop = Math.max(0, start - 2);
  while (j > stop && isLabelTrail(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 0x3a) j--;
  if (j === start) return '';
  return wordBefore(text, j)[0];
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
  // Lower-case `nok` is the adverb "enough" (`Det er nok 412 34 567`); the currency is written `NOK`.
  if (word === 'nok') return text.startsWith('NOK', start) ? 'other' : 'none';
  const single = classify(word);
  if (single === 'weak') {
    // `Telefon kunde:`, `Tlf. kunde:`: the customer's phone number.
    if (!PERSON_WORDS.has(word)) return single;
    const before = previousWord(text, start);
    return before !== '' && classify(before) === 'phone' ? 'phone' : single;
  }
  if (single !== 'none' || !SUFFIXES.has(word)) return single;
  // Two-word label: skip at most two of space / dot / hyphen, then the first word.
  const first = previousWord(text, start);
  if (first === '') return 'none';
  // `Ditt nr:`, `Nytt nr.`, `på nr.`, `my no.`: whose number, not an identifier label.
  if (NUMBER_MODIFIERS.has(first)) return 'none';
  // `Hjemme nr.`, `Arbeid nr`
  if (PHONE_STEM_SET.has(first)) return 'phone';
  const label = classify(first);
  // `Kunde nr`, `Order no.`: a generic noun with a number suffix is a real identifier label.
  if (label === 'weak') return 'other';
  if (label !== 'none') return label;
  return ABBREVIATED_SUFFIXES.has(word) ? 'other' : 'none';
}

const AMOUNT_AFTER =
  /^[\s\u00a0\u202f\u2009]*(?:kr\.?|kroner|(nok)|sek|dkk|eur|euro|usd|dollar|gbp|chf|mva|,-|\.-|€|\$|£|%|prosent|percent|mill|millioner|mrd|milliarder)(?![\p{L}\p{N}])/iu;

/** Is the run ending at `pos` followed by a currency or unit (`41234567 kr`)? */
export function amountAfter(text: string, pos: number): boolean {
  let i = pos;
  const n = text.length;
  while (i < n && i < pos + 3 && isLabelTrail(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x2e) i++;
  if (i >= n) return false;
  const c = text.charCodeAt(i);
  // Only letters, `,-`, `.-`, `%` and non-ASCII signs can start an amount marker.
  if (c < 128 && !isAsciiLetter(c) && c !== 0x2c && c !== 0x2e && c !== 0x25 && c !== 0x24) return false;
  const m = AMOUNT_AFTER.exec(text.slice(pos, pos + 16));
  // Lower-case `nok` is the adverb "enough" (`41234567 nok en gang`); the currency is written `NOK`.
  return m !== null && (m[1] === undefined || m[1] === 'NOK');
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
