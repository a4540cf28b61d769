import Dexie, { type EntityTable } from 'dexie';

/** Where a block-list entry came from. */
export type BlockSource = 'register' | 'opt-out' | 'internal';

/** One reason a number must not be called. Several entries may exist per number. */
export interface BlockEntry {
  /** Random UUID, stable across sync. */
  id: string;
  /** E.164, e.g. +4741234567. */
  e164: string;
  source: BlockSource;
  /** Client id the block applies to, or null for every client. */
  scope: string | null;
  reason: string;
  addedBy: string;
  createdAt: number;
  updatedAt: number;
}

export type AuditAction = 'block' | 'unblock' | 'import' | 'anonymise' | 'settings';

/** Append-only audit trail: never deleted, never updated, except that an erasure request replaces the reason of the person's block/unblock events (lib/rights/anonymise.ts). */
export interface AuditEvent {
  id: string;
  at: number;
  actor: string;
  action: AuditAction;
  reason: string;
  e164?: string;
  entryId?: string;
  source?: BlockSource;
  scope?: string | null;
  /** Free-form structured detail (counts, file names). */
  detail?: Record<string, unknown>;
}

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** One delivery of Reservasjonsregisteret. Only the 'active' snapshot is ever used for lookups. */
export interface RegisterSnapshot {
  id: string;
  /** 'building' while an import writes it; 'active' once committed (exactly one); older ones 'superseded' then deleted; 'failed' if abandoned. */
  status: 'building' | 'active' | 'superseded' | 'failed';
  /** The register's own date for this delivery, YYYY-MM-DD (Europe/Oslo). */
  snapshotDate: string;
  fileName: string;
  importedBy: string;
  startedAt: number;
  completedAt: number | null;
  lines: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Number of rows in registerChunks. */
  chunkCount: number;
  /** Why a 'failed' import stopped (cancelled, error text, interrupted). */
  failure?: string;
}

/** A slice of a snapshot's sorted, de-duplicated Norwegian subscriber numbers (8-digit NSN as Uint32, little-endian). */
export interface RegisterChunk {
  snapshotId: string;
  index: number;
  data: ArrayBuffer;
}

/** Rejected lines of one import (capped), for the downloadable report. */
export interface ImportReport {
  id: string;
  kind: 'register' | 'opt-out';
  fileName: string;
  createdAt: number;
  rejected: { line: number; text: string; reason: string }[];
  rejectedTotal: number;
}

/** Campaign type: decides which calling rules apply (calling hours apply to consumer telemarketing and charity). */
export type CampaignType = 'consumer-telemarketing' | 'b2b' | 'charity' | 'market-research';
export const CAMPAIGN_TYPES: readonly CampaignType[] = ['consumer-telemarketing', 'b2b', 'charity', 'market-research'];

/** GDPR Art. 6(1) legal bases. */
export type LegalBasis = 'consent' | 'contract' | 'legal-obligation' | 'vital-interest' | 'public-task' | 'legitimate-interest';
export const LEGAL_BASES: readonly LegalBasis[] = ['consent', 'contract', 'legal-obligation', 'vital-interest', 'public-task', 'legitimate-interest'];

/** Data categories a catalogued field may belong to (special categories, Art. 9, are never catalogued). */
export type DataCategory = 'identity' | 'contact' | 'financial' | 'customer-relationship' | 'preferences' | 'other';
export const DATA_CATEGORIES: readonly DataCategory[] = ['identity', 'contact', 'financial', 'customer-relationship', 'preferences', 'other'];

/** The built-in outcome kinds; 'other' is a campaign's own outcome with its own label. */
export type OutcomeKind = 'sale' | 'not-interested' | 'no-answer' | 'call-back' | 'do-not-call' | 'wrong-number' | 'other';
export const DEFAULT_OUTCOME_KINDS: readonly Exclude<OutcomeKind, 'other'>[] = ['sale', 'not-interested', 'no-answer', 'call-back', 'do-not-call', 'wrong-number'];

/** One outcome agents can choose in a campaign. Built-in kinds have an empty label (the UI shows the translated name). */
export interface Outcome {
  id: string;
  kind: OutcomeKind;
  /** Required for kind 'other'; optional override otherwise. */
  label: string;
}

