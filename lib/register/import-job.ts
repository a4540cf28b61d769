/**
 * Importing a register delivery (or a customer opt-out list) from a file.
 * Environment-agnostic: a Web Worker of an extension page in production,
 * Vitest with fake-indexeddb in tests. No DOM-page or extension APIs.
 *
 * Register import, step by step:
 * 1. sniff the head (empty / binary files stop here, nothing is written);
 * 2. write a 'building' snapshot row;
 * 3. stream the file in 64 KB pieces: decode, split into records
 *    (`splitRecords`; a record cut at a piece boundary is carried over), take
 *    the chosen column, normalise it with `registerNumber` into a
 *    SnapshotBuilder; rejected lines go to the report (capped);
 * 4. sort + de-duplicate, cut into 1 MB chunks;
 * 5. ONE transaction: the previous active snapshot and its chunks are
 *    deleted, the new chunks written, the new snapshot made 'active', the
 *    report saved and an 'import' audit event added. Either all of it
 *    happens or none of it.
 * Cancel or error before step 5 completes: the building row is marked
 * 'failed' (chunks deleted), the previous snapshot stays in force.
 * The `blocks` table (opt-outs, internal blocks) is never touched.
 */
import { blockNumbers } from '../blocklist/store';
import { OPT_OUT_IMPORT_REASON } from '../fixed-reasons';
import { type AuditEvent, type ImportReport, type KontaktvernDb, type RegisterSnapshot, newId } from '../db';
import { parsePhoneInput } from '../phone/detect';
import { toCsv } from './csv-safe';
import { dayNumber, osloDate } from './freshness';
import { type RegisterEncoding, type RegisterRejection, isBlankRow, registerNumber, sniffFile, splitRecords } from './register-file';
import { SnapshotBuilder, chunkify, joinChunks, nsnToE164 } from './snapshot';

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  /** Non-blank data lines read so far (header excluded). */
  lines: number;
  /** Lines holding a valid number so far (duplicates included). */
  accepted: number;
  rejected: number;
  elapsedMs: number;
}

export interface ImportOptions {
  db: KontaktvernDb;
  file: Blob & { name: string };
  /** The register's own date of this delivery, YYYY-MM-DD (Europe/Oslo); not in the future. */
  snapshotDate: string;
  /** Who imports (audit trail). */
  actor: string;
  /** 0-based column holding the numbers (ignored when delimiter is null). Default: the sniffed phone column. */
  column?: number;
  /** Field delimiter, null for one value per line. Default: sniffed. */
  delimiter?: string | null;
  /** Skip the first non-blank line. Default: sniffed. */
  hasHeader?: boolean;
  /** Default: sniffed (BOM, else UTF-8 when the head is valid UTF-8, else windows-1252). */
  encoding?: RegisterEncoding;
  signal?: AbortSignal;
  /** Called at most every 100 ms (by `now`) and once when reading is done. */
  onProgress?: (p: ImportProgress) => void;
  now?: () => number;
  /**
   * Register imports: asked once the new snapshot is built and before
   * anything replaces the previous one (e.g. to confirm a delivery that is
   * mostly repeats or much smaller than the one in force). false keeps the
   * previous snapshot (outcome 'declined').
   */
  beforeCommit?: (summary: CommitSummary) => boolean | Promise<boolean>;
}

/** What a register import is about to commit, and what it would replace. */
export interface CommitSummary {
  /** The new delivery's snapshot date, YYYY-MM-DD. */
  snapshotDate: string;
  lines: number;
  /** Distinct valid numbers of the new snapshot. */
  accepted: number;
  duplicates: number;
  rejected: number;
  previous: { snapshotDate: string; accepted: number; fileName: string } | null;
}

export type ImportFailure = 'empty' | 'binary' | 'no-valid-numbers' | 'cancelled' | 'declined' | 'failed';

/**
 * What went wrong in a 'failed' import, for the UI to say in its own
 * language (`message` is English, for logs and tests).
 */
export type ImportProblem =
  /** A record longer than 1 MB: not a list of numbers, or a quote that never closes. */
  | { code: 'line-too-long'; line: number }
  /** Anything else: the error's own text. */
  | { code: 'error'; detail: string };

