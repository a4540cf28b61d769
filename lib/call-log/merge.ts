/**
 * Merging call logs exported on another machine (a team lead collecting the
 * agents' logs). One transaction; idempotent: merging a file twice adds its
 * records once.
 *
 * Per record, by id:
 * - unknown here → added;
 * - identical here → duplicate, skipped;
 * - different here → conflict, reported with the differing fields, and
 *   resolved so that anonymisation is never undone:
 *   - incoming anonymised, local not → the local record is anonymised as the incoming one was
 *     (number and note removed, its anonymisedAt, the later updatedAt); every other local field
 *     (campaign, client, agent, outcome, amount, times) stays ('took-anonymised');
 *   - local anonymised → local kept; a number or note is never put back ('kept-anonymised');
 *   - otherwise → local kept ('kept-local').
 * Every incoming "do not call" with a number puts the number on the block list
 * (once), whether the record was added or lost a conflict: an agent may have
 * corrected the outcome after the lead merged an earlier copy. An exact
 * duplicate adds nothing (its opt-out came with the first merge and may have
 * been lifted since, on purpose).
 * After adding, the retention rules run in the same transaction (runRetention),
 * so records that are already past their campaign's retention never stay with
 * their number.
 *
 * Limitation: a record this machine never had cannot be recognised as erased
 * (no trace of an erased number is kept, by design). Erasure requests must be
 * carried out on every machine holding logs, and old export files deleted.
 */
import type { AuditEvent, CallLog, KontaktvernDb } from '../db';
import { newId } from '../db';
import { blockNumbers } from '../blocklist/store';
import { DEFAULT_OPT_OUT_REASON, EDIT_WINDOW_MS } from './log-store';
import { type RetentionResult, runRetention } from '../rights/anonymise';
import { CallLogError } from './call-log-error';
import { checkCallLogRecord, differingFields } from './call-log-record';

export { parseLogExport, type ParseLogExportResult } from './parse-log-export';

export interface MergeConflict {
  id: string;
  /** The CallLog fields in which the local and the incoming record differ. */
  fields: (keyof CallLog)[];
  resolution: 'kept-local' | 'kept-anonymised' | 'took-anonymised' | 'took-correction';
}

/** What an agent's correction may change (editCall): the outcome, amount and note, and with them updatedAt. */
const CORRECTABLE = new Set<keyof CallLog>(['outcomeId', 'outcomeKind', 'outcomeLabel', 'amountOre', 'note', 'updatedAt']);

/**
 * Is `theirs` the agent's own later correction of `mine` (made within the edit window,
 * after an earlier merge brought the first version here)? Nothing else may differ.
 */
function isLaterCorrection(mine: CallLog, theirs: CallLog, fields: readonly (keyof CallLog)[]): boolean {
  return (
    mine.anonymisedAt === null &&
    theirs.anonymisedAt === null &&
    theirs.updatedAt > mine.updatedAt &&
    theirs.updatedAt - theirs.createdAt <= EDIT_WINDOW_MS &&
    fields.every((f) => CORRECTABLE.has(f))
  );
}

export interface MergeResult {
  added: number;
  duplicates: number;
  conflicts: MergeConflict[];
  /** Campaign ids of added records that are not set up on this machine (their retention cannot be applied here). */
  unknownCampaigns: string[];
  /**
   * The retention run that followed the merge (same transaction), per campaign, counting only the
   * records this merge wrote (added or anonymised copies taken) that the run anonymised. Local records
   * the run also reached (past retention, not yet reached by the hourly run) are not counted here.
   */
  retention: RetentionResult[];
  /** Opt-outs added to the block list for incoming "do not call" outcomes, also those of conflicts (one global block list). */
  optOuts: number;
}

/**
 * Merges logs (as returned by parseLogExport) into the database. Every record
 * is validated again (times against `now`: not later than seven days after it);
 * an invalid one throws CallLogError('invalid-record', 'logs[3].at') and
 * nothing is merged. Taking anonymised copies writes one 'anonymise'
 * audit event (scope 'merge', count, no number).
 */
