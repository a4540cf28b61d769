/**
 * Call logs out of the extension: JSON for moving logs between machines
 * (merged with merge.ts), CSV for spreadsheets.
 *
 * CSV is `;`-separated: Norwegian Excel uses `,` as the decimal mark and `;`
 * as the list separator, so a `;` file opens in columns on double-click
 * (a `,` file lands in one column). UTF-8 with BOM so æøå survive; CRLF rows;
 * cells that would start a formula (`=`, `+`, `-`, `@`) get a leading
 * apostrophe (so the E.164 number shows as `'+4741234567`); dates are
 * `dd.mm.yyyy HH:mm` Europe/Oslo; amounts are kroner with a decimal comma.
 */
import type { CallLog, OutcomeKind } from '../db';
import { toCsv } from '../register/csv-safe';
import { pickCallLog } from './call-log-record';
import { kronerCell, osloDateTimeCell } from './csv-cells';

export { filterLogs, type LogFilter } from './filter-logs';

export const LOG_EXPORT_FORMAT = 'kontaktvern-call-logs';
export const LOG_EXPORT_VERSION = 1;
export const BOM = '\uFEFF';

export interface LogExport {
  format: typeof LOG_EXPORT_FORMAT;
  version: typeof LOG_EXPORT_VERSION;
  /** ms since epoch. */
  exportedAt: number;
  /** The agent name of whoever exported. */
  exportedBy: string;
  logs: CallLog[];
}

export interface LogExportMeta {
  exportedAt: number;
  exportedBy: string;
}

/** The export object; write it with `JSON.stringify(x, null, 2)`. Each log carries exactly the CallLog fields. */
export function exportLogsJson(logs: readonly CallLog[], meta: LogExportMeta): LogExport {
  return {
    format: LOG_EXPORT_FORMAT,
    version: LOG_EXPORT_VERSION,
    exportedAt: meta.exportedAt,
    exportedBy: meta.exportedBy,
    logs: logs.map(pickCallLog),
  };
}

export interface LogCsvLabels {
  /** time, agent, client, campaign, number, outcome, amount (kr), note, anonymised (time), id */
  header: readonly [string, string, string, string, string, string, string, string, string, string];
  /** The shown name of an outcome: its label, or the translated name of a built-in kind when the label is empty. */
  outcome: (kind: OutcomeKind, label: string) => string;
}

type Names = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function nameOf(names: Names, id: string): string {
  const name = names instanceof Map ? names.get(id) : (names as Readonly<Record<string, string>>)[id];
  return typeof name === 'string' ? name : id;
}

/** The logs as one CSV text (BOM first), in the order given. Unknown campaign/client ids are written as the id. */
export function exportLogsCsv(logs: readonly CallLog[], labels: LogCsvLabels, campaignNames: Names, clientNames: Names): string {
  const rows: string[][] = [[...labels.header]];
  for (const l of logs) {
    rows.push([
      osloDateTimeCell(l.at),
      l.agent,
      nameOf(clientNames, l.clientId),
      nameOf(campaignNames, l.campaignId),
      l.e164 ?? '',
      labels.outcome(l.outcomeKind, l.outcomeLabel),
      kronerCell(l.amountOre),
      l.note,
      l.anonymisedAt === null ? '' : osloDateTimeCell(l.anonymisedAt),
      l.id,
    ]);
  }
  return BOM + toCsv(rows, { delimiter: ';' });
}
