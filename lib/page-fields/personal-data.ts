/**
 * Does a field on a CRM page look like personal data about the customer? Used to list,
 * in the side panel, fields the page shows that have no catalogue entry (no documented
 * purpose, legal basis, retention: GDPR Art. 5, see docs/architecture.md).
 *
 * What counts (by label, Norwegian and English vocabularies, whole words only):
 * - who the person is: name, address, postal code/place, birth date, national identity
 *   number (fødselsnummer, D-nummer, SSN), customer id, other personal traits (gender, age,
 *   marital status, nationality, employer, occupation, IP address, licence plate);
 * - how to reach them: phone, e-mail;
 * - their finances: account/card number, deposits, income, wealth, debt, credit score;
 * - free-text notes and comments (they routinely hold personal details).
 * What does not (→ null): labels of campaign/transaction metadata that describe the call
 * or the sale rather than the person — Status, Kampanje, Dato, Produkt, Beløp, Ordrenr.,
 * Fakturanr., Saksnr., Org.nr. (businesses are not persons), Sist kontaktet, Oppdragsgiver,
 * Agent … These stay null whatever their value looks like (the label tells a look-alike
 * apart, as domain.md says of Ordrenr. and Kundenr.). Company, product, campaign, file and
 * user names are not the customer's name.
 *
 * A value is looked at only when the label says nothing either way: an e-mail address, a
 * phone number in a Norwegian spelling (grouped digits or a +47/0047 prefix, never a bare
 * 8-digit string: order and customer numbers look the same), a fødselsnummer (11 digits
 * whose date and both check digits are valid), an account number written `1234.56.78901`
 * / `1234 56 78901`, or a Norwegian IBAN. A date alone is never enough (dates are everywhere);
 * birth dates are recognised by their label.
 *
 * Labels longer than 60 characters are sentences, not labels: null.
 */
import { normaliseLabel } from './label-match';

export type PersonalDataKind =
  | 'name'
  | 'address'
  | 'postal'
  | 'phone'
  | 'email'
  | 'birth-date'
  | 'national-id'
  | 'account-number'
  | 'financial'
  | 'customer-id'
  | 'notes'
  | 'other-personal';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'name',
  'address',
  'postal',
  'phone',
  'email',
  'birth-date',
  'national-id',
  'account-number',
  'financial',
  'customer-id',
  'notes',
  'other-personal',
];

const MAX_LABEL = 60;

/**
 * Labels are compared word by word: lower-cased, split at anything that is not a–z, 0–9 or
 * a Latin letter with diacritics (æ, ø, å, é, ü …). "E-postadresse" is ["e", "postadresse"],
 * "Postnr./sted" is ["postnr", "sted"]. A vocabulary phrase matches when its words appear
 * in a row in the label. (Token lookups instead of Unicode regular expressions: those cost
 * tens of milliseconds to compile on a content script's first call.)
 */
const SEPARATORS = /[^a-z0-9\u00df-\u00f6\u00f8-\u024f]+/;

function tokens(normalised: string): string[] {
  return normalised.split(SEPARATORS).filter((t) => t !== '');
}

function words(...phrases: string[]): readonly string[] {
  return phrases;
}

/**
 * Labels that are not the customer's personal data even though they contain a vocabulary
 * word ("Firmanavn" is not a person's name, "Nettadresse" not a home address).
 */
const NOT_PERSONAL_WORDS = words(
  'firmanavn',
  'bedriftsnavn',
  'selskapsnavn',
  'foretaksnavn',
  'produktnavn',
  'kampanjenavn',
  'listenavn',
  'filnavn',
  'brukernavn',
  'agentnavn',
  'selgernavn',
  'nettadresse',
  'webadresse',
  'company name',
  'business name',
  'organisation name',
  'organization name',
  'product name',
  'campaign name',
  'list name',
  'file name',
  'filename',
  'user name',
  'username',
  'agent name',
  'web address',
  'website',
);

/**
 * Whole labels (after normalisation, one trailing "." ignored) that are campaign or
 * transaction metadata: null even when their value looks personal.
 */
const NOT_PERSONAL_LABELS = new Set([
  'status',
  'kampanje',
  'campaign',
  'oppdragsgiver',
  'client',
  'liste',
  'list',
  'dato',
  'date',
  'tid',
  'time',
  'klokkeslett',
  'produkt',
  'product',
  'beløp',
  'amount',
  'sum',
  'pris',
  'price',
  'antall',
  'quantity',
  'ordrenr',
  'ordrenummer',
  'order no',
  'order number',
  'fakturanr',
  'fakturanummer',
  'faktura',
  'invoice',
  'invoice no',
  'invoice number',
  'saksnr',
  'saksnummer',
  'case no',
  'case number',
  'kid',
  'org.nr',
  'orgnr',
  'org. nr',
  'organisasjonsnummer',
  'organisation number',
  'organization number',
  'sist kontaktet',
  'last contacted',
  'neste kontakt',
  'next contact',
  'agent',
  'selger',
  'prioritet',
  'priority',
  'kilde',
  'source',
  'resultat',
  'outcome',
  'søk',
  'search',
]);

