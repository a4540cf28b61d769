/**
 * A call log as a record crossing a file boundary: its exact fields, full
 * validation of an untrusted value, and field-by-field comparison.
 */
import type { CallLog } from '../db';
import { MAX_NOTE_LENGTH, isE164, isOutcomeKind, isValidAmountOre, noteLength } from './rules';

/** Every field of CallLog, in a fixed order (exports write exactly these; unknown fields are dropped). */
export const CALL_LOG_KEYS = [
  'id',
  'e164',
  'campaignId',
  'clientId',
  'agent',
  'outcomeId',
  'outcomeKind',
  'outcomeLabel',
  'amountOre',
  'note',
  'at',
  'createdAt',
  'updatedAt',
  'anonymisedAt',
] as const satisfies readonly (keyof CallLog)[];

/** Longest id (log, campaign, client, outcome) and longest name/label accepted from a file. */
export const MAX_ID_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;

/** A copy with exactly the CallLog fields. */
export function pickCallLog(log: CallLog): CallLog {
  const out = {} as Record<string, unknown>;
  for (const k of CALL_LOG_KEYS) out[k] = log[k];
  return out as unknown as CallLog;
}

export type RecordCheck = { ok: true; log: CallLog } | { ok: false; field: string };

function isText(v: unknown, max: number, allowEmpty = false): v is string {
  return typeof v === 'string' && v.length <= max && (allowEmpty || v.trim().length > 0);
}

/** Earliest time accepted from a file: 2000-01-01T00:00:00Z. */
export const MIN_RECORD_TIME = Date.UTC(2000, 0, 1);
/**
 * How far past the checking clock a time from a file may lie: clocks and time
 * zones of agents' machines drift, and a record can then dodge retention for at
 * most this long. Anything later (a year ahead, beyond the Date range) is refused.
 */
export const MAX_RECORD_TIME_AHEAD_MS = 7 * 86_400_000;

/** A whole number of ms, not before MIN_RECORD_TIME and not later than now + MAX_RECORD_TIME_AHEAD_MS. */
function isTime(v: unknown, now: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= MIN_RECORD_TIME && v <= now + MAX_RECORD_TIME_AHEAD_MS;
}

/**
 * Validates an untrusted value as a CallLog, field by field; the first bad
 * field is reported. Besides each field's type and limits it checks that an
 * anonymised record holds no number and no note, that a record that is not
 * anonymised has a number, and that only sales carry an amount. Times
 * (at, createdAt, updatedAt, anonymisedAt) must be whole ms from 2000-01-01
 * up to seven days after `now` (a future `at` would escape retention; a huge one
 * breaks dates in reports and exports).
 */
export function checkCallLogRecord(value: unknown, now: number = Date.now()): RecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: '' };
  const r = value as Record<string, unknown>;
  if (!isText(r.id, MAX_ID_LENGTH)) return { ok: false, field: 'id' };
  if (!isText(r.campaignId, MAX_ID_LENGTH)) return { ok: false, field: 'campaignId' };
  if (!isText(r.clientId, MAX_ID_LENGTH)) return { ok: false, field: 'clientId' };
  if (!isText(r.agent, MAX_NAME_LENGTH) || r.agent !== r.agent.trim()) return { ok: false, field: 'agent' };
  if (!isText(r.outcomeId, MAX_ID_LENGTH)) return { ok: false, field: 'outcomeId' };
  if (!isOutcomeKind(r.outcomeKind)) return { ok: false, field: 'outcomeKind' };
  if (!isText(r.outcomeLabel, MAX_NAME_LENGTH, true)) return { ok: false, field: 'outcomeLabel' };
  if (r.amountOre !== null && !(isValidAmountOre(r.amountOre) && r.outcomeKind === 'sale')) return { ok: false, field: 'amountOre' };
  if (!isTime(r.at, now)) return { ok: false, field: 'at' };
  if (!isTime(r.createdAt, now)) return { ok: false, field: 'createdAt' };
  if (!isTime(r.updatedAt, now)) return { ok: false, field: 'updatedAt' };
  if (r.anonymisedAt !== null && !isTime(r.anonymisedAt, now)) return { ok: false, field: 'anonymisedAt' };
  const anonymised = r.anonymisedAt !== null;
  if (anonymised ? r.e164 !== null : !isE164(r.e164)) return { ok: false, field: 'e164' };
  if (typeof r.note !== 'string' || r.note !== r.note.trim() || noteLength(r.note) > MAX_NOTE_LENGTH || (anonymised && r.note !== '')) {
    return { ok: false, field: 'note' };
  }
  return { ok: true, log: pickCallLog(r as unknown as CallLog) };
}

/** The fields in which two logs differ (empty when identical). */
export function differingFields(a: CallLog, b: CallLog): (keyof CallLog)[] {
  return CALL_LOG_KEYS.filter((k) => a[k] !== b[k]);
}