export type ImportOutcome =
  | { ok: true; snapshot: RegisterSnapshot; reportId: string }
  | { ok: false; reason: ImportFailure; message: string; problem?: ImportProblem; reportId?: string };

export interface OptOutImportOptions extends Omit<ImportOptions, 'snapshotDate'> {
  /** Numbers per blockNumbers transaction (default OPT_OUT_BATCH). */
  batchSize?: number;
}

export type OptOutImportOutcome =
  | { ok: true; added: number; already: number; duplicates: number; rejected: number; reportId: string }
  /** `saved`: opt-outs written before a cancel or failure (each batch is complete and audited). */
  | { ok: false; reason: ImportFailure; message: string; problem?: ImportProblem; saved?: number; reportId?: string };

/** At most this many rejected lines are kept in a report (the total is always counted). */
export const MAX_REPORTED_REJECTIONS = 10_000;
/** Rejected line text is cut to this many characters in a report. */
export const MAX_REPORT_TEXT = 200;
/** Reports kept in the database; older ones are pruned when a new one is saved. */
export const KEEP_REPORTS = 50;
export const OPT_OUT_BATCH = 5_000;
export const OPT_OUT_REASON = OPT_OUT_IMPORT_REASON;

const PIECE_BYTES = 64 * 1024;
const MAX_CARRY_CHARS = 1 << 20;
const PROGRESS_INTERVAL_MS = 100;

class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** `beforeCommit` said no. */
class Declined extends Error {
  constructor() {
    super('declined');
  }
}

/** A record too long to be a line of numbers (not a bug, so not logged). */
class LineTooLong extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function problemOf(err: unknown): ImportProblem {
  return err instanceof LineTooLong ? { code: 'line-too-long', line: err.line } : { code: 'error', detail: errorText(err) };
}

// ---------------------------------------------------------------------------
// Reading records

interface ReadSetup {
  encoding: RegisterEncoding;
  delimiter: string | null;
  hasHeader: boolean;
  column: number;
}

type SetupResult = { ok: true; setup: ReadSetup } | { ok: false; reason: 'empty' | 'binary' | 'failed'; message: string };

