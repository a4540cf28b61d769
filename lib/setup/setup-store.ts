/**
 * Stores the set-up (clients, campaigns, the processor's own name) for the
 * options page. Every write is validated with the same rules as the set-up
 * file (lib/setup/validate.ts), checked against what is stored (a campaign's
 * client exists, names are unique), and recorded in the audit trail in the
 * same transaction. Nothing that call logs not yet anonymised refer to is
 * ever deleted, nor a client that client-only block-list entries refer to.
 * Anonymised call logs keep their campaign and client ids for reporting only:
 * they do not hold a campaign or client back (reports show the id of one that
 * is gone).
 */
import {
  type AuditEvent,
  type Campaign,
  type CatalogField,
  type Client,
  DEFAULT_OUTCOME_KINDS,
  type DataCategory,
  type KontaktvernDb,
  type LegalBasis,
  type Outcome,
  newId,
} from '../db';
import { getSetting } from '../settings';
import { type SetupDocument, validateSetupDocument } from './setup-document';
import {
  type CampaignData,
  type ClientData,
  type ProcessorData,
  type SetupProblem,
  type ValidationOptions,
  Problems,
  labelKey,
  validateCampaign,
  validateClient,
  validateProcessor,
} from './validate';

export type SaveResult<T> = { ok: true; value: T } | { ok: false; problems: SetupProblem[] };

/** Who made a change and, optionally, the (translated) reason shown in the audit trail. */
export interface ChangeOptions {
  reason?: string;
  now?: number;
}

/** A client as the form sends it: no id yet for a new one. */
export type ClientInput = Omit<ClientData, 'id'> & { id?: string };
/**
 * A catalogue field as the form edits it: legal basis and category start
 * unchosen ('') and must be picked before the field can be saved.
 */
export type FieldDraft = Omit<CatalogField, 'legalBasis' | 'category'> & { legalBasis: LegalBasis | ''; category: DataCategory | '' };

/**
 * A campaign as the form sends it: no id yet for a new one. Its fields may
 * still be drafts; anything not chosen is refused by validation.
 */
export type CampaignInput = Omit<CampaignData, 'id' | 'fields'> & { id?: string; fields: (CatalogField | FieldDraft)[] };

function auditEvent(actor: string, reason: string, now: number, detail: Record<string, unknown>): AuditEvent {
  return { id: newId(), at: now, actor: actor.trim() || '?', action: 'settings', reason, detail };
}

/** The six built-in outcomes (new ids, empty labels: the UI shows their translated names). */
export function defaultOutcomes(): Outcome[] {
  return DEFAULT_OUTCOME_KINDS.map((kind) => ({ id: newId(), kind, label: '' }));
}

/** A new, empty field for the catalogue form: no legal basis or category chosen for the user. */
export function emptyField(): FieldDraft {
  return { id: newId(), label: '', selector: '', purpose: '', legalBasis: '', category: '', retention: '' };
}

/** Call logs of a campaign (or client) that still hold a number or note: anonymised ones no longer hold anything back. */
function liveLogCount(db: KontaktvernDb, key: 'campaignId' | 'clientId', id: string): Promise<number> {
  return db.callLogs
    .where(key)
    .equals(id)
    .filter((l) => l.anonymisedAt === null)
    .count();
}

/** Block-list entries that apply to this client only ("do not call" for this client): they stop applying if the client id goes. */
function clientBlockCount(db: KontaktvernDb, clientId: string): Promise<number> {
  return db.blocks.filter((b) => b.scope === clientId).count();
}

// ---------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------

/**
 * Adds a client (no id) or replaces one (id). Problems use the form's paths
 * (`name`, `agreement.signedDate`); an org number another client has is
 * `duplicate-org-number`.
 */
export async function saveClient(db: KontaktvernDb, input: ClientInput, actor: string, options: ChangeOptions = {}): Promise<SaveResult<Client>> {
  const p = new Problems();
  const data = validateClient({ ...input, id: input.id ?? newId() }, '', p);
  if (!data) return { ok: false, problems: p.list };
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.clients, db.audit, async () => {
    const existing = await db.clients.get(data.id);
    const others = await db.clients.filter((c) => c.id !== data.id && c.orgNumber === data.orgNumber).count();
    if (others > 0) return { ok: false, problems: [{ path: 'orgNumber', problem: 'duplicate-org-number' }] };
    const client: Client = { ...data, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await db.clients.put(client);
    await db.audit.add(auditEvent(actor, options.reason ?? (existing ? 'Client changed' : 'Client added'), now, { setting: 'client', clientId: client.id, name: client.name, agreement: client.agreement !== null }));
    return { ok: true, value: client };
  });
}

