/**
 * Messages between the block-list page and its import worker
 * (register-import.worker.ts). One import per worker; the worker holds the
 * Web Lock IMPORT_LOCK while it runs, so recovery of interrupted imports
 * (which must not run during an import) takes the same lock.
 */
import type { CommitSummary, ImportOutcome, ImportProgress, OptOutImportOutcome } from '@/lib/register/import-job';
import type { ReplaceWarning } from '@/lib/register/replace-check';
import type { RegisterEncoding } from '@/lib/register/register-file';
import type { RegisterSnapshot } from '@/lib/db';

export const IMPORT_LOCK = 'kontaktvern-register-import';

export type ImportKind = 'register' | 'opt-out';

export interface StartImport {
  type: 'start';
  kind: ImportKind;
  file: File;
  actor: string;
  /** Register imports only: YYYY-MM-DD. */
  snapshotDate: string;
  column: number;
  delimiter: string | null;
  hasHeader: boolean;
  encoding: RegisterEncoding;
}

export interface CancelImport {
  type: 'cancel';
}

/** The page's answer to a 'confirm' question. */
export interface ConfirmReply {
  type: 'confirm-reply';
  replace: boolean;
}

export type ToWorker = StartImport | CancelImport | ConfirmReply;

export type FromWorker =
  | { type: 'started'; interrupted: RegisterSnapshot[] }
  | { type: 'progress'; progress: ImportProgress }
  /** The new snapshot is built but looks wrong: replace the one in force anyway? (answer with ConfirmReply) */
  | { type: 'confirm'; summary: CommitSummary; warnings: ReplaceWarning[] }
  /** Another import (this or another tab) holds the lock. */
  | { type: 'busy' }
  | { type: 'done'; kind: 'register'; outcome: ImportOutcome; elapsedMs: number }
  | { type: 'done'; kind: 'opt-out'; outcome: OptOutImportOutcome; elapsedMs: number }
  | { type: 'crashed'; message: string };
