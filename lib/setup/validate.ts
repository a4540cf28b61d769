/**
 * Validators for the set-up (clients with their data processing agreements,
 * campaigns with outcomes, sites and field catalogues). One set of rules for
 * the set-up file, the options forms and the store, so nothing invalid is
 * ever stored, whichever way it comes in.
 *
 * Every problem names the exact place (`campaigns[2].fields[0].legalBasis`)
 * and a code; the UI turns codes into translated sentences. Validators read
 * `unknown` input and build clean values from the known properties only:
 * anything else in the input is dropped, never stored.
 */
import {
  type Agreement,
  CAMPAIGN_TYPES,
  type Campaign,
  type CampaignType,
  type CatalogField,
  type Client,
  DATA_CATEGORIES,
  type DataCategory,
  DEFAULT_OUTCOME_KINDS,
  LEGAL_BASES,
  type LegalBasis,
  type Outcome,
  type OutcomeKind,
} from '../db';

export type ProblemCode =
  | 'not-json'
  | 'not-an-object'
  | 'not-an-array'
  | 'not-a-string'
  | 'not-a-number'
  | 'not-an-integer'
  | 'missing'
  | 'empty'
  | 'too-long'
  | 'unknown-value'
  | 'wrong-format'
  | 'unsupported-version'
  | 'invalid-id'
  | 'duplicate-id'
  | 'duplicate-name'
  | 'duplicate-label'
  | 'duplicate-kind'
  | 'duplicate-site'
  | 'duplicate-org-number'
  | 'unknown-client'
  | 'invalid-date'
  | 'invalid-org-number'
  | 'out-of-range'
  | 'invalid-site'
  | 'invalid-selector';

/** One problem: where (`campaigns[2].fields[0].legalBasis`, '' for the whole input) and what. */
export interface SetupProblem {
  path: string;
  problem: ProblemCode;
}

/** A client as it appears in the set-up file and the forms (timestamps are the store's business). */
export type ClientData = Omit<Client, 'createdAt' | 'updatedAt'>;
/** A campaign as it appears in the set-up file and the forms. */
export type CampaignData = Omit<Campaign, 'createdAt' | 'updatedAt'>;

export interface ValidationOptions {
  /**
   * A stricter selector check where a DOM is at hand (the options page passes
   * one built on `querySelector`). Without it only the light syntax check of
   * `selectorLooksValid` applies.
   */
  selectorIsValid?: (selector: string) => boolean;
}

/** Longest texts accepted (characters). */
export const MAX_LENGTH = { id: 100, short: 200, long: 2000, selector: 500 } as const;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
export const MAX_SITES = 50;
export const MAX_OUTCOMES = 50;
export const MAX_FIELDS = 200;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** Joins a base path and a property or index: `at('campaigns[2]', 'name')`, `at('fields', 0)`. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Norwegian organisation number: 9 digits, the last a modulus-11 check digit (weights 3 2 7 6 5 4 3 2). */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(value[8]);
}

/** What a person typed for an org number, without spaces, dots and dashes (`912 345 678` → `912345678`). */
export function normaliseOrgNumber(input: string): string {
  return input.replace(/[\s.\u00a0-]/g, '');
}

/** YYYY-MM-DD that is a real calendar date (no 2025-02-30), years 1900–2999. */
export function isValidIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 timestamp such as `Date.toISOString()` writes (a real date and time, with a zone). */
export function isValidIsoDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/.exec(value);
  return m !== null && isValidIsoDate(m[1]!) && Number.isFinite(Date.parse(value));
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A site a campaign is worked on, in canonical form: a lower-case host name
 * (`crm.example.no`, `localhost`), an IPv4 address, or `*.` + a host name for
 * it and every subdomain. No scheme, port or path (the forms normalise what a
 * person types before checking).
 */
export function isValidSite(value: string): boolean {
  if (value.length > 253) return false;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) return value.split('.').every((o) => Number(o) <= 255 && String(Number(o)) === o);
  const host = value.startsWith('*.') ? value.slice(2) : value;
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l))) return false;
  // A wildcard over a bare IP-like or top-level name would match far too much.
  if (value.startsWith('*.') && labels.length < 2) return false;
  // The last label of a domain name is never all digits (that would be a mistyped IP address).
  return !/^\d+$/.test(labels[labels.length - 1]!);
}