/**
 * `in-use`: campaigns or call logs not yet anonymised refer to it (count);
 * `client-blocks`: block-list entries apply to this client only (count).
 */
export type DeleteResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'in-use'; count: number }
  | { ok: false; reason: 'client-blocks'; count: number };

/**
 * Deletes a client, but never one that campaigns, call logs not yet
 * anonymised, or client-only block-list entries still refer to (those
 * opt-outs would silently stop applying).
 */
export async function deleteClient(db: KontaktvernDb, clientId: string, actor: string, options: ChangeOptions = {}): Promise<DeleteResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', [db.clients, db.campaigns, db.callLogs, db.blocks, db.audit], async () => {
    const client = await db.clients.get(clientId);
    if (!client) return { ok: false, reason: 'not-found' } as const;
    const campaigns = await db.campaigns.where('clientId').equals(clientId).count();
    if (campaigns > 0) return { ok: false, reason: 'in-use', count: campaigns } as const;
    const logs = await liveLogCount(db, 'clientId', clientId);
    if (logs > 0) return { ok: false, reason: 'in-use', count: logs } as const;
    const blocks = await clientBlockCount(db, clientId);
    if (blocks > 0) return { ok: false, reason: 'client-blocks', count: blocks } as const;
    await db.clients.delete(clientId);
    await db.audit.add(auditEvent(actor, options.reason ?? 'Client deleted', now, { setting: 'client', clientId, name: client.name, deleted: true }));
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------

/**
 * Adds or replaces a campaign. Its client must exist (`clientId`:
 * `unknown-client`) and its name be unique for that client (`name`:
 * `duplicate-name`). Problems use the form's paths (`fields[1].purpose`).
 */
export async function saveCampaign(
  db: KontaktvernDb,
  input: CampaignInput,
  actor: string,
  options: ChangeOptions & ValidationOptions = {},
): Promise<SaveResult<Campaign>> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.clients, db.campaigns, db.audit, async () => {
    const clientIds = new Set((await db.clients.toCollection().primaryKeys()) as string[]);
    const p = new Problems();
    const data = validateCampaign({ ...input, id: input.id ?? newId() }, '', p, clientIds, options);
    if (!data) return { ok: false, problems: p.list };
    const sameName = await db.campaigns
      .where('clientId')
      .equals(data.clientId)
      .filter((c) => c.id !== data.id && labelKey(c.name) === labelKey(data.name))
      .count();
    if (sameName > 0) return { ok: false, problems: [{ path: 'name', problem: 'duplicate-name' }] };
    const existing = await db.campaigns.get(data.id);
    const campaign: Campaign = { ...data, createdAt: existing?.createdAt ?? now, updatedAt: now };
    await db.campaigns.put(campaign);
    await db.audit.add(
      auditEvent(actor, options.reason ?? (existing ? 'Campaign changed' : 'Campaign added'), now, {
        setting: 'campaign',
        campaignId: campaign.id,
        clientId: campaign.clientId,
        name: campaign.name,
        fields: campaign.fields.length,
      }),
    );
    return { ok: true, value: campaign };
  });
}

/**
 * Deletes a campaign, but never one that call logs not yet anonymised refer
 * to (they need its outcomes and retention). Anonymised logs keep its id for
 * reporting only, so they do not hold it back.
 */
export async function deleteCampaign(db: KontaktvernDb, campaignId: string, actor: string, options: ChangeOptions = {}): Promise<DeleteResult> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.campaigns, db.callLogs, db.settings, db.audit, async () => {
    const campaign = await db.campaigns.get(campaignId);
    if (!campaign) return { ok: false, reason: 'not-found' } as const;
    const logs = await liveLogCount(db, 'campaignId', campaignId);
    if (logs > 0) return { ok: false, reason: 'in-use', count: logs } as const;
    await db.campaigns.delete(campaignId);
    if ((await getSetting(db, 'activeCampaignId')) === campaignId) await db.settings.put({ key: 'activeCampaignId', value: null, updatedAt: now });
    const anonymisedLogs = await db.callLogs.where('campaignId').equals(campaignId).count();
    await db.audit.add(auditEvent(actor, options.reason ?? 'Campaign deleted', now, { setting: 'campaign', campaignId, name: campaign.name, deleted: true, anonymisedLogs }));
    return { ok: true } as const;
  });
}

export type CopyResult = { ok: true; copied: number; skipped: number } | { ok: false; reason: 'not-found' | 'same-campaign' | 'too-many' };

/**
 * Copies one campaign's field catalogue into another: new ids, and fields
 * whose label the target already has are skipped (never overwritten).
 */
