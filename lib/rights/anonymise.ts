/**
 * Erasure by anonymisation (GDPR Art. 17; domain.md "Access, portability and
 * erasure"). An anonymised call log loses its number and its note for good
 * (`e164 = null`, `note = ''`); no hash or other derivative of the number is
 * kept anywhere. What happened stays for reporting: outcome, amount, agent,
 * campaign, client and time.
 *
 * What stays, by decision, with its free text removed:
 * - Block-list entries: suppressing the number is a legal duty
 *   (markedsføringsloven §12) and only an entry can honour it.
 * - Audit events of blocking and unblocking (actions 'block' / 'unblock'),
 *   which hold the number: the audit trail is the evidence that an opt-out
 *   was honoured (or lifted): Art. 17(3)(b) and (e). No other audit action
 *   holds a number ('import' and 'settings' hold counts and file names;
 *   'anonymise' events never hold one, see below).
 * Both keep what honouring the opt-out needs (domain.md): the number, source,
 * scope, date, and who added it (an agent, not the person). Their reason is
 * free text an agent wrote about the person (`Sa hun var syk`), so an erasure
 * request replaces it with ERASED_REASON: the one change the otherwise
 * append-only audit trail allows. The entry's `updatedAt` moves with it.
 *
 * What else is scrubbed for a number: rejected lines of import reports
 * (`importReports[].rejected[]`) that mention the number are removed (their
 * totals stay), since they are raw text kept only for a download; so is the
 * note of another person's call that mentions it (`mentionsNumber`: the
 * number as written, never digits pieced together from separate figures).
 *
 * Audit: every call of `anonymise` writes exactly one 'anonymise' event, even
 * when it changed nothing (the request was handled, and when). The event for a
 * number never holds the number: no `e164`, and a caller's reason containing
 * its digits is refused. `runRetention` writes one event per campaign only
 * when it anonymised something, so a daily run does not flood the trail.
 */
import type { AuditEvent, CallLog, ImportReport, KontaktvernDb } from '../db';
import { newId } from '../db';
import { ERASED_REASON } from '../fixed-reasons';
import { mentionsNumber } from './mentions-number';
import { E164 } from '../call-log/rules';

export type AnonymiseScope =
  /** Every log of one number (an erasure request). */
  | { kind: 'number'; e164: string }
  /** Every log of one campaign (e.g. before deleting it). */
  | { kind: 'campaign'; campaignId: string }
  /** Every log of one client (agreement ended). */
  | { kind: 'client'; clientId: string }
  /** The logs of a campaign logged before `olderThan` (ms): its retention period has passed. */
  | { kind: 'retention'; campaignId: string; olderThan: number };

export class AnonymiseError extends Error {
  constructor(readonly code: 'actor-required' | 'invalid-number' | 'invalid-scope' | 'reason-contains-number') {
    super(code);
    this.name = 'AnonymiseError';
  }
}

export { ERASED_REASON } from '../fixed-reasons';

/** Reasons written to the audit trail when the caller passes none (never containing a number). */
export const DEFAULT_ANONYMISE_REASONS: Readonly<Record<AnonymiseScope['kind'], string>> = {
  number: 'Erasure request for one number (the number is not recorded here)',
  campaign: 'Call logs of a campaign anonymised',
  client: 'Call logs of a client anonymised',
  retention: 'Retention period of the campaign passed',
};

function checkScope(scope: AnonymiseScope): void {
  switch (scope.kind) {
    case 'number':
      if (!E164.test(scope.e164)) throw new AnonymiseError('invalid-number');
      return;
    case 'campaign':
      if (!scope.campaignId) throw new AnonymiseError('invalid-scope');
      return;
    case 'client':
      if (!scope.clientId) throw new AnonymiseError('invalid-scope');
      return;
    case 'retention':
      if (!scope.campaignId || !Number.isFinite(scope.olderThan)) throw new AnonymiseError('invalid-scope');
      return;
  }
}

/** The call logs of the scope that are not anonymised yet. */
function selection(db: KontaktvernDb, scope: AnonymiseScope) {
  const open = (l: CallLog) => l.anonymisedAt === null || l.e164 !== null || l.note !== '';
  switch (scope.kind) {
    case 'number':
      return db.callLogs.where('e164').equals(scope.e164);
    case 'campaign':
      return db.callLogs.where('campaignId').equals(scope.campaignId).filter(open);
    case 'client':
      return db.callLogs.where('clientId').equals(scope.clientId).filter(open);
    case 'retention': {
      const { olderThan } = scope;
      return db.callLogs
        .where('campaignId')
        .equals(scope.campaignId)
        .filter((l) => open(l) && l.at < olderThan);
    }
  }
}


/** Removes rejected import lines that contain the number. Returns how many were removed. */
async function scrubImportReports(db: KontaktvernDb, e164: string): Promise<number> {
  let removed = 0;
  const changed: ImportReport[] = [];
  await db.importReports.each((report) => {
    const kept = report.rejected.filter((r) => !mentionsNumber(r.text, e164));
    if (kept.length !== report.rejected.length) {
      removed += report.rejected.length - kept.length;
      changed.push({ ...report, rejected: kept });
    }
  });
  if (changed.length) await db.importReports.bulkPut(changed);
  return removed;
}

/**
 * Clears the notes of other people's call logs that mention the number (an agent may have
 * written "call his wife on 412 34 567"). The logs themselves stay. Returns how many changed.
 */