export async function mergeLogs(
  db: KontaktvernDb,
  logs: readonly CallLog[],
  now: number = Date.now(),
  actor = 'system',
  optOutReason = DEFAULT_OPT_OUT_REASON,
): Promise<MergeResult> {
  const incoming: CallLog[] = [];
  logs.forEach((value, index) => {
    const check = checkCallLogRecord(value, now);
    if (!check.ok) throw new CallLogError('invalid-record', `logs[${index}]${check.field ? `.${check.field}` : ''}`);
    incoming.push(check.log);
  });
  return db.transaction('rw', [db.callLogs, db.campaigns, db.audit, db.importReports, db.blocks], async () => {
    const stored = await db.callLogs.bulkGet(incoming.map((l) => l.id));
    const local = new Map<string, CallLog>();
    for (const l of stored) if (l) local.set(l.id, l);
    const toWrite = new Map<string, CallLog>();
    const conflicts: MergeConflict[] = [];
    let added = 0;
    let duplicates = 0;
    const duplicateIds = new Set<string>();
    let tookAnonymised = 0;
    for (const log of incoming) {
      const mine = local.get(log.id);
      if (!mine) {
        local.set(log.id, log);
        toWrite.set(log.id, log);
        added++;
        continue;
      }
      const fields = differingFields(mine, log);
      if (fields.length === 0) {
        duplicates++;
        duplicateIds.add(log.id);
        continue;
      }
      const mineAnonymised = mine.anonymisedAt !== null;
      const theirsAnonymised = log.anonymisedAt !== null;
      if (theirsAnonymised && !mineAnonymised) {
        // Only the anonymisation crosses over: the file must not rewrite who sold what, when, for whom.
        const taken: CallLog = { ...mine, e164: null, note: '', anonymisedAt: log.anonymisedAt, updatedAt: Math.max(mine.updatedAt, log.updatedAt) };
        local.set(log.id, taken);
        toWrite.set(log.id, taken);
        tookAnonymised++;
        conflicts.push({ id: log.id, fields, resolution: 'took-anonymised' });
      } else if (isLaterCorrection(mine, log, fields)) {
        // The agent corrected the call after the lead merged it: the correction is what happened
        // (a sale corrected away must not stay in the team's figures).
        local.set(log.id, log);
        toWrite.set(log.id, log);
        conflicts.push({ id: log.id, fields, resolution: 'took-correction' });
      } else {
        conflicts.push({ id: log.id, fields, resolution: mineAnonymised ? 'kept-anonymised' : 'kept-local' });
      }
    }
    if (toWrite.size) await db.callLogs.bulkPut([...toWrite.values()]);
    if (tookAnonymised > 0) {
      const event: AuditEvent = {
        id: newId(),
        at: now,
        actor,
        action: 'anonymise',
        reason: 'Anonymised copies taken from a merged file',
        detail: { scope: 'merge', id: null, count: tookAnonymised },
      };
      await db.audit.add(event);
    }
    const addedCampaigns = new Set<string>();
    for (const log of toWrite.values()) addedCampaigns.add(log.campaignId);
    const known = new Set((await db.campaigns.bulkGet([...addedCampaigns])).flatMap((c) => (c ? [c.id] : [])));
    const unknownCampaigns = [...addedCampaigns].filter((id) => !known.has(id)).sort();
    // Another agent's "do not call" binds everyone: the person goes on this block list too, with the
    // campaign's opt-out scope (all clients when the campaign is not set up here: the safer reading).
    // Every incoming record that is new here counts, whether it was added or lost a conflict (blockNumbers
    // skips numbers that already have the same opt-out). An exact duplicate was merged before: its opt-out
    // was added then. And an opt-out lifted after the call (the person asked to be called again: an
    // 'unblock' in the audit trail, kept also after retention or an erasure) must not be put back by
    // merging an old file again.
    const candidates = incoming.filter((l) => l.outcomeKind === 'do-not-call' && l.e164 !== null && !duplicateIds.has(l.id));
    const lifted = await optOutsLiftedAt(db, candidates.map((l) => l.e164!));
    const doNotCall = candidates.filter((l) => !((lifted.get(l.e164!) ?? -Infinity) > l.at));
    const dncCampaignIds = [...new Set(doNotCall.map((l) => l.campaignId))];
    const campaigns = new Map((await db.campaigns.bulkGet(dncCampaignIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
    const optOutRequests = doNotCall.map((l) => ({
      e164: l.e164!,
      source: 'opt-out' as const,
      scope: campaigns.get(l.campaignId)?.optOutScope === 'client' ? l.clientId : null,
      reason: optOutReason,
      actor: l.agent,
    }));
    const optOuts = optOutRequests.length > 0 ? (await blockNumbers(db, optOutRequests, now)).length : 0;
    const run = await runRetention(db, now);
    const retention = await mergedRetention(db, [...toWrite.values()], run);
    return { added, duplicates, conflicts, unknownCampaigns, retention, optOuts };
  });
}

/** Number → when an opt-out of it was last lifted (removed with a reason), from the audit trail. */
async function optOutsLiftedAt(db: KontaktvernDb, numbers: readonly string[]): Promise<Map<string, number>> {
  const lifted = new Map<string, number>();
  if (numbers.length === 0) return lifted;
  const events = await db.audit.where('e164').anyOf([...new Set(numbers)]).toArray();
  for (const ev of events) {
    if (ev.action !== 'unblock' || ev.source !== 'opt-out' || !ev.e164) continue;
    lifted.set(ev.e164, Math.max(lifted.get(ev.e164) ?? -Infinity, ev.at));
  }
  return lifted;
}

/**
 * The retention run's counts restricted to the records the merge wrote: a written record counts when the
 * run changed it (its number, note, anonymisedAt or updatedAt differ from what the merge wrote).
 */
async function mergedRetention(db: KontaktvernDb, written: readonly CallLog[], run: readonly RetentionResult[]): Promise<RetentionResult[]> {
  const byCampaign = new Map<string, number>();
  const touched = run.some((r) => r.count > 0);
  if (touched && written.length > 0) {
    const after = await db.callLogs.bulkGet(written.map((l) => l.id));
    written.forEach((before, i) => {
      const now = after[i];
      if (!now) return;
      const changed = now.e164 !== before.e164 || now.note !== before.note || now.anonymisedAt !== before.anonymisedAt || now.updatedAt !== before.updatedAt;
      if (changed) byCampaign.set(before.campaignId, (byCampaign.get(before.campaignId) ?? 0) + 1);
    });
  }
  return run.map((r) => ({ campaignId: r.campaignId, count: Math.min(r.count, byCampaign.get(r.campaignId) ?? 0) }));
}