async function resolveSetup(options: Omit<ImportOptions, 'snapshotDate'>): Promise<SetupResult> {
  const { file } = options;
  if (file.size === 0) return { ok: false, reason: 'empty', message: `${file.name} is empty` };
  const sniff = await sniffFile(file);
  if (sniff.kind === 'empty') return { ok: false, reason: 'empty', message: `${file.name} holds no numbers (only blank lines)` };
  if (sniff.kind === 'binary') {
    const what = sniff.format === 'zip' || sniff.format === 'xls' ? 'a spreadsheet workbook; save it as CSV or text' : 'not a text file';
    return { ok: false, reason: 'binary', message: `${file.name} is ${what}` };
  }
  const delimiter = options.delimiter !== undefined ? options.delimiter : sniff.delimiter;
  if (delimiter !== null && (delimiter.length === 0 || /["\r\n\ufeff]/.test(delimiter))) {
    return { ok: false, reason: 'failed', message: `Unusable delimiter ${JSON.stringify(delimiter)}` };
  }
  const column = delimiter === null ? 0 : (options.column ?? sniff.phoneColumn ?? 0);
  if (!Number.isInteger(column) || column < 0) return { ok: false, reason: 'failed', message: `Invalid column ${column}` };
  return {
    ok: true,
    setup: { encoding: options.encoding ?? sniff.encoding, delimiter, hasHeader: options.hasHeader ?? sniff.hasHeader, column },
  };
}

interface RecordBatch {
  rows: string[][];
  /** Records of `rows` that span several physical lines: those lines, read without quote handling (see splitRecords). */
  spanning: Map<number, string[][]>;
  /** Bytes of the file read so far. */
  bytes: number;
}

/**
 * Records of the file, piece by piece. The last (maybe cut) record of a
 * piece is carried into the next one, so quoted fields, CRLF pairs and
 * multi-byte characters may straddle pieces. Lines are split on LF (a CR
 * before it is dropped), or on CR for CR-only files.
 */
async function* readRecords(file: Blob, setup: ReadSetup): AsyncGenerator<RecordBatch> {
  const decoder = new TextDecoder(setup.encoding);
  let newline: '\n' | '\r' | null = null;
  let carry = '';
  let records = 0;
  let bytes = 0;

  const feed = (text: string, final: boolean): Omit<RecordBatch, 'bytes'> => {
    const aggregate = carry + text;
    if (!newline) {
      const lf = aggregate.indexOf('\n');
      const cr = aggregate.indexOf('\r');
      // Decide LF vs CR-only line ends once a line end is certain (a CR at the very end may precede an LF).
      if (!final && lf < 0 && (cr < 0 || cr === aggregate.length - 1)) {
        carry = aggregate;
        if (carry.length > MAX_CARRY_CHARS) throw new LineTooLong(records + 1, `Line ${records + 1} is longer than 1 MB: this is not a list of numbers`);
        return { rows: [], spanning: new Map() };
      }
      newline = lf < 0 && cr >= 0 ? '\r' : '\n';
    }
    const split = splitRecords(aggregate, setup.delimiter, newline, final);
    carry = aggregate.slice(split.cursor);
    records += split.records.length;
    if (carry.length > MAX_CARRY_CHARS) {
      throw new LineTooLong(records + 1, `Line ${records + 1} is longer than 1 MB or opens a quote (") that never closes`);
    }
    return { rows: split.records, spanning: split.spanning };
  };

  const reader = file.stream().getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let off = 0; off < value.length; off += PIECE_BYTES) {
        const piece = value.subarray(off, off + PIECE_BYTES);
        bytes += piece.length;
        yield { ...feed(decoder.decode(piece, { stream: true }), false), bytes };
      }
    }
    finished = true;
    yield { ...feed(decoder.decode(), true), bytes };
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

function rowText(row: readonly string[], delimiter: string | null): string {
  const text = row.length === 1 ? (row[0] ?? '') : row.join(delimiter ?? '');
  return text.length > MAX_REPORT_TEXT ? `${text.slice(0, MAX_REPORT_TEXT - 1)}…` : text;
}

interface ScanCounts {
  lines: number;
  accepted: number;
  rejected: number;
  rejections: ImportReport['rejected'];
}

/**
 * Reads every data record into `counts` (kept up to date, so a failed or
 * cancelled import still knows how far it got). `visit` gets the chosen cell
 * (undefined when the row is too short) and returns null when it took the
 * value, else a rejection.
 * Blank lines are skipped silently; the first non-blank line is skipped when
 * the file has a header.
 */
async function scan(
  options: Omit<ImportOptions, 'snapshotDate'>,
  setup: ReadSetup,
  counts: ScanCounts,
  visit: (cell: string | undefined) => RegisterRejection | null,
): Promise<void> {
  const now = options.now ?? Date.now;
  const started = now();
  let lastProgress = started;
  let headerPending = setup.hasHeader;
  const { column, delimiter } = setup;
  const report = (bytes: number): void => {
    options.onProgress?.({
      bytes,
      totalBytes: options.file.size,
      lines: counts.lines,
      accepted: counts.accepted,
      rejected: counts.rejected,
      elapsedMs: now() - started,
    });
  };

  /** Counts one data record taken (rejection null) or rejected. */
  const tally = (row: readonly string[], n: number, rejection: RegisterRejection | null): void => {
    counts.lines++;
    if (rejection === null) {
      counts.accepted++;
      return;
    }
    counts.rejected++;
    if (counts.rejections.length < MAX_REPORTED_REJECTIONS) counts.rejections.push({ line: n, text: rowText(row, delimiter), reason: rejection });
  };

  // Line numbers count records (spreadsheet rows), except where a record is read line by line below.
  let line = 0;
  for await (const batch of readRecords(options.file, setup)) {
    if (options.signal?.aborted) throw new Cancelled();
    const { rows, spanning } = batch;
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index] as string[];
      if (isBlankRow(row)) {
        line++;
        continue;
      }
      if (headerPending) {
        line++;
        headerPending = false;
        continue;
      }
      const rejection = visit(row[column]);
      const lines = rejection === null ? undefined : spanning.get(index);
      if (lines) {
        // A multi-line record that holds no number is most likely a stray quote closed lines later: no line may vanish in it.
        for (const physical of lines) {
          line++;
          if (!isBlankRow(physical)) tally(physical, line, visit(physical[column]));
        }
        continue;
      }
      line++;
      tally(row, line, rejection);
    }
    if (options.onProgress) {
      const t = now();
      if (t - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = t;
        report(batch.bytes);
      }
    }
  }
  report(options.file.size);
  if (options.signal?.aborted) throw new Cancelled();
}