export async function copyFields(db: KontaktvernDb, fromCampaignId: string, toCampaignId: string, actor = '', options: ChangeOptions = {}): Promise<CopyResult> {
  if (fromCampaignId === toCampaignId) return { ok: false, reason: 'same-campaign' };
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.campaigns, db.audit, async () => {
    const [from, to] = await Promise.all([db.campaigns.get(fromCampaignId), db.campaigns.get(toCampaignId)]);
    if (!from || !to) return { ok: false, reason: 'not-found' } as const;
    const labels = new Set(to.fields.map((f) => labelKey(f.label)));
    const added: CatalogField[] = [];
    for (const field of from.fields) {
      const key = labelKey(field.label);
      if (labels.has(key)) continue;
      labels.add(key);
      added.push({ ...field, id: newId() });
    }
    const fields = [...to.fields, ...added];
    // The result must still be a valid catalogue (size limits).
    const p = new Problems();
    if (!validateCampaign({ ...to, fields }, '', p)) return { ok: false, reason: 'too-many' } as const;
    if (added.length > 0) {
      await db.campaigns.update(toCampaignId, { fields, updatedAt: now });
      await db.audit.add(
        auditEvent(actor, options.reason ?? 'Fields copied', now, { setting: 'campaign', campaignId: toCampaignId, fromCampaignId, copied: added.length }),
      );
    }
    return { ok: true, copied: added.length, skipped: from.fields.length - added.length } as const;
  });
}

// ---------------------------------------------------------------------------
// The processor (the call centre)
// ---------------------------------------------------------------------------

export async function saveProcessor(db: KontaktvernDb, input: ProcessorData, actor: string, options: ChangeOptions = {}): Promise<SaveResult<ProcessorData>> {
  const p = new Problems();
  const data = validateProcessor(input, p);
  if (!data) return { ok: false, problems: p.list };
  const now = options.now ?? Date.now();
  await db.transaction('rw', db.settings, db.audit, async () => {
    await db.settings.bulkPut([
      { key: 'processorName', value: data.processorName, updatedAt: now },
      { key: 'processorContact', value: data.processorContact, updatedAt: now },
    ]);
    await db.audit.add(auditEvent(actor, options.reason ?? 'Processor details changed', now, { setting: 'processor', processorName: data.processorName }));
  });
  return { ok: true, value: data };
}

// ---------------------------------------------------------------------------
// Importing a set-up file
// ---------------------------------------------------------------------------

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Absent from the file but kept, because call logs not yet anonymised (or kept campaigns) refer to them. */
  kept: number;
}

export interface ImportSummary {
  clients: ImportCounts;
  campaigns: ImportCounts;
  keptClients: { id: string; name: string }[];
  keptCampaigns: { id: string; name: string }[];
  /** The active campaign was removed, so the setting was cleared. */
  activeCampaignCleared: boolean;
}

/**
 * A stored client the file would remove (absent, or present under another
 * id: same org number) while block-list entries apply to it only. Path:
 * `clients[i].id` when the file has it under another id, else `clients`.
 */
export interface ClientBlocksProblem {
  path: string;
  problem: 'client-has-blocks';
  clientId: string;
  name: string;
  count: number;
}

export type ImportProblem = SetupProblem | ClientBlocksProblem;

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: ImportProblem[] };

const emptyCounts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0, removed: 0, kept: 0 });

/** JSON with object keys sorted, so property order does not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Same content, timestamps aside. */
function sameRecord<T extends { createdAt: number; updatedAt: number }>(stored: T, data: Omit<T, 'createdAt' | 'updatedAt'>): boolean {
  const { createdAt: _c, updatedAt: _u, ...rest } = stored;
  return canonical(rest) === canonical(data);
}

/**
 * Replaces the set-up with the document's clients and campaigns, in one
 * transaction (all or nothing). Clients and campaigns the file lacks are
 * removed, except those call logs not yet anonymised still refer to (kept and
 * reported), and a client a kept campaign belongs to. A file that would
 * remove (or re-id) a client that client-only block-list entries refer to is
 * refused: those opt-outs would stop applying. If the active campaign is
 * gone, the setting is cleared. The document is validated again here: a bad
 * one changes nothing.
 */
