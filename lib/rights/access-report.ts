/**
 * The answer to "what do you store about me and why?" (GDPR Art. 15) for one
 * phone number, as a plain serialisable object: the data held (call logs,
 * block-list entries and their history, whether the number is in the
 * imported Reservasjonsregisteret copy, notes of other people's calls and
 * rejected register/opt-out import lines that mention the number), and for
 * every campaign involved the controller (client), purposes, legal bases,
 * categories and retention. "Mentions" are matched exactly as erasure
 * (anonymise.ts) matches them, with `mentionsNumber`: what this report shows
 * is what erasure removes.
 * accessReportJson / accessReportCsv (access-report-files.ts) make the
 * machine-readable copies; the UI renders the readable one.
 */
import type { AuditAction, BlockSource, CampaignType, DataCategory, KontaktvernDb, LegalBasis, OutcomeKind, RegisterSnapshot } from '../db';
import { findInRegister } from '../register/register-search';
import { getSetting } from '../settings';
import { mentionsNumber } from './mentions-number';

export { ACCESS_REPORT_SCHEMA, type AccessReportCsvLabels, accessReportCsv, accessReportJson } from './access-report-files';

/** Times in the report are ISO 8601 in UTC (`2026-11-28T13:00:00.000Z`). */
export type IsoTime = string;

/** One logged call with the number. */
export interface AccessReportCallLog {
  id: string;
  at: IsoTime;
  campaignId: string;
  clientId: string;
  outcomeKind: OutcomeKind;
  /** The campaign's own label of the outcome ('' for built-in kinds: show the translated kind). */
  outcomeLabel: string;
  /** Sale amount in øre, or null. */
  amountOre: number | null;
  note: string;
  /** The agent who made the call. */
  agent: string;
}

/**
 * Another call (logged under another number, or anonymised) whose note
 * mentions the number. The other call's number, outcome and amount are not
 * the person's data and are left out; erasure clears the note.
 */
export interface AccessReportMention {
  id: string;
  at: IsoTime;
  campaignId: string;
  clientId: string;
  note: string;
  /** The agent who wrote the note. */
  agent: string;
}

/** A rejected line of an import report (register or opt-out file) that mentions the number; erasure removes it. */
export interface AccessReportImportLine {
  /** The import report's id. */
  reportId: string;
  /** Line number in the imported file. */
  line: number;
  /** The line as it was read. */
  text: string;
}

/** One reason the number is not called. */
export interface AccessReportBlockEntry {
  id: string;
  source: BlockSource;
  /** Client id the block applies to, or null for every client. */
  scope: string | null;
  /** The name of the client in `scope` when known. */
  scopeClientName: string | null;
  reason: string;
  addedBy: string;
  createdAt: IsoTime;
}

/** One audit event about the number (blocking and unblocking). */
export interface AccessReportAuditEvent {
  id: string;
  at: IsoTime;
  action: AuditAction;
  actor: string;
  reason: string;
  source: BlockSource | null;
  scope: string | null;
  /** The block-list entry the event is about. */
  entryId: string | null;
}

/** A catalogued CRM field of a campaign: processed in the client's CRM, not stored by Kontaktvern. */
export interface AccessReportField {
  label: string;
  purpose: string;
  legalBasis: LegalBasis;
  category: DataCategory;
  /** In words, e.g. "24 months after last contact". */
  retention: string;
}

/** The client of a campaign: the controller of the data. */
export interface AccessReportController {
  id: string;
  name: string;
  orgNumber: string;
  contact: string;
  /** Reference of the data processing agreement, or null when none is on record. */
  agreementReference: string | null;
}

/** A campaign in which the number was called. */
export interface AccessReportCampaign {
  id: string;
  name: string;
  type: CampaignType;
  /** Call logs are anonymised after this many days. */
  logRetentionDays: number;
  /** null when the client is no longer set up on this machine. */
  controller: AccessReportController | null;
  fields: AccessReportField[];
}

/** The access report, version 1. Every array is sorted (by time, then id) so the same data gives the same report. */
export interface AccessReport {
  schemaVersion: 1;
  /** The number asked about, E.164. */
  e164: string;
  generatedAt: IsoTime;
  /** The call centre (processor) and whom to contact, from settings. */
  processor: { name: string; contact: string };
  /** The imported copy of Reservasjonsregisteret: is the number in it? snapshotDate null when no register is imported. */
  reservationRegister: { listed: boolean; snapshotDate: string | null };
  /** Calls logged with this number (anonymised calls no longer hold it and are not included). */
  callLogs: AccessReportCallLog[];
  /** Current block-list entries (opt-outs, internal blocks). */
  blockEntries: AccessReportBlockEntry[];
  /** Audit trail of those and earlier entries for this number. */
  blockHistory: AccessReportAuditEvent[];
  /** Campaigns of the call logs and of the mentions, with controller, purposes and retention. */
  campaigns: AccessReportCampaign[];
  /** Notes of other calls that mention the number (sorted by time, then id). */
  mentions: AccessReportMention[];
  /** Rejected import lines that mention the number (by report time, report id, then line). */
  importLines: AccessReportImportLine[];
}

