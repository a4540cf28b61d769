/**
 * Logging a call and correcting it shortly after. A "do not call" outcome
 * also puts the number on the block list as a customer opt-out, in the same
 * transaction as the log: either both are stored or neither.
 */
import { blockNumbers } from '../blocklist/store';
import type { BlockEntry, CallLog, Campaign, KontaktvernDb, Outcome, OutcomeKind } from '../db';
import { newId } from '../db';
import { CallLogError } from './call-log-error';
import { MAX_NOTE_LENGTH, isE164, isValidAmountOre, noteLength } from './rules';

export { callsOfDay, dayTotals } from './day-calls';
export { CallLogError, type CallLogErrorCode } from './call-log-error';

/** How long after logging the agent may still correct a call. */
export const EDIT_WINDOW_MS = 5 * 60_000;

/** Block-list reason used when the caller passes none (the UI should pass its translated text). */
export const DEFAULT_OPT_OUT_REASON = 'Asked not to be called (call outcome)';

export interface LogCallInput {
  /** E.164 (`+4741234567`); normalise with parsePhoneInput first. */
  e164: string;
  campaign: Campaign;
  /** One of `campaign.outcomes[].id`. */
  outcomeId: string;
  /** Øre; only for an outcome of kind 'sale' (null allowed there too). */
  amountOre: number | null;
  /** Trimmed; at most MAX_NOTE_LENGTH characters. Never copied to the block list. */
  note: string;
  agent: string;
  /** Block-list reason when the outcome is 'do-not-call'. Default DEFAULT_OPT_OUT_REASON. */
  optOutReason?: string;
}

export interface CallLogChange {
  /** The stored log (after the change). */
  log: CallLog;
  /** Block-list entries created by a 'do-not-call' outcome (empty when none, or when the number already had that opt-out). */
  blocked: BlockEntry[];
}

export interface CallLogPatch {
  outcomeId?: string;
  /** Omit to keep (cleared automatically when the new outcome is not a sale). */
  amountOre?: number | null;
  note?: string;
}

function findOutcome(campaign: Campaign, outcomeId: string): Outcome {
  const outcome = campaign.outcomes.find((o) => o.id === outcomeId);
  if (!outcome) throw new CallLogError('unknown-outcome', outcomeId);
  return outcome;
}

function checkAmount(kind: OutcomeKind, amountOre: number | null): number | null {
  if (amountOre === null) return null;
  if (kind !== 'sale') throw new CallLogError('amount-not-allowed');
  if (!isValidAmountOre(amountOre)) throw new CallLogError('invalid-amount', String(amountOre));
  return amountOre;
}

function checkNote(note: string): string {
  const trimmed = note.trim();
  if (noteLength(trimmed) > MAX_NOTE_LENGTH) throw new CallLogError('note-too-long');
  return trimmed;
}

function checkAgent(agent: string): string {
  const trimmed = agent.trim();
  if (!trimmed) throw new CallLogError('agent-required');
  return trimmed;
}

function optOutScope(campaign: Campaign): string | null {
  return campaign.optOutScope === 'client' ? campaign.clientId : null;
}

async function blockOptOut(db: KontaktvernDb, e164: string, campaign: Campaign, reason: string | undefined, actor: string, now: number): Promise<BlockEntry[]> {
  const why = reason?.trim() || DEFAULT_OPT_OUT_REASON;
  return blockNumbers(db, [{ e164, source: 'opt-out', scope: optOutScope(campaign), reason: why, actor }], now);
}

/**
 * Validates and stores one call. Throws CallLogError: invalid-number,
 * unknown-outcome, amount-not-allowed, invalid-amount, note-too-long,
 * agent-required. A 'do-not-call' outcome also adds an opt-out block entry
 * (scope: the campaign's client when `optOutScope` is 'client', else every
 * client) with its audit event, in the same transaction.
 */