export async function importSetup(db: KontaktvernDb, doc: SetupDocument, actor: string, options: ChangeOptions & { fileName?: string } = {}): Promise<ImportResult> {
  const checked = validateSetupDocument(doc);
  if (!checked.ok) return checked;
  const { clients, campaigns } = checked.doc;
  const now = options.now ?? Date.now();

  return db.transaction('rw', [db.clients, db.campaigns, db.callLogs, db.blocks, db.settings, db.audit], async () => {
    const summary: ImportSummary = { clients: emptyCounts(), campaigns: emptyCounts(), keptClients: [], keptCampaigns: [], activeCampaignCleared: false };
    const storedClients = new Map((await db.clients.toArray()).map((c) => [c.id, c]));
    const storedCampaigns = new Map((await db.campaigns.toArray()).map((c) => [c.id, c]));
    const fileClientIds = new Set(clients.map((c) => c.id));
    const fileCampaignIds = new Set(campaigns.map((c) => c.id));

    // Campaigns first: a kept campaign keeps its client.
    const finalCampaigns: Campaign[] = [];
    for (const data of campaigns) {
      const existing = storedCampaigns.get(data.id);
      const same = existing !== undefined && sameRecord(existing, data);
      if (!existing) summary.campaigns.added++;
      else if (same) summary.campaigns.unchanged++;
      else summary.campaigns.updated++;
      finalCampaigns.push({ ...data, createdAt: existing?.createdAt ?? now, updatedAt: same ? existing.updatedAt : now });
    }
    const removeCampaigns: string[] = [];
    const keptCampaignClientIds = new Set<string>();
    for (const stored of storedCampaigns.values()) {
      if (fileCampaignIds.has(stored.id)) continue;
      const logs = await liveLogCount(db, 'campaignId', stored.id);
      if (logs > 0) {
        summary.campaigns.kept++;
        summary.keptCampaigns.push({ id: stored.id, name: stored.name });
        keptCampaignClientIds.add(stored.clientId);
      } else {
        summary.campaigns.removed++;
        removeCampaigns.push(stored.id);
      }
    }

    const finalClients: Client[] = [];
    for (const data of clients) {
      const existing = storedClients.get(data.id);
      const same = existing !== undefined && sameRecord(existing, data);
      if (!existing) summary.clients.added++;
      else if (same) summary.clients.unchanged++;
      else summary.clients.updated++;
      finalClients.push({ ...data, createdAt: existing?.createdAt ?? now, updatedAt: same ? existing.updatedAt : now });
    }
    const removeClients: string[] = [];
    const clashes: ImportProblem[] = [];
    for (const stored of storedClients.values()) {
      if (fileClientIds.has(stored.id)) continue;
      const logs = await liveLogCount(db, 'clientId', stored.id);
      if (logs > 0 || keptCampaignClientIds.has(stored.id)) {
        summary.clients.kept++;
        summary.keptClients.push({ id: stored.id, name: stored.name });
        continue;
      }
      // Client-only opt-outs refer to the client id: removing it (or giving it a new one) would make them stop applying.
      const blocks = await clientBlockCount(db, stored.id);
      if (blocks > 0) {
        const reId = clients.findIndex((c) => c.orgNumber === stored.orgNumber);
        clashes.push({ path: reId >= 0 ? `clients[${reId}].id` : 'clients', problem: 'client-has-blocks', clientId: stored.id, name: stored.name, count: blocks });
        continue;
      }
      summary.clients.removed++;
      removeClients.push(stored.id);
    }

    // What is kept must not clash with the file (same org number, same campaign name for a client).
    const keptClientOrgs = new Set(summary.keptClients.map((k) => storedClients.get(k.id)!.orgNumber));
    clients.forEach((c, i) => {
      if (keptClientOrgs.has(c.orgNumber)) clashes.push({ path: `clients[${i}].orgNumber`, problem: 'duplicate-org-number' });
    });
    const keptCampaignNames = new Set(summary.keptCampaigns.map((k) => `${storedCampaigns.get(k.id)!.clientId}\u0000${labelKey(k.name)}`));
    campaigns.forEach((c, i) => {
      if (keptCampaignNames.has(`${c.clientId}\u0000${labelKey(c.name)}`)) clashes.push({ path: `campaigns[${i}].name`, problem: 'duplicate-name' });
    });
    if (clashes.length > 0) return { ok: false, problems: clashes } as const;

    await db.campaigns.bulkDelete(removeCampaigns);
    await db.clients.bulkDelete(removeClients);
    await db.clients.bulkPut(finalClients);
    await db.campaigns.bulkPut(finalCampaigns);

    const active = await getSetting(db, 'activeCampaignId');
    if (active !== null && !(await db.campaigns.get(active))) {
      await db.settings.put({ key: 'activeCampaignId', value: null, updatedAt: now });
      summary.activeCampaignCleared = true;
    }

    await db.audit.add(
      auditEvent(actor, options.reason ?? 'Set-up imported', now, {
        setting: 'setup-import',
        ...(options.fileName ? { fileName: options.fileName } : {}),
        exportedAt: checked.doc.exportedAt,
        clients: { ...summary.clients },
        campaigns: { ...summary.campaigns },
        activeCampaignCleared: summary.activeCampaignCleared,
      }),
    );
    return { ok: true, summary } as const;
  });
}
