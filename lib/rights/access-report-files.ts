/**
 * Machine-readable copies of an access report (portability, Art. 20):
 * JSON with a schema name and version, and a CSV with one row per record
 * (`;`-separated, UTF-8 BOM, formula cells neutralised, Oslo times
 * `dd.mm.yyyy HH:mm`; see lib/call-log/log-export.ts for why).
 */
import type { AuditAction, BlockSource, OutcomeKind } from '../db';
import { kronerCell, osloDateTimeCell } from '../call-log/csv-cells';
import { toCsv } from '../register/csv-safe';
import type { AccessReport } from './access-report';

export const ACCESS_REPORT_SCHEMA = 'kontaktvern-access-report';

/**
 * Pretty JSON (2 spaces, trailing newline) whose first keys are
 * `schema: 'kontaktvern-access-report'` and `schemaVersion`; the rest in the
 * fixed order of AccessReport. The same report always gives the same text.
 */
export function accessReportJson(report: AccessReport): string {
  const ordered = {
    schema: ACCESS_REPORT_SCHEMA,
    schemaVersion: report.schemaVersion,
    e164: report.e164,
    generatedAt: report.generatedAt,
    processor: { name: report.processor.name, contact: report.processor.contact },
    reservationRegister: { listed: report.reservationRegister.listed, snapshotDate: report.reservationRegister.snapshotDate },
    callLogs: report.callLogs,
    blockEntries: report.blockEntries,
    blockHistory: report.blockHistory,
    campaigns: report.campaigns,
    mentions: report.mentions,
    importLines: report.importLines,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export type AccessReportRecordType = 'call-log' | 'block-entry' | 'audit-event' | 'mention' | 'import-line';

export interface AccessReportCsvLabels {
  /** record type, time, number, campaign, client, outcome, amount (kr), note, who (agent / added by / actor), action, source, scope, reason, id */
  header: readonly [string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  recordType: (type: AccessReportRecordType) => string;
  /** The shown name of an outcome: its label, or the translated name of a built-in kind when the label is empty. */
  outcome: (kind: OutcomeKind, label: string) => string;
  action: (action: AuditAction) => string;
  source: (source: BlockSource) => string;
  /** `clientName` is the client's name when known. */
  scope: (scope: string | null, clientName: string | null) => string;
}

/**
 * Call logs, then block entries, audit events, mentions in other calls' notes
 * (time, campaign, client, note, agent; never the other call's number, outcome
 * or amount), then rejected import lines (the line in the note column, id
 * `reportId:line`); each group in report order. BOM first.
 */
export function accessReportCsv(report: AccessReport, labels: AccessReportCsvLabels): string {
  const campaigns = new Map(report.campaigns.map((c) => [c.id, c]));
  const clientName = (id: string | null): string | null => {
    if (id === null) return null;
    for (const c of report.campaigns) if (c.controller?.id === id) return c.controller.name;
    for (const e of report.blockEntries) if (e.scope === id && e.scopeClientName !== null) return e.scopeClientName;
    return null;
  };
  const time = (isoTime: string) => osloDateTimeCell(Date.parse(isoTime));
  const rows: string[][] = [[...labels.header]];
  for (const l of report.callLogs) {
    const campaign = campaigns.get(l.campaignId);
    rows.push([
      labels.recordType('call-log'),
      time(l.at),
      report.e164,
      campaign?.name ?? l.campaignId,
      clientName(l.clientId) ?? l.clientId,
      labels.outcome(l.outcomeKind, l.outcomeLabel),
      kronerCell(l.amountOre),
      l.note,
      l.agent,
      '',
      '',
      '',
      '',
      l.id,
    ]);
  }
  for (const e of report.blockEntries) {
    rows.push([
      labels.recordType('block-entry'),
      time(e.createdAt),
      report.e164,
      '',
      '',
      '',
      '',
      '',
      e.addedBy,
      '',
      labels.source(e.source),
      labels.scope(e.scope, e.scopeClientName),
      e.reason,
      e.id,
    ]);
  }
  for (const ev of report.blockHistory) {
    rows.push([
      labels.recordType('audit-event'),
      time(ev.at),
      report.e164,
      '',
      '',
      '',
      '',
      '',
      ev.actor,
      labels.action(ev.action),
      ev.source === null ? '' : labels.source(ev.source),
      ev.action === 'block' || ev.action === 'unblock' ? labels.scope(ev.scope, clientName(ev.scope)) : '',
      ev.reason,
      ev.id,
    ]);
  }
  for (const m of report.mentions) {
    rows.push([
      labels.recordType('mention'),
      time(m.at),
      report.e164,
      campaigns.get(m.campaignId)?.name ?? m.campaignId,
      clientName(m.clientId) ?? m.clientId,
      '',
      '',
      m.note,
      m.agent,
      '',
      '',
      '',
      '',
      m.id,
    ]);
  }
  for (const l of report.importLines) {
    rows.push([labels.recordType('import-line'), '', report.e164, '', '', '', '', l.text, '', '', '', '', '', `${l.reportId}:${l.line}`]);
  }
  return `\uFEFF${toCsv(rows, { delimiter: ';' })}`;
}