/**
 * A light, DOM-free plausibility check for a CSS selector (the set-up file is
 * validated where no DOM exists): no control characters, no `{`, `}` or `;`
 * (a selector, not a style rule), brackets, parentheses and quotes balanced,
 * and it neither starts nor ends with a combinator or a comma. Anything that
 * passes but is not a selector simply finds nothing on the page. The options
 * page additionally checks with the browser's own parser.
 */
export function selectorLooksValid(selector: string): boolean {
  const s = selector.trim();
  if (!s || s.length > MAX_LENGTH.selector) return false;
  if (/[\u0000-\u001f\u007f{};]/.test(s)) return false;
  if (/^[>+~,]/.test(s) || /[>+~,]$/.test(s) || /,\s*,/.test(s)) return false;
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') stack.push(c === '[' ? ']' : ')');
    else if (c === ']' || c === ')') {
      if (stack.pop() !== c) return false;
    }
  }
  return quote === null && stack.length === 0;
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/** Collects problems while reading one input. */
export class Problems {
  readonly list: SetupProblem[] = [];
  add(path: string, problem: ProblemCode): void {
    this.list.push({ path, problem });
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface TextRule {
  required: boolean;
  max: number;
}

/** A string property; trimmed. Returns null (and records why) when it is unusable. */
function text(obj: Record<string, unknown>, key: string, base: string, rule: TextRule, p: Problems): string | null {
  const path = at(base, key);
  const value = obj[key];
  if (value === undefined) {
    if (rule.required) {
      p.add(path, 'missing');
      return null;
    }
    // An optional text may be left out of a hand-written file.
    return '';
  }
  if (typeof value !== 'string') {
    p.add(path, 'not-a-string');
    return null;
  }
  const trimmed = value.trim();
  if (rule.required && !trimmed) {
    p.add(path, 'empty');
    return null;
  }
  if (trimmed.length > rule.max) {
    p.add(path, 'too-long');
    return null;
  }
  return trimmed;
}

function id(obj: Record<string, unknown>, key: string, base: string, p: Problems): string | null {
  const value = text(obj, key, base, { required: true, max: MAX_LENGTH.id }, p);
  if (value === null) return null;
  if (!ID.test(value)) {
    p.add(at(base, key), 'invalid-id');
    return null;
  }
  return value;
}

function oneOf<T extends string>(obj: Record<string, unknown>, key: string, base: string, allowed: readonly T[], p: Problems): T | null {
  const path = at(base, key);
  const value = obj[key];
  if (value === undefined) {
    p.add(path, 'missing');
    return null;
  }
  if (typeof value !== 'string') {
    p.add(path, 'not-a-string');
    return null;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    p.add(path, 'unknown-value');
    return null;
  }
  return value as T;
}

function list(obj: Record<string, unknown>, key: string, base: string, p: Problems): unknown[] | null {
  const value = obj[key];
  if (value === undefined) {
    p.add(at(base, key), 'missing');
    return null;
  }
  if (!Array.isArray(value)) {
    p.add(at(base, key), 'not-an-array');
    return null;
  }
  return value;
}

function record(value: unknown, path: string, p: Problems): Record<string, unknown> | null {
  if (value === undefined) {
    p.add(path, 'missing');
    return null;
  }
  if (!isRecord(value)) {
    p.add(path, 'not-an-object');
    return null;
  }
  return value;
}

/** Case- and space-insensitive key for "the same label". */
export function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

// ---------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------

export const AGREEMENT_DELETION_BY: readonly Agreement['deletionBy'][] = ['client', 'processor'];

export function validateAgreement(value: unknown, base: string, p: Problems): Agreement | null {
  const obj = record(value, base, p);
  if (!obj) return null;
  const reference = text(obj, 'reference', base, { required: true, max: MAX_LENGTH.short }, p);
  let signedDate = text(obj, 'signedDate', base, { required: true, max: 40 }, p);
  if (signedDate !== null && !isValidIsoDate(signedDate)) {
    p.add(at(base, 'signedDate'), 'invalid-date');
    signedDate = null;
  }
  const deletionBy = oneOf(obj, 'deletionBy', base, AGREEMENT_DELETION_BY, p);
  const deletionWhen = text(obj, 'deletionWhen', base, { required: true, max: MAX_LENGTH.short }, p);
  const notes = text(obj, 'notes', base, { required: false, max: MAX_LENGTH.long }, p);
  if (reference === null || signedDate === null || deletionBy === null || deletionWhen === null || notes === null) return null;
  return { reference, signedDate, deletionBy, deletionWhen, notes };
}

/**
 * One client. `base` prefixes every path (`clients[0]` in a file, '' in a form).
 * Returns the clean client, or null when there were problems (recorded in `p`).
 */
export function validateClient(value: unknown, base: string, p: Problems): ClientData | null {
  const before = p.list.length;
  const obj = record(value, base, p);
  if (!obj) return null;
  const clientId = id(obj, 'id', base, p);
  const name = text(obj, 'name', base, { required: true, max: MAX_LENGTH.short }, p);
  let orgNumber = text(obj, 'orgNumber', base, { required: true, max: 40 }, p);
  if (orgNumber !== null && !isValidOrgNumber(orgNumber)) {
    p.add(at(base, 'orgNumber'), 'invalid-org-number');
    orgNumber = null;
  }
  const contact = text(obj, 'contact', base, { required: false, max: MAX_LENGTH.long }, p);
  let agreement: Agreement | null = null;
  if (!('agreement' in obj)) p.add(at(base, 'agreement'), 'missing');
  else if (obj.agreement !== null) agreement = validateAgreement(obj.agreement, at(base, 'agreement'), p);
  if (p.list.length > before || clientId === null || name === null || orgNumber === null || contact === null) return null;
  return { id: clientId, name, orgNumber, contact, agreement };
}

// ---------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------

export const OPT_OUT_SCOPES: readonly Campaign['optOutScope'][] = ['client', 'all'];
const OUTCOME_KINDS: readonly OutcomeKind[] = [...DEFAULT_OUTCOME_KINDS, 'other'];

export function validateOutcomes(value: unknown[], base: string, p: Problems): Outcome[] | null {
  const before = p.list.length;
  if (value.length === 0) p.add(base, 'empty');
  if (value.length > MAX_OUTCOMES) p.add(base, 'too-long');
  const ids = new Set<string>();
  const kinds = new Set<OutcomeKind>();
  const labels = new Set<string>();
  const out: Outcome[] = [];
  value.forEach((item, i) => {
    const path = at(base, i);
    const obj = record(item, path, p);
    if (!obj) return;
    const outcomeId = id(obj, 'id', path, p);
    const kind = oneOf(obj, 'kind', path, OUTCOME_KINDS, p);
    const label = text(obj, 'label', path, { required: kind === 'other', max: MAX_LENGTH.short }, p);
    if (outcomeId !== null) {
      if (ids.has(outcomeId)) p.add(at(path, 'id'), 'duplicate-id');
      ids.add(outcomeId);
    }
    if (kind !== null && kind !== 'other') {
      if (kinds.has(kind)) p.add(at(path, 'kind'), 'duplicate-kind');
      kinds.add(kind);
    }
    if (label) {
      const key = labelKey(label);
      if (labels.has(key)) p.add(at(path, 'label'), 'duplicate-label');
      labels.add(key);
    }
    if (outcomeId !== null && kind !== null && label !== null) out.push({ id: outcomeId, kind, label });
  });
  return p.list.length > before ? null : out;
}

export function validateField(value: unknown, base: string, p: Problems, options: ValidationOptions = {}): CatalogField | null {
  const before = p.list.length;
  const obj = record(value, base, p);
  if (!obj) return null;
  const fieldId = id(obj, 'id', base, p);
  const label = text(obj, 'label', base, { required: true, max: MAX_LENGTH.short }, p);
  let selector = text(obj, 'selector', base, { required: false, max: MAX_LENGTH.selector }, p);
  if (selector) {
    const valid = selectorLooksValid(selector) && (options.selectorIsValid?.(selector) ?? true);
    if (!valid) {
      p.add(at(base, 'selector'), 'invalid-selector');
      selector = null;
    }
  }
  const purpose = text(obj, 'purpose', base, { required: true, max: MAX_LENGTH.long }, p);
  const legalBasis = oneOf<LegalBasis>(obj, 'legalBasis', base, LEGAL_BASES, p);
  const category = oneOf<DataCategory>(obj, 'category', base, DATA_CATEGORIES, p);
  const retention = text(obj, 'retention', base, { required: true, max: MAX_LENGTH.short }, p);
  if (p.list.length > before || fieldId === null || label === null || selector === null || purpose === null || legalBasis === null || category === null || retention === null) {
    return null;
  }
  return { id: fieldId, label, selector, purpose, legalBasis, category, retention };
}

/** A field catalogue: every field valid, ids and labels unique within it. */
export function validateFields(value: unknown[], base: string, p: Problems, options: ValidationOptions = {}): CatalogField[] | null {
  const before = p.list.length;
  if (value.length > MAX_FIELDS) p.add(base, 'too-long');
  const ids = new Set<string>();
  const labels = new Set<string>();
  const out: CatalogField[] = [];
  value.forEach((item, i) => {
    const path = at(base, i);
    const field = validateField(item, path, p, options);
    // Duplicates are checked on what could be read, even when another property of the field is wrong.
    const obj = isRecord(item) ? item : {};
    if (typeof obj.id === 'string' && obj.id.trim()) {
      if (ids.has(obj.id.trim())) p.add(at(path, 'id'), 'duplicate-id');
      ids.add(obj.id.trim());
    }
    if (typeof obj.label === 'string' && obj.label.trim()) {
      const key = labelKey(obj.label);
      if (labels.has(key)) p.add(at(path, 'label'), 'duplicate-label');
      labels.add(key);
    }
    if (field) out.push(field);
  });
  return p.list.length > before ? null : out;
}

export function validateSites(value: unknown[], base: string, p: Problems): string[] | null {
  const before = p.list.length;
  if (value.length > MAX_SITES) p.add(base, 'too-long');
  const seen = new Set<string>();
  value.forEach((item, i) => {
    const path = at(base, i);
    if (typeof item !== 'string') p.add(path, 'not-a-string');
    else if (!isValidSite(item)) p.add(path, 'invalid-site');
    else if (seen.has(item)) p.add(path, 'duplicate-site');
    else seen.add(item);
  });
  return p.list.length > before ? null : [...seen];
}

function retentionDays(obj: Record<string, unknown>, base: string, p: Problems): number | null {
  const path = at(base, 'logRetentionDays');
  const value = obj.logRetentionDays;
  if (value === undefined) p.add(path, 'missing');
  else if (typeof value !== 'number' || !Number.isFinite(value)) p.add(path, 'not-a-number');
  else if (!Number.isInteger(value)) p.add(path, 'not-an-integer');
  else if (value < MIN_RETENTION_DAYS || value > MAX_RETENTION_DAYS) p.add(path, 'out-of-range');
  else return value;
  return null;
}

/**
 * One campaign. `clientIds`, when given, are the clients it may belong to
 * (the file's, or the stored ones); otherwise the client is not checked here.
 */
export function validateCampaign(value: unknown, base: string, p: Problems, clientIds?: ReadonlySet<string>, options: ValidationOptions = {}): CampaignData | null {
  const before = p.list.length;
  const obj = record(value, base, p);
  if (!obj) return null;
  const campaignId = id(obj, 'id', base, p);
  const clientId = text(obj, 'clientId', base, { required: true, max: MAX_LENGTH.id }, p);
  if (clientId !== null && clientIds && !clientIds.has(clientId)) p.add(at(base, 'clientId'), 'unknown-client');
  const name = text(obj, 'name', base, { required: true, max: MAX_LENGTH.short }, p);
  const type = oneOf<CampaignType>(obj, 'type', base, CAMPAIGN_TYPES, p);
  const days = retentionDays(obj, base, p);
  const outcomesIn = list(obj, 'outcomes', base, p);
  const outcomes = outcomesIn && validateOutcomes(outcomesIn, at(base, 'outcomes'), p);
  const sitesIn = list(obj, 'sites', base, p);
  const sites = sitesIn && validateSites(sitesIn, at(base, 'sites'), p);
  const optOutScope = oneOf(obj, 'optOutScope', base, OPT_OUT_SCOPES, p);
  const fieldsIn = list(obj, 'fields', base, p);
  const fields = fieldsIn && validateFields(fieldsIn, at(base, 'fields'), p, options);
  if (
    p.list.length > before ||
    campaignId === null ||
    clientId === null ||
    name === null ||
    type === null ||
    days === null ||
    !outcomes ||
    !sites ||
    optOutScope === null ||
    !fields
  ) {
    return null;
  }
  return { id: campaignId, clientId, name, type, logRetentionDays: days, outcomes, sites, optOutScope, fields };
}

// ---------------------------------------------------------------------------
// Processor (the call centre itself)
// ---------------------------------------------------------------------------

export interface ProcessorData {
  processorName: string;
  processorContact: string;
}

export function validateProcessor(value: unknown, p: Problems): ProcessorData | null {
  const obj = record(value, '', p);
  if (!obj) return null;
  const processorName = text(obj, 'processorName', '', { required: true, max: MAX_LENGTH.short }, p);
  const processorContact = text(obj, 'processorContact', '', { required: true, max: MAX_LENGTH.long }, p);
  if (processorName === null || processorContact === null) return null;
  return { processorName, processorContact };
}