export async function logCall(db: KontaktvernDb, input: LogCallInput, now: number = Date.now()): Promise<CallLogChange> {
  if (!isE164(input.e164)) throw new CallLogError('invalid-number', input.e164);
  const outcome = findOutcome(input.campaign, input.outcomeId);
  const amountOre = checkAmount(outcome.kind, input.amountOre);
  const note = checkNote(input.note);
  const agent = checkAgent(input.agent);
  const log: CallLog = {
    id: newId(),
    e164: input.e164,
    campaignId: input.campaign.id,
    clientId: input.campaign.clientId,
    agent,
    outcomeId: outcome.id,
    outcomeKind: outcome.kind,
    outcomeLabel: outcome.label,
    amountOre,
    note,
    at: now,
    createdAt: now,
    updatedAt: now,
    anonymisedAt: null,
  };
  return db.transaction('rw', db.callLogs, db.blocks, db.audit, async () => {
    await db.callLogs.add(log);
    const blocked = outcome.kind === 'do-not-call' ? await blockOptOut(db, log.e164 as string, input.campaign, input.optOutReason, agent, now) : [];
    return { log, blocked };
  });
}

/**
 * Corrects a call: only the agent who logged it, only within EDIT_WINDOW_MS
 * of logging, never once anonymised. Changing the outcome to 'do-not-call'
 * blocks the number as logCall does; changing it away from 'do-not-call'
 * leaves the block (unblocking is done on the block-list page, with a reason).
 * Throws CallLogError: not-found, anonymised, not-your-call,
 * edit-window-closed, campaign-not-found (outcome change only),
 * unknown-outcome, amount-not-allowed, invalid-amount, note-too-long,
 * agent-required.
 */
export async function editCall(
  db: KontaktvernDb,
  id: string,
  patch: CallLogPatch,
  agent: string,
  now: number = Date.now(),
  optOutReason?: string,
): Promise<CallLogChange> {
  const who = checkAgent(agent);
  return db.transaction('rw', [db.callLogs, db.campaigns, db.blocks, db.audit], async () => {
    const log = await db.callLogs.get(id);
    if (!log) throw new CallLogError('not-found', id);
    if (log.anonymisedAt !== null || log.e164 === null) throw new CallLogError('anonymised', id);
    if (log.agent !== who) throw new CallLogError('not-your-call', id);
    if (now - log.createdAt > EDIT_WINDOW_MS) throw new CallLogError('edit-window-closed', id);

    let campaign: Campaign | undefined;
    let outcome: Pick<Outcome, 'id' | 'kind' | 'label'> = { id: log.outcomeId, kind: log.outcomeKind, label: log.outcomeLabel };
    if (patch.outcomeId !== undefined && patch.outcomeId !== log.outcomeId) {
      campaign = await db.campaigns.get(log.campaignId);
      if (!campaign) throw new CallLogError('campaign-not-found', log.campaignId);
      outcome = findOutcome(campaign, patch.outcomeId);
    }
    const wantedAmount = patch.amountOre !== undefined ? patch.amountOre : outcome.kind === 'sale' ? log.amountOre : null;
    const updated: CallLog = {
      ...log,
      outcomeId: outcome.id,
      outcomeKind: outcome.kind,
      outcomeLabel: outcome.label,
      amountOre: checkAmount(outcome.kind, wantedAmount),
      note: patch.note !== undefined ? checkNote(patch.note) : log.note,
      updatedAt: now,
    };
    const unchanged =
      updated.outcomeId === log.outcomeId && updated.outcomeLabel === log.outcomeLabel && updated.amountOre === log.amountOre && updated.note === log.note;
    if (unchanged) return { log, blocked: [] };
    await db.callLogs.put(updated);
    const becameOptOut = campaign !== undefined && outcome.kind === 'do-not-call' && log.outcomeKind !== 'do-not-call';
    const blocked = becameOptOut ? await blockOptOut(db, log.e164, campaign as Campaign, optOutReason, who, now) : [];
    return { log: updated, blocked };
  });
}