/** Vocabulary, checked in this order (the first match wins: "E-postadresse" is an e-mail, not an address). */
const VOCABULARY: ReadonlyArray<readonly [PersonalDataKind, readonly string[]]> = [
  // Before 'address': an IP address is not where the person lives.
  ['other-personal', words('ip', 'ip-adresse', 'ip-adr', 'ip address')],
  [
    'national-id',
    words(
      'personnr',
      'personnummer',
      'pers.nr',
      'fødselsnr',
      'fødselsnummer',
      'f.nr',
      'fnr',
      'd-nummer',
      'd-nr',
      'ssn',
      'social security number',
      'social security no',
      'national id',
      'national identity number',
      'national identification number',
      'personal identity number',
      'personal id number',
    ),
  ],
  [
    'email',
    words(
      'e-post',
      'epost',
      'e-postadresse',
      'epostadresse',
      'mailadresse',
      'e-mail',
      'email',
      'mail',
      'e-mail address',
      'email address',
    ),
  ],
  [
    'birth-date',
    words(
      'fødselsdato',
      'født',
      'fødd',
      'f.dato',
      'fødselsår',
      'fødselsdag',
      'bursdag',
      'date of birth',
      'birth date',
      'birthdate',
      'birthday',
      'born',
      'dob',
      'd.o.b',
      'year of birth',
    ),
  ],
  [
    'phone',
    words(
      'tlf',
      'tlf.nr',
      'telefon',
      'telefonnr',
      'telefonnummer',
      'mobil',
      'mob',
      'mobilnr',
      'mobilnummer',
      'mobiltelefon',
      'hjemmetelefon',
      'jobbtelefon',
      'arbeidstelefon',
      'privattelefon',
      'faks',
      'fax',
      'phone',
      'telephone',
      'phone number',
      'tel',
      'mobile',
      'mobile number',
      'cell',
      'cellphone',
      'cell phone',
    ),
  ],
  [
    'account-number',
    words(
      'kontonr',
      'kontonummer',
      'konto',
      'bankkonto',
      'bankkontonr',
      'bankkontonummer',
      'iban',
      'kortnr',
      'kortnummer',
      'account number',
      'account no',
      'bank account',
      'card number',
    ),
  ],
  [
    'financial',
    words(
      'bankinnskudd',
      'innskudd',
      'sparing',
      'inntekt',
      'årsinntekt',
      'bruttoinntekt',
      'nettoinntekt',
      'husstandsinntekt',
      'lønn',
      'årslønn',
      'formue',
      'gjeld',
      'lån',
      'boliglån',
      'kreditt',
      'kredittscore',
      'kredittvurdering',
      'kredittverdighet',
      'kredittgrense',
      'betalingsanmerkning',
      'betalingsanmerkninger',
      'income',
      'annual income',
      'salary',
      'wealth',
      'net worth',
      'savings',
      'deposit',
      'deposits',
      'bank deposits',
      'debt',
      'loan',
      'mortgage',
      'credit score',
      'credit rating',
      'credit limit',
    ),
  ],
  [
    'customer-id',
    words(
      'kundenr',
      'kundenummer',
      'kunde-id',
      'kundeid',
      'medlemsnr',
      'medlemsnummer',
      'customer id',
      'customer no',
      'customer number',
      'client id',
      'client number',
      'member id',
      'member number',
      'membership number',
    ),
  ],
  [
    'postal',
    words(
      'postnr',
      'postnummer',
      'poststed',
      'postnr./sted',
      'postnr/sted',
      'postkode',
      'zip',
      'zip code',
      'zipcode',
      'postcode',
      'post code',
      'postal code',
      'city',
      'town',
    ),
  ],
  [
    'address',
    words(
      'adresse',
      'adr',
      'gateadresse',
      'postadresse',
      'besøksadresse',
      'bostedsadresse',
      'hjemmeadresse',
      'leveringsadresse',
      'fakturaadresse',
      'folkeregistrert adresse',
      'adresselinje',
      'bosted',
      'c/o',
      'address',
      'street',
      'street address',
      'home address',
      'postal address',
      'billing address',
      'delivery address',
      'shipping address',
      'address line',
    ),
  ],
  [
    'name',
    words(
      'navn',
      'fornavn',
      'etternavn',
      'mellomnavn',
      'fullt navn',
      'kundenavn',
      'kontaktnavn',
      'kontaktperson',
      'pikenavn',
      'name',
      'first name',
      'firstname',
      'last name',
      'lastname',
      'surname',
      'given name',
      'family name',
      'middle name',
      'full name',
      'customer name',
      'contact name',
      'contact person',
    ),
  ],
  [
    'notes',
    words(
      'notat',
      'notater',
      'kommentar',
      'kommentarer',
      'merknad',
      'merknader',
      'beskjed',
      'fritekst',
      'internt notat',
      'note',
      'notes',
      'comment',
      'comments',
      'remark',
      'remarks',
      'memo',
    ),
  ],
  [
    'other-personal',
    words(
      'kjønn',
      'alder',
      'sivilstand',
      'sivilstatus',
      'nasjonalitet',
      'statsborgerskap',
      'morsmål',
      'yrke',
      'stilling',
      'arbeidsgiver',
      'husstand',
      'antall barn',
      'helse',
      'regnr',
      'reg.nr',
      'registreringsnummer',
      'bilnummer',
      'gender',
      'sex',
      'age',
      'marital status',
      'nationality',
      'citizenship',
      'occupation',
      'job title',
      'employer',
      'household',
      'health',
      'licence plate',
      'license plate',
    ),
  ],
];

