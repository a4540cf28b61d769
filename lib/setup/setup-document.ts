/**
 * The set-up file: every client (with its data processing agreement) and every
 * campaign (outcomes, sites, field catalogue) as one versioned JSON document,
 * to move a set-up between machines or keep it under review.
 *
 * ```json
 * { "format": "kontaktvern-setup", "version": 1, "exportedAt": "2026-11-02T09:00:00.000Z",
 *   "clients": [ClientData…], "campaigns": [CampaignData…] }
 * ```
 * Timestamps (createdAt/updatedAt) are not part of the file: they belong to
 * the machine that stores the records. Properties the format does not know
 * are ignored (never stored).
 */
import type { KontaktvernDb } from '../db';
import {
  type CampaignData,
  type ClientData,
  type SetupProblem,
  type ValidationOptions,
  Problems,
  at,
  isRecord,
  isValidIsoDateTime,
  labelKey,
  validateCampaign,
  validateClient,
} from './validate';

export const SETUP_FORMAT = 'kontaktvern-setup';
export const SETUP_VERSION = 1;
/** Larger files are refused before parsing (a real set-up is a few hundred kB at most). */
export const MAX_SETUP_BYTES = 5 * 1024 * 1024;

export interface SetupDocument {
  format: typeof SETUP_FORMAT;
  version: typeof SETUP_VERSION;
  /** When it was exported (ISO 8601). */
  exportedAt: string;
  clients: ClientData[];
  campaigns: CampaignData[];
}

export type ParseResult = { ok: true; doc: SetupDocument } | { ok: false; problems: SetupProblem[] };

function clientData({ id, name, orgNumber, contact, agreement }: ClientData): ClientData {
  return { id, name, orgNumber, contact, agreement: agreement && { ...agreement } };
}

function campaignData(c: CampaignData): CampaignData {
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    type: c.type,
    logRetentionDays: c.logRetentionDays,
    outcomes: c.outcomes.map(({ id, kind, label }) => ({ id, kind, label })),
    sites: [...c.sites],
    optOutScope: c.optOutScope,
    fields: c.fields.map(({ id, label, selector, purpose, legalBasis, category, retention }) => ({ id, label, selector, purpose, legalBasis, category, retention })),
  };
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nb');

/** The stored set-up as a document (clients and campaigns sorted by name). */
export async function exportSetup(db: KontaktvernDb, now: Date = new Date()): Promise<SetupDocument> {
  const [clients, campaigns] = await db.transaction('r', db.clients, db.campaigns, () => Promise.all([db.clients.toArray(), db.campaigns.toArray()]));
  return {
    format: SETUP_FORMAT,
    version: SETUP_VERSION,
    exportedAt: now.toISOString(),
    clients: clients.sort(byName).map(clientData),
    campaigns: campaigns.sort(byName).map(campaignData),
  };
}

/** The document as file text (indented, so it can be read and reviewed). */
export function serialiseSetup(doc: SetupDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `kontaktvern-setup-2026-11-02.json` (date: YYYY-MM-DD). */
export function setupFileName(date: string): string {
  return `kontaktvern-setup-${date}.json`;
}

/**
 * Checks an already-parsed value against format version 1. Every problem is
 * reported (not just the first); a wrong `format` or an unsupported `version`
 * is reported alone, because nothing else in such a file can be interpreted.
 */
export function validateSetupDocument(value: unknown, options: ValidationOptions = {}): ParseResult {
  const p = new Problems();
  if (!isRecord(value)) return { ok: false, problems: [{ path: '', problem: 'not-an-object' }] };
  if (value.format === undefined) return { ok: false, problems: [{ path: 'format', problem: 'missing' }] };
  if (value.format !== SETUP_FORMAT) return { ok: false, problems: [{ path: 'format', problem: 'wrong-format' }] };
  if (value.version === undefined) return { ok: false, problems: [{ path: 'version', problem: 'missing' }] };
  if (value.version !== SETUP_VERSION) return { ok: false, problems: [{ path: 'version', problem: 'unsupported-version' }] };

  if (value.exportedAt === undefined) p.add('exportedAt', 'missing');
  else if (typeof value.exportedAt !== 'string') p.add('exportedAt', 'not-a-string');
  else if (!isValidIsoDateTime(value.exportedAt)) p.add('exportedAt', 'invalid-date');

  const clients: ClientData[] = [];
  const clientIds = new Set<string>();
  if (value.clients === undefined) p.add('clients', 'missing');
  else if (!Array.isArray(value.clients)) p.add('clients', 'not-an-array');
  else {
    const orgNumbers = new Set<string>();
    value.clients.forEach((item, i) => {
      const path = at('clients', i);
      const client = validateClient(item, path, p);
      // Uniqueness is checked on what could be read, so one problem does not hide another.
      const raw = isRecord(item) ? item : {};
      if (typeof raw.id === 'string' && raw.id.trim()) {
        if (clientIds.has(raw.id.trim())) p.add(at(path, 'id'), 'duplicate-id');
        clientIds.add(raw.id.trim());
      }
      if (typeof raw.orgNumber === 'string' && raw.orgNumber.trim()) {
        if (orgNumbers.has(raw.orgNumber.trim())) p.add(at(path, 'orgNumber'), 'duplicate-org-number');
        orgNumbers.add(raw.orgNumber.trim());
      }
      if (client) clients.push(client);
    });
  }

  const campaigns: CampaignData[] = [];
  if (value.campaigns === undefined) p.add('campaigns', 'missing');
  else if (!Array.isArray(value.campaigns)) p.add('campaigns', 'not-an-array');
  else {
    const ids = new Set<string>();
    const names = new Set<string>();
    value.campaigns.forEach((item, i) => {
      const path = at('campaigns', i);
      const campaign = validateCampaign(item, path, p, clientIds, options);
      const raw = isRecord(item) ? item : {};
      if (typeof raw.id === 'string' && raw.id.trim()) {
        if (ids.has(raw.id.trim())) p.add(at(path, 'id'), 'duplicate-id');
        ids.add(raw.id.trim());
      }
      if (typeof raw.name === 'string' && raw.name.trim() && typeof raw.clientId === 'string') {
        // The same key as the store and the form use (case and inner spaces ignored).
        const key = `${raw.clientId.trim()}\u0000${labelKey(raw.name)}`;
        if (names.has(key)) p.add(at(path, 'name'), 'duplicate-name');
        names.add(key);
      }
      if (campaign) campaigns.push(campaign);
    });
  }

  if (!p.ok) return { ok: false, problems: p.list };
  return {
    ok: true,
    doc: { format: SETUP_FORMAT, version: SETUP_VERSION, exportedAt: value.exportedAt as string, clients, campaigns },
  };
}

/** Parses and validates set-up file text (a UTF-8 byte-order mark is allowed). */
export function parseSetupDocument(text: string, options: ValidationOptions = {}): ParseResult {
  if (text.length > MAX_SETUP_BYTES) return { ok: false, problems: [{ path: '', problem: 'too-long' }] };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problems: [{ path: '', problem: 'not-json' }] };
  }
  return validateSetupDocument(value, options);
}
