/**
 * CSV exports of the block list and the audit trail, produced in parts so a
 * 3-million-row register export never builds one giant string: the caller
 * turns each part into a Blob piece and yields to the event loop between
 * parts. Every cell goes through `csvCell` (formula-like cells neutralised),
 * `;`-separated, CRLF, and the first part starts with a UTF-8 BOM.
 */
import type { AuditAction, AuditEvent, BlockEntry, BlockSource, KontaktvernDb, RegisterSnapshot } from '../db';
import { csvCell } from '../register/csv-safe';
import { osloTimestamp } from '../register/oslo-dates';
import { joinChunks, nsnToE164 } from '../register/snapshot';

export const BOM = '\uFEFF';
export type ExportFilter = 'all' | BlockSource;

export interface BlockListCsvLabels {
  /** number, source, scope, reason, added by, since */
  header: readonly [string, string, string, string, string, string];
  source: (source: BlockSource) => string;
  scope: (scope: string | null) => string;
}

export interface AuditCsvLabels {
  /** when, who, what, why, number, source, scope, detail */
  header: readonly [string, string, string, string, string, string, string, string];
  action: (action: AuditAction) => string;
  source: (source: BlockSource) => string;
  scope: (scope: string | null) => string;
}

/** Rows per yielded part (a few hundred KB of text: one short task on a page). */
export const ROWS_PER_PART = 5_000;

export class RegisterChangedError extends Error {
  constructor() {
    super('The register snapshot was replaced while it was being exported; export again.');
  }
}

function line(cells: readonly string[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i === 0 ? '' : ';') + csvCell(cells[i] as string);
  return `${out}\r\n`;
}

function entryRow(e: BlockEntry, labels: BlockListCsvLabels): string {
  return line([e.e164, labels.source(e.source), labels.scope(e.scope), e.reason, e.addedBy, osloTimestamp(e.createdAt)]);
}

async function activeSnapshot(db: KontaktvernDb): Promise<RegisterSnapshot | undefined> {
  const actives = await db.registerSnapshots.where('status').equals('active').toArray();
  let newest: RegisterSnapshot | undefined;
  for (const s of actives) if (!newest || (s.completedAt ?? 0) > (newest.completedAt ?? 0)) newest = s;
  return newest;
}

/**
 * The block list as CSV parts: entries (opt-outs, internal blocks) sorted by
 * number, then the active register snapshot's numbers, one chunk at a time.
 */
export async function* blockListCsv(
  db: KontaktvernDb,
  filter: ExportFilter,
  labels: BlockListCsvLabels,
  rowsPerPart = ROWS_PER_PART,
): AsyncGenerator<string> {
  let part = BOM + line(labels.header);
  let rows = 0;
  if (filter !== 'register') {
    const entries = filter === 'all' ? await db.blocks.orderBy('e164').toArray() : await db.blocks.where('source').equals(filter).sortBy('e164');
    for (const e of entries) {
      if (e.source === 'register' && filter === 'all') continue;
      part += entryRow(e, labels);
      if (++rows % rowsPerPart === 0) {
        yield part;
        part = '';
      }
    }
  }
  if (filter === 'all' || filter === 'register') {
    const snapshot = await activeSnapshot(db);
    if (snapshot) {
      // Every register row has the same source, scope, importer and date: build that tail once.
      // No reason: the source says it, and the import (file, counts) is in the audit trail.
      const tail = `;${csvCell(labels.source('register'))};${csvCell(labels.scope(null))};;${csvCell(snapshot.importedBy)};${csvCell(snapshot.snapshotDate)}\r\n`;
      for (let index = 0; index < snapshot.chunkCount; index++) {
        const chunk = await db.registerChunks.get([snapshot.id, index]);
        const current = await db.registerSnapshots.get(snapshot.id);
        if (!chunk || current?.status !== 'active') throw new RegisterChangedError();
        const numbers = joinChunks([chunk.data]);
        for (let i = 0; i < numbers.length; i++) {
          part += csvCell(nsnToE164(numbers[i] as number)) + tail;
          if (++rows % rowsPerPart === 0) {
            yield part;
            part = '';
          }
        }
      }
    }
  }
  if (part) yield part;
}

/** Rows the block-list export will have (for a progress bar). */
export async function blockListCsvRowCount(db: KontaktvernDb, filter: ExportFilter): Promise<number> {
  let rows = 0;
  if (filter === 'all') rows += await db.blocks.where('source').anyOf('opt-out', 'internal').count();
  else if (filter !== 'register') rows += await db.blocks.where('source').equals(filter).count();
  if (filter === 'all' || filter === 'register') rows += (await activeSnapshot(db))?.accepted ?? 0;
  return rows;
}

function detailText(detail: Record<string, unknown> | undefined): string {
  return detail === undefined ? '' : JSON.stringify(detail);
}

/** The whole audit trail, oldest first, as CSV parts. */
export async function* auditCsv(db: KontaktvernDb, labels: AuditCsvLabels, rowsPerPart = ROWS_PER_PART): AsyncGenerator<string> {
  yield BOM + line(labels.header);
  for (let offset = 0; ; offset += rowsPerPart) {
    const events: AuditEvent[] = await db.audit.orderBy('at').offset(offset).limit(rowsPerPart).toArray();
    if (events.length === 0) return;
    let part = '';
    for (const ev of events) {
      part += line([
        osloTimestamp(ev.at),
        ev.actor,
        labels.action(ev.action),
        ev.reason,
        ev.e164 ?? '',
        ev.source ? labels.source(ev.source) : '',
        ev.scope === undefined ? '' : labels.scope(ev.scope),
        detailText(ev.detail),
      ]);
    }
    yield part;
    if (events.length < rowsPerPart) return;
  }
}

/** `kontaktvern-blocklist-register-2026-11-29.csv` */
export function exportFileName(what: string, today: string): string {
  return `kontaktvern-${what.replace(/[^a-z0-9-]+/gi, '-')}-${today}.csv`;
}