interface Phrase {
  words: string[];
  /** Index in VOCABULARY (lower wins), -1 for NOT_PERSONAL_WORDS (wins over all). */
  rank: number;
}

/** Phrases by their first word. */
const PHRASES = new Map<string, Phrase[]>();
function addPhrase(phrase: string, rank: number): void {
  const words = tokens(phrase);
  const first = words[0];
  if (first === undefined) return;
  const list = PHRASES.get(first);
  if (list) list.push({ words, rank });
  else PHRASES.set(first, [{ words, rank }]);
}
for (const phrase of NOT_PERSONAL_WORDS) addPhrase(phrase, -1);
VOCABULARY.forEach(([, phrases], rank) => phrases.forEach((phrase) => addPhrase(phrase, rank)));

/** Rank of the best vocabulary phrase in the label's words: -1 not personal, undefined none. */
function bestRank(labelWords: string[]): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < labelWords.length; i++) {
    const candidates = PHRASES.get(labelWords[i]!);
    if (!candidates) continue;
    for (const { words, rank } of candidates) {
      if (best !== undefined && rank >= best) continue;
      let j = 1;
      while (j < words.length && labelWords[i + j] === words[j]) j++;
      if (j === words.length) best = rank;
    }
  }
  return best;
}

const EMAIL_VALUE = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>().\d]{2,}$/;
/** +47 / 0047 / (+47) followed by 8 digits, grouped or not. */
const PREFIXED_PHONE = /^(?:\+47|0047|\(\+47\))[\s-]?(?:\d[\s-]?){7}\d$/;
/** 8 digits grouped 3-2-3 or 2-2-2-2 (spaces, no-break spaces or hyphens). */
const GROUPED_PHONE = /^[2-9]\d{2}[\s-]\d{2}[\s-]\d{3}$|^[2-9]\d[\s-]\d{2}[\s-]\d{2}[\s-]\d{2}$/;
const ACCOUNT_VALUE = /^\d{4}([.\s])\d{2}\1\d{5}$/;
const IBAN_NO = /^NO\d{2}(?:\s?\d{4}){2}\s?\d{3}$/i;
const FNR_SHAPE = /^(\d{6})\s?(\d{5})$/;

/** True for an 11-digit Norwegian national identity number (incl. D-numbers) with valid date and check digits. */
export function isFodselsnummer(value: string): boolean {
  const m = FNR_SHAPE.exec(value.trim());
  if (!m) return false;
  const d = [...(m[1]! + m[2]!)].map(Number);
  let day = d[0]! * 10 + d[1]!;
  const month = d[2]! * 10 + d[3]!;
  if (day > 40) day -= 40; // D-nummer
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const check = (weights: number[]): number => {
    const r = 11 - (weights.reduce((s, w, i) => s + w * d[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  return check(w1) === d[9] && check(w2) === d[10];
}

function kindOfValue(value: string): PersonalDataKind | null {
  const v = value.replace(/\s+/gu, ' ').trim();
  if (!v || v.length > 80) return null;
  if (EMAIL_VALUE.test(v)) return 'email';
  if (isFodselsnummer(v)) return 'national-id';
  if (ACCOUNT_VALUE.test(v) || IBAN_NO.test(v)) return 'account-number';
  if (PREFIXED_PHONE.test(v) || GROUPED_PHONE.test(v)) return 'phone';
  return null;
}

/** Personal-data kind of a field from its label (and, when the label is silent, a sample value), or null. */
export function looksLikePersonalData(label: string, sampleValue?: string): { kind: PersonalDataKind } | null {
  const norm = normaliseLabel(label);
  if (!norm || norm.length > MAX_LABEL) return null;
  if (NOT_PERSONAL_LABELS.has(norm) || NOT_PERSONAL_LABELS.has(norm.replace(/\.$/u, ''))) return null;
  const rank = bestRank(tokens(norm));
  if (rank === -1) return null;
  const entry = rank === undefined ? undefined : VOCABULARY[rank];
  if (entry) return { kind: entry[0] };
  if (sampleValue !== undefined) {
    const kind = kindOfValue(sampleValue);
    if (kind) return { kind };
  }
  return null;
}
