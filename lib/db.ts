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

/** Append-only audit trail: never updated, never deleted. */
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

export const DB_NAME = 'kontaktvern';

export class KontaktvernDb extends Dexie {
  blocks!: EntityTable<BlockEntry, 'id'>;
  audit!: EntityTable<AuditEvent, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  registerSnapshots!: EntityTable<RegisterSnapshot, 'id'>;
  registerChunks!: Dexie.Table<RegisterChunk, [string, number]>;
  importReports!: EntityTable<ImportReport, 'id'>;

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