/**
 * True when the report holds no personal data at all (it can still be given, as an empty answer):
 * no call logs, block entries or history, no mention in another call's note or an import line,
 * and not in the register copy. The on-screen and the printable report both use this.
 */
export function accessReportIsEmpty(report: AccessReport): boolean {
  return (
    report.callLogs.length === 0 &&
    report.blockEntries.length === 0 &&
    report.blockHistory.length === 0 &&
    report.mentions.length === 0 &&
    report.importLines.length === 0 &&
    !report.reservationRegister.listed
  );
}

function iso(ms: number): IsoTime {
  return new Date(ms).toISOString();
}

function byTimeThenId<T extends { id: string }>(time: (x: T) => number) {
  return (a: T, b: T) => time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

async function activeSnapshot(db: KontaktvernDb): Promise<RegisterSnapshot | undefined> {
  const actives = await db.registerSnapshots.where('status').equals('active').toArray();
  let newest: RegisterSnapshot | undefined;
  for (const s of actives) if (!newest || (s.completedAt ?? 0) > (newest.completedAt ?? 0)) newest = s;
  return newest;
}

/** Collects everything held about `e164` (E.164). Reads only. */
export async function buildAccessReport(db: KontaktvernDb, e164: string, now: number = Date.now()): Promise<AccessReport> {
  const logs = (await db.callLogs.where('e164').equals(e164).toArray()).sort(byTimeThenId((l) => l.at));
  const entries = (await db.blocks.where('e164').equals(e164).toArray()).sort(byTimeThenId((e) => e.createdAt));
  const events = (await db.audit.where('e164').equals(e164).toArray()).sort(byTimeThenId((e) => e.at));
  // The same selection as erasure's scrub of other notes (anonymise.ts), minus the number's own logs.
  const mentions = (await db.callLogs.filter((l) => l.e164 !== e164 && l.note !== '' && mentionsNumber(l.note, e164)).toArray()).sort(byTimeThenId((l) => l.at));
  const importReports = (await db.importReports.toArray()).sort(byTimeThenId((r) => r.createdAt));
  const importLines = importReports.flatMap((r) =>
    r.rejected
      .filter((x) => mentionsNumber(x.text, e164))
      .map((x) => ({ reportId: r.id, line: x.line, text: x.text }))
      .sort((a, b) => a.line - b.line),
  );

  const campaignIds = [...new Set([...logs, ...mentions].map((l) => l.campaignId))].sort();
  const campaigns = (await db.campaigns.bulkGet(campaignIds)).flatMap((c) => (c ? [c] : []));
  const clientIds = [...new Set([...campaigns.map((c) => c.clientId), ...entries.flatMap((e) => (e.scope === null ? [] : [e.scope]))])].sort();
  const clients = new Map((await db.clients.bulkGet(clientIds)).flatMap((c) => (c ? [[c.id, c] as const] : [])));

  const listedIn = await findInRegister(db, e164);
  const snapshot = listedIn ?? (await activeSnapshot(db));

  return {
    schemaVersion: 1,
    e164,
    generatedAt: iso(now),
    processor: { name: await getSetting(db, 'processorName'), contact: await getSetting(db, 'processorContact') },
    reservationRegister: { listed: listedIn !== null, snapshotDate: snapshot?.snapshotDate ?? null },
    callLogs: logs.map((l) => ({
      id: l.id,
      at: iso(l.at),
      campaignId: l.campaignId,
      clientId: l.clientId,
      outcomeKind: l.outcomeKind,
      outcomeLabel: l.outcomeLabel,
      amountOre: l.amountOre,
      note: l.note,
      agent: l.agent,
    })),
    blockEntries: entries.map((e) => ({
      id: e.id,
      source: e.source,
      scope: e.scope,
      scopeClientName: e.scope === null ? null : (clients.get(e.scope)?.name ?? null),
      reason: e.reason,
      addedBy: e.addedBy,
      createdAt: iso(e.createdAt),
    })),
    blockHistory: events.map((ev) => ({
      id: ev.id,
      at: iso(ev.at),
      action: ev.action,
      actor: ev.actor,
      reason: ev.reason,
      source: ev.source ?? null,
      scope: ev.scope ?? null,
      entryId: ev.entryId ?? null,
    })),
    campaigns: campaigns.map((c) => {
      const client = clients.get(c.clientId);
      return {
        id: c.id,
        name: c.name,
        type: c.type,
        logRetentionDays: c.logRetentionDays,
        controller: client
          ? { id: client.id, name: client.name, orgNumber: client.orgNumber, contact: client.contact, agreementReference: client.agreement?.reference ?? null }
          : null,
        fields: c.fields.map((f) => ({ label: f.label, purpose: f.purpose, legalBasis: f.legalBasis, category: f.category, retention: f.retention })),
      };
    }),
    mentions: mentions.map((l) => ({ id: l.id, at: iso(l.at), campaignId: l.campaignId, clientId: l.clientId, note: l.note, agent: l.agent })),
    importLines,
  };
}