function newCounts(): ScanCounts {
  return { lines: 0, accepted: 0, rejected: 0, rejections: [] };
}

// ---------------------------------------------------------------------------
// Register import

function checkSnapshotDate(date: string, now: number): string | null {
  if (dayNumber(date) === null) return `Invalid snapshot date ${JSON.stringify(date)} (expected YYYY-MM-DD)`;
  if (date > osloDate(new Date(now))) return `The snapshot date ${date} is in the future`;
  return null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function newReport(kind: ImportReport['kind'], fileName: string, createdAt: number, counts: ScanCounts): ImportReport {
  return { id: newId(), kind, fileName, createdAt, rejected: counts.rejections, rejectedTotal: counts.rejected };
}

/** Deletes all but the newest KEEP_REPORTS reports (call inside a transaction on importReports, or alone). */
async function pruneReports(db: KontaktvernDb): Promise<void> {
  const old = await db.importReports.orderBy('createdAt').reverse().offset(KEEP_REPORTS).primaryKeys();
  if (old.length > 0) await db.importReports.bulkDelete(old);
}

/** Saves a report outside a commit (failed imports); never throws. */
async function saveReport(db: KontaktvernDb, report: ImportReport): Promise<string | undefined> {
  try {
    await db.transaction('rw', db.importReports, async () => {
      await db.importReports.add(report);
      await pruneReports(db);
    });
    return report.id;
  } catch (err) {
    console.warn('Kontaktvern: could not save the import report', err);
    return undefined;
  }
}

/** Marks a building snapshot failed and deletes any chunk of it; never throws. */
async function abandon(db: KontaktvernDb, id: string, failure: string, at: number, counts: Partial<RegisterSnapshot>): Promise<void> {
  try {
    await db.transaction('rw', db.registerSnapshots, db.registerChunks, async () => {
      await db.registerChunks.where('snapshotId').equals(id).delete();
      await db.registerSnapshots.update(id, { ...counts, status: 'failed', failure, completedAt: at });
    });
  } catch (err) {
    console.warn('Kontaktvern: could not mark the register import as failed', err);
  }
}

/**
 * Imports one full delivery of Reservasjonsregisteret. On success the new
 * snapshot is the only active one; on any failure the previous one stays.
 */
export async function importRegister(options: ImportOptions): Promise<ImportOutcome> {
  const { db, file, signal } = options;
  const now = options.now ?? Date.now;
  const actor = options.actor.trim();
  if (!actor) return { ok: false, reason: 'failed', message: 'Who imports the register must be known (actor)' };
  const dateProblem = checkSnapshotDate(options.snapshotDate, now());
  if (dateProblem) return { ok: false, reason: 'failed', message: dateProblem };
  const resolved = await resolveSetup(options);
  if (!resolved.ok) return resolved;
  const { setup } = resolved;
  if (signal?.aborted) return { ok: false, reason: 'cancelled', message: 'The import was cancelled; the previous register snapshot stays in force' };

  const building: RegisterSnapshot = {
    id: newId(),
    status: 'building',
    snapshotDate: options.snapshotDate,
    fileName: file.name,
    importedBy: actor,
    startedAt: now(),
    completedAt: null,
    lines: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    chunkCount: 0,
  };
  await db.registerSnapshots.add(building);

  const builder = new SnapshotBuilder(Math.min(Math.max(file.size / 10, 1 << 16), 1 << 22));
  const counts = newCounts();
  try {
    await scan(options, setup, counts, (cell) => {
      const r = cell === undefined ? 'empty' : registerNumber(cell);
      if (typeof r === 'number') {
        builder.add(r);
        return null;
      }
      return r;
    });
    const { numbers, duplicates } = builder.finish();
    const report = newReport('register', file.name, now(), counts);

    if (numbers.length === 0) {
      await abandon(db, building.id, 'no-valid-numbers', now(), { lines: counts.lines, rejected: counts.rejected });
      const reportId = counts.rejected > 0 ? await saveReport(db, report) : undefined;
      return {
        ok: false,
        reason: 'no-valid-numbers',
        message: `${file.name} holds no valid Norwegian number (${counts.rejected} lines rejected); the previous register snapshot stays in force`,
        ...(reportId ? { reportId } : {}),
      };
    }

    const chunks = chunkify(numbers);
    if (signal?.aborted) throw new Cancelled();
    if (options.beforeCommit) {
      const actives = await db.registerSnapshots.where('status').equals('active').toArray();
      let previous: RegisterSnapshot | undefined;
      for (const p of actives) if (!previous || (p.completedAt ?? 0) > (previous.completedAt ?? 0)) previous = p;
      const confirmed = await options.beforeCommit({
        snapshotDate: options.snapshotDate,
        lines: counts.lines,
        accepted: numbers.length,
        duplicates,
        rejected: counts.rejected,
        previous: previous ? { snapshotDate: previous.snapshotDate, accepted: previous.accepted, fileName: previous.fileName } : null,
      });
      // Cancel while the question is open also answers it (with no): that is a cancel, not a refusal.
      if (signal?.aborted) throw new Cancelled();
      if (!confirmed) throw new Declined();
    }
    const active = await db.transaction('rw', [db.registerSnapshots, db.registerChunks, db.audit, db.importReports], async () => {
      const current = await db.registerSnapshots.get(building.id);
      if (current?.status !== 'building') throw new Error('The import was marked as interrupted while it ran');
      const previous = await db.registerSnapshots.where('status').equals('active').toArray();
      for (const p of previous) {
        await db.registerChunks.where('snapshotId').equals(p.id).delete();
        await db.registerSnapshots.delete(p.id);
      }
      await db.registerChunks.bulkAdd(chunks.map((data, index) => ({ snapshotId: building.id, index, data })));
      const completedAt = now();
      const snapshot: RegisterSnapshot = {
        ...current,
        status: 'active',
        completedAt,
        lines: counts.lines,
        accepted: numbers.length,
        duplicates,
        rejected: counts.rejected,
        chunkCount: chunks.length,
      };
      await db.registerSnapshots.put(snapshot);
      await db.importReports.add(report);
      await pruneReports(db);
      const event: AuditEvent = {
        id: newId(),
        at: completedAt,
        actor,
        action: 'import',
        reason: `Register snapshot ${snapshot.snapshotDate} (${file.name})`,
        detail: {
          kind: 'register',
          snapshotId: snapshot.id,
          snapshotDate: snapshot.snapshotDate,
          fileName: file.name,
          bytes: file.size,
          lines: snapshot.lines,
          accepted: snapshot.accepted,
          duplicates,
          rejected: snapshot.rejected,
          reportId: report.id,
          replaced: previous.map((p) => ({ id: p.id, snapshotDate: p.snapshotDate, accepted: p.accepted })),
        },
      };
      await db.audit.add(event);
      return snapshot;
    });
    return { ok: true, snapshot: active, reportId: report.id };
  } catch (err) {
    const cancelled = err instanceof Cancelled;
    const declined = err instanceof Declined;
    const failure = cancelled ? 'cancelled' : declined ? 'declined' : errorText(err);
    await abandon(db, building.id, failure, now(), { lines: counts.lines, accepted: counts.accepted, rejected: counts.rejected });
    const reportId = counts.rejected > 0 ? await saveReport(db, newReport('register', file.name, now(), counts)) : undefined;
    const message = cancelled
      ? 'The import was cancelled; the previous register snapshot stays in force'
      : declined
        ? `The import of ${file.name} was not confirmed; the previous register snapshot stays in force`
        : `The import of ${file.name} failed (${failure}); the previous register snapshot stays in force`;
    if (!cancelled && !declined && !(err instanceof LineTooLong)) console.warn('Kontaktvern: register import failed', err);
    const reason = cancelled ? 'cancelled' : declined ? 'declined' : 'failed';
    return { ok: false, reason, message, ...(reason === 'failed' ? { problem: problemOf(err) } : {}), ...(reportId ? { reportId } : {}) };
  }
}

/**
 * After a crash or a closed page: every 'building' snapshot becomes 'failed'
 * (failure 'interrupted') and loses its chunks; chunks of no active snapshot
 * are deleted. Returns the interrupted snapshots so the UI can say "the
 * import of X on DATE was interrupted; the previous snapshot stayed in force".
 * Call only where no import can be running (e.g. before starting one).
 */
export async function recoverInterruptedImports(db: KontaktvernDb, now: number = Date.now()): Promise<RegisterSnapshot[]> {
  return db.transaction('rw', db.registerSnapshots, db.registerChunks, async () => {
    const building = await db.registerSnapshots.where('status').equals('building').toArray();
    const interrupted: RegisterSnapshot[] = [];
    for (const s of building) {
      const failed: RegisterSnapshot = { ...s, status: 'failed', failure: 'interrupted', completedAt: now };
      await db.registerSnapshots.put(failed);
      interrupted.push(failed);
    }
    const active = new Set((await db.registerSnapshots.where('status').equals('active').primaryKeys()).map(String));
    const owners = (await db.registerChunks.orderBy('snapshotId').uniqueKeys()).map(String);
    for (const owner of owners) if (!active.has(owner)) await db.registerChunks.where('snapshotId').equals(owner).delete();
    return interrupted;
  });
}

/**
 * The active snapshot and its numbers (sorted Uint32 national numbers, for
 * `hasNumber`), or null when no register was imported. Throws when the stored
 * snapshot is incomplete: callers must then treat the register as unusable.
 */
export async function loadActiveRegister(db: KontaktvernDb): Promise<{ snapshot: RegisterSnapshot; numbers: Uint32Array } | null> {
  return db.transaction('r', db.registerSnapshots, db.registerChunks, async () => {
    const actives = await db.registerSnapshots.where('status').equals('active').toArray();
    let snapshot: RegisterSnapshot | undefined;
    for (const s of actives) if (!snapshot || (s.completedAt ?? 0) > (snapshot.completedAt ?? 0)) snapshot = s;
    if (!snapshot) return null;
    const chunks = await db.registerChunks.where('snapshotId').equals(snapshot.id).sortBy('index');
    const intact = chunks.length === snapshot.chunkCount && chunks.every((c, i) => c.index === i);
    const numbers = intact ? joinChunks(chunks.map((c) => c.data)) : new Uint32Array(0);
    if (!intact || numbers.length !== snapshot.accepted) {
      throw new Error(`Register snapshot ${snapshot.snapshotDate} (${snapshot.id}) is incomplete in storage`);
    }
    return { snapshot, numbers };
  });
}

// ---------------------------------------------------------------------------
// Customer opt-outs

/**
 * Appends customer opt-outs from a file to the block list (source 'opt-out',
 * every client), one audited entry per new number via `blockNumbers`, in
 * batches of OPT_OUT_BATCH. Foreign numbers written with +/00 are taken too.
 * Numbers repeated in the file count as duplicates; numbers that already have
 * an opt-out entry count as `already`. A summary 'import' audit event is added.
 * Cancelling while batches are written keeps the batches already written
 * (each is a complete, audited opt-out).
 */
export async function importOptOuts(options: OptOutImportOptions): Promise<OptOutImportOutcome> {
  const { db, file, signal } = options;
  const now = options.now ?? Date.now;
  const actor = options.actor.trim();
  if (!actor) return { ok: false, reason: 'failed', message: 'Who imports the opt-outs must be known (actor)' };
  const resolved = await resolveSetup(options);
  if (!resolved.ok) return resolved;
  const { setup } = resolved;

  const unique = new Set<string>();
  let duplicates = 0;
  const counts = newCounts();
  let added = 0;
  let already = 0;
  try {
    await scan(options, setup, counts, (cell) => {
      const r = cell === undefined ? 'empty' : registerNumber(cell);
      let e164: string;
      if (typeof r === 'number') {
        e164 = nsnToE164(r);
      } else if (r === 'foreign' && cell !== undefined) {
        const parsed = parsePhoneInput(cell);
        if (!parsed.ok) return r;
        e164 = parsed.e164;
      } else {
        return r;
      }
      if (unique.has(e164)) duplicates++;
      else unique.add(e164);
      return null;
    });
    const report = newReport('opt-out', file.name, now(), counts);
    if (unique.size === 0) {
      const reportId = counts.rejected > 0 ? await saveReport(db, report) : undefined;
      return {
        ok: false,
        reason: 'no-valid-numbers',
        message: `${file.name} holds no valid phone number (${counts.rejected} lines rejected)`,
        ...(reportId ? { reportId } : {}),
      };
    }

    const numbers = [...unique];
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? OPT_OUT_BATCH));
    for (let i = 0; i < numbers.length; i += batchSize) {
      if (signal?.aborted) throw new Cancelled();
      const batch = numbers.slice(i, i + batchSize);
      const created = await blockNumbers(
        db,
        batch.map((e164) => ({ e164, source: 'opt-out' as const, scope: null, reason: OPT_OUT_REASON, actor })),
        now(),
      );
      added += created.length;
      already += batch.length - created.length;
    }

    await db.transaction('rw', db.importReports, db.audit, async () => {
      await db.importReports.add(report);
      await pruneReports(db);
      await db.audit.add({
        id: newId(),
        at: now(),
        actor,
        action: 'import',
        reason: `Customer opt-outs (${file.name})`,
        source: 'opt-out',
        scope: null,
        detail: { kind: 'opt-out', fileName: file.name, bytes: file.size, lines: counts.lines, added, already, duplicates, rejected: counts.rejected, reportId: report.id },
      });
    });
    return { ok: true, added, already, duplicates, rejected: counts.rejected, reportId: report.id };
  } catch (err) {
    const cancelled = err instanceof Cancelled;
    const reportId = counts.rejected > 0 ? await saveReport(db, newReport('opt-out', file.name, now(), counts)) : undefined;
    const kept = added > 0 ? ` ${added} opt-outs were saved before it stopped.` : ' Nothing was saved.';
    const message = cancelled ? `The opt-out import was cancelled.${kept}` : `The opt-out import of ${file.name} failed (${errorText(err)}).${kept}`;
    if (!cancelled && !(err instanceof LineTooLong)) console.warn('Kontaktvern: opt-out import failed', err);
    return {
      ok: false,
      reason: cancelled ? 'cancelled' : 'failed',
      message,
      ...(cancelled ? {} : { problem: problemOf(err) }),
      saved: added,
      ...(reportId ? { reportId } : {}),
    };
  }
}

// ---------------------------------------------------------------------------
// Reports

export interface ReportCsvLabels {
  line: string;
  text: string;
  reason: string;
  /** Display text per rejection code; codes without one are written as is. */
  reasons?: Partial<Record<string, string>>;
  /** Last row when the report was capped. */
  more: (notListed: number) => string;
}

export const DEFAULT_REPORT_LABELS: ReportCsvLabels = {
  line: 'line',
  text: 'text',
  reason: 'reason',
  more: (n) => `${n} more rejected lines not listed`,
};

/** The report as spreadsheet-safe CSV (`;`, CRLF). Prepend '\uFEFF' when saving it as a file. */
export function reportToCsv(report: ImportReport, labels: ReportCsvLabels = DEFAULT_REPORT_LABELS): string {
  const rows: string[][] = [[labels.line, labels.text, labels.reason]];
  for (const r of report.rejected) rows.push([String(r.line), r.text, labels.reasons?.[r.reason] ?? r.reason]);
  const notListed = report.rejectedTotal - report.rejected.length;
  if (notListed > 0) rows.push(['', labels.more(notListed), '']);
  return toCsv(rows);
}