/** The data processing agreement (databehandleravtale) between the call centre and a client. */
export interface Agreement {
  reference: string;
  /** YYYY-MM-DD. */
  signedDate: string;
  /** Who deletes the data when the agreement ends. */
  deletionBy: 'client' | 'processor';
  /** When data is deleted, in words (e.g. "30 days after the agreement ends"). */
  deletionWhen: string;
  notes: string;
}

/** A client (oppdragsgiver): the controller of its customers' data. */
export interface Client {
  id: string;
  name: string;
  /** Norwegian organisation number, 9 digits. */
  orgNumber: string;
  /** Contact person / e-mail / phone for data protection questions. */
  contact: string;
  /** null: no agreement on record (shown as a warning wherever the client is used). */
  agreement: Agreement | null;
  createdAt: number;
  updatedAt: number;
}

/** One CRM field in a campaign's catalogue: why it is stored (data minimisation). */
export interface CatalogField {
  id: string;
  /** The label as the CRM shows it, e.g. "Bankinnskudd". */
  label: string;
  /** Optional CSS selector that finds the field on the CRM page ('' for none). */
  selector: string;
  purpose: string;
  legalBasis: LegalBasis;
  category: DataCategory;
  /** How long the field is kept, in words (e.g. "24 months after last contact"). */
  retention: string;
}

/** A campaign (customer list) of one client. */
export interface Campaign {
  id: string;
  clientId: string;
  name: string;
  type: CampaignType;
  /** Call logs older than this are anonymised automatically. */
  logRetentionDays: number;
  outcomes: Outcome[];
  /** CRM sites the campaign is worked on: host names, optionally with a leading "*." wildcard. */
  sites: string[];
  /** Scope of the opt-out a "do not call" outcome adds: this client only, or every client. */
  optOutScope: 'client' | 'all';
  fields: CatalogField[];
  createdAt: number;
  updatedAt: number;
}

/** One logged call. After anonymisation e164 and note are gone for good (no hash is kept). */
export interface CallLog {
  id: string;
  /** E.164, or null once anonymised. */
  e164: string | null;
  campaignId: string;
  clientId: string;
  agent: string;
  /** Outcome id within the campaign, its kind and its label at logging time. */
  outcomeId: string;
  outcomeKind: OutcomeKind;
  outcomeLabel: string;
  /** Sale amount in øre (integer), or null. */
  amountOre: number | null;
  /** Short free-text note ('' when anonymised). */
  note: string;
  /** When the call was logged (ms). */
  at: number;
  createdAt: number;
  updatedAt: number;
  /** When the record was anonymised, or null. */
  anonymisedAt: number | null;
}

export const DB_NAME = 'kontaktvern';

export class KontaktvernDb extends Dexie {
  blocks!: EntityTable<BlockEntry, 'id'>;
  audit!: EntityTable<AuditEvent, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  registerSnapshots!: EntityTable<RegisterSnapshot, 'id'>;
  registerChunks!: Dexie.Table<RegisterChunk, [string, number]>;
  importReports!: EntityTable<ImportReport, 'id'>;
  clients!: EntityTable<Client, 'id'>;
  campaigns!: EntityTable<Campaign, 'id'>;
  callLogs!: EntityTable<CallLog, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: block list, its audit trail, key/value settings.
    this.version(1).stores({
      blocks: 'id, e164, source, createdAt',
      audit: 'id, at, e164, action',
      settings: 'key',
    });
    // Version 2: the national register as compact snapshots (Issue 4).
    this.version(2).stores({
      registerSnapshots: 'id, status, startedAt',
      registerChunks: '[snapshotId+index], snapshotId',
      importReports: 'id, createdAt',
    });
    // Version 3: clients, campaigns with their field catalogues, call logs (Issues 5 and 6).
    this.version(3).stores({
      clients: 'id, name',
      campaigns: 'id, clientId, name',
      callLogs: 'id, e164, campaignId, clientId, agent, at',
    });
  }
}

let instance: KontaktvernDb | undefined;

/** The extension-origin database (background and extension pages only; never the page). */
export function getDb(): KontaktvernDb {
  instance ??= new KontaktvernDb();
  return instance;
}

export function newId(): string {
  return crypto.randomUUID();
}
