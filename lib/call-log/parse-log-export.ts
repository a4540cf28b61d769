/** Reading a call-log export file (see log-export.ts) without trusting it. */
import type { CallLog } from '../db';
import { checkCallLogRecord } from './call-log-record';
import { LOG_EXPORT_FORMAT, LOG_EXPORT_VERSION } from './log-export';

export type ParseLogExportResult =
  | { ok: true; logs: CallLog[]; exportedAt: number | null; exportedBy: string }
  /** The text is not JSON at all. */
  | { ok: false; problem: 'not-json' }
  /** JSON, but not `{ format: 'kontaktvern-call-logs', version, logs: [] }`. */
  | { ok: false; problem: 'not-a-kontaktvern-export' }
  /** Written by a newer Kontaktvern: update before merging. */
  | { ok: false; problem: 'newer-version'; version: number }
  /** `logs[index]` is not a valid call log; `field` is the first bad field ('' when the record is not an object); `path` is `logs[3].amountOre`. */
  | { ok: false; problem: 'invalid-record'; index: number; field: string; path: string };

/**
 * Parses and fully validates an export. Every record is checked (types,
 * limits, E.164, amounts only on sales, anonymised records without number or
 * note); the first invalid record fails the whole file. Fields not in
 * CallLog are dropped.
 */
export function parseLogExport(text: string): ParseLogExportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problem: 'not-a-kontaktvern-export' };
  const d = data as Record<string, unknown>;
  if (d.format !== LOG_EXPORT_FORMAT || typeof d.version !== 'number' || !Number.isInteger(d.version) || d.version < 1) {
    return { ok: false, problem: 'not-a-kontaktvern-export' };
  }
  if (d.version > LOG_EXPORT_VERSION) return { ok: false, problem: 'newer-version', version: d.version };
  if (!Array.isArray(d.logs)) return { ok: false, problem: 'not-a-kontaktvern-export' };
  const logs: CallLog[] = [];
  for (let index = 0; index < d.logs.length; index++) {
    const check = checkCallLogRecord(d.logs[index]);
    if (!check.ok) {
      const path = check.field ? `logs[${index}].${check.field}` : `logs[${index}]`;
      return { ok: false, problem: 'invalid-record', index, field: check.field, path };
    }
    logs.push(check.log);
  }
  const exportedAt = typeof d.exportedAt === 'number' && Number.isFinite(d.exportedAt) ? d.exportedAt : null;
  const exportedBy = typeof d.exportedBy === 'string' ? d.exportedBy : '';
  return { ok: true, logs, exportedAt, exportedBy };
}