async function scrubOtherNotes(db: KontaktvernDb, e164: string, now: number): Promise<number> {
  return db.callLogs
    .filter((log) => log.note !== '' && mentionsNumber(log.note, e164))
    .modify((log: CallLog) => {
      log.note = '';
      log.updatedAt = now;
    });
}

function scopeId(scope: AnonymiseScope): string | null {
  switch (scope.kind) {
    case 'number':
      return null;
    case 'campaign':
    case 'retention':
      return scope.campaignId;
    case 'client':
      return scope.clientId;
  }
}

/** Replaces the free-text reason of the number's block entries and block/unblock audit events; returns how many changed. */
async function scrubBlockReasons(db: KontaktvernDb, e164: string, now: number): Promise<number> {
  const entries = await db.blocks
    .where('e164')
    .equals(e164)
    .filter((entry) => entry.reason !== ERASED_REASON)
    .modify((entry) => {
      entry.reason = ERASED_REASON;
      entry.updatedAt = now;
    });
  const events = await db.audit
    .where('e164')
    .equals(e164)
    .filter((ev) => (ev.action === 'block' || ev.action === 'unblock') && ev.reason !== ERASED_REASON)
    .modify((ev) => {
      ev.reason = ERASED_REASON;
    });
  return entries + events;
}

/** Anonymises within the caller's transaction (which must cover callLogs, audit, importReports and blocks). */
async function anonymiseNow(db: KontaktvernDb, scope: AnonymiseScope, actor: string, now: number, reason: string, auditWhenNone: boolean): Promise<number> {
  const count = await selection(db, scope).modify((log: CallLog) => {
    log.e164 = null;
    log.note = '';
    log.anonymisedAt = now;
    log.updatedAt = now;
  });
  const importReportLines = scope.kind === 'number' ? await scrubImportReports(db, scope.e164) : 0;
  const otherNotes = scope.kind === 'number' ? await scrubOtherNotes(db, scope.e164, now) : 0;
  const blockReasons = scope.kind === 'number' ? await scrubBlockReasons(db, scope.e164, now) : 0;
  if (count > 0 || importReportLines > 0 || otherNotes > 0 || blockReasons > 0 || auditWhenNone) {
    const detail: Record<string, unknown> = { scope: scope.kind, id: scopeId(scope), count };
    if (otherNotes > 0) detail.otherNotes = otherNotes;
    if (blockReasons > 0) detail.blockReasons = blockReasons;
    if (scope.kind === 'retention') detail.olderThan = scope.olderThan;
    if (importReportLines > 0) detail.importReportLines = importReportLines;
    // Deliberately no e164 and no entryId: the event must not keep the number.
    const event: AuditEvent = { id: newId(), at: now, actor, action: 'anonymise', reason, detail };
    await db.audit.add(event);
  }
  return count;
}

/**
 * Anonymises every not-yet-anonymised call log of the scope and writes one
 * audit event (always, also when nothing matched). Returns the number of logs
 * anonymised. `reason` (e.g. the request's reference) replaces the default
 * description; for a number scope it must not contain the number.
 * Throws AnonymiseError: actor-required, invalid-number, invalid-scope, reason-contains-number.
 */
export async function anonymise(db: KontaktvernDb, scope: AnonymiseScope, actor: string, now: number = Date.now(), reason?: string): Promise<number> {
  checkScope(scope);
  const who = actor.trim();
  if (!who) throw new AnonymiseError('actor-required');
  const why = reason?.trim() || DEFAULT_ANONYMISE_REASONS[scope.kind];
  if (scope.kind === 'number' && mentionsNumber(why, scope.e164)) throw new AnonymiseError('reason-contains-number');
  return db.transaction('rw', [db.callLogs, db.audit, db.importReports, db.blocks], () => anonymiseNow(db, scope, who, now, why, true));
}

/** How many call logs `anonymise` would change now (nothing is changed). */
export async function previewAnonymise(db: KontaktvernDb, scope: AnonymiseScope): Promise<number> {
  checkScope(scope);
  return selection(db, scope).count();
}

export interface RetentionResult {
  campaignId: string;
  /** Logs anonymised in this run (0 when none were due). */
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * Anonymises, for every campaign, the logs older than its `logRetentionDays`
 * (`at < now - days × 24 h`) that are not anonymised yet. Idempotent: a second
 * run at the same `now` changes nothing and writes nothing. One audit event
 * per campaign with count > 0. Campaigns without a positive retention are
 * skipped (count 0). Logs whose campaign was deleted are not reached: anonymise
 * a campaign's logs (scope 'campaign') before deleting it.
 */
export async function runRetention(db: KontaktvernDb, now: number = Date.now(), actor = 'system', reason = DEFAULT_ANONYMISE_REASONS.retention): Promise<RetentionResult[]> {
  return db.transaction('rw', [db.campaigns, db.callLogs, db.audit, db.importReports], async () => {
    const campaigns = await db.campaigns.toArray(); // primary-key (id) order
    const results: RetentionResult[] = [];
    for (const c of campaigns) {
      const days = c.logRetentionDays;
      if (!Number.isFinite(days) || days <= 0) {
        results.push({ campaignId: c.id, count: 0 });
        continue;
      }
      const scope: AnonymiseScope = { kind: 'retention', campaignId: c.id, olderThan: now - days * DAY_MS };
      const count = await anonymiseNow(db, scope, actor, now, reason, false);
      results.push({ campaignId: c.id, count });
    }
    return results;
  });
}
