/**
 * Merging several call-log export files at once (the team lead's popup).
 * Every file is read and fully validated first; when any file is not a
 * usable Kontaktvern export, nothing at all is merged and each bad file is
 * reported. Otherwise all files are merged in one transaction, in the order
 * given (a record in two files counts as a duplicate the second time), with
 * one result per file.
 */
import type { KontaktvernDb } from '../db';
import { type MergeResult, mergeLogs, parseLogExport } from '../call-log/merge';
import type { ParseLogExportResult } from '../call-log/parse-log-export';

export interface MergeFileInput {
  name: string;
  /** Reads the file's text (File.text()); a rejection is reported as 'unreadable'. */
  text: () => Promise<string>;
}

export type FileProblem = Exclude<ParseLogExportResult, { ok: true }> | { ok: false; problem: 'unreadable' };

export type MergeFilesOutcome =
  | { ok: true; files: { name: string; result: MergeResult }[] }
  /** Nothing was merged: these files are not usable (the usable ones are not listed). */
  | { ok: false; problems: { name: string; problem: FileProblem }[] };

export async function mergeFiles(db: KontaktvernDb, files: readonly MergeFileInput[], now: number, actor: string, optOutReason?: string): Promise<MergeFilesOutcome> {
  const parsed: { name: string; logs: Extract<ParseLogExportResult, { ok: true }>['logs'] }[] = [];
  const problems: { name: string; problem: FileProblem }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await file.text();
    } catch {
      problems.push({ name: file.name, problem: { ok: false, problem: 'unreadable' } });
      continue;
    }
    const result = parseLogExport(text);
    if (result.ok) parsed.push({ name: file.name, logs: result.logs });
    else problems.push({ name: file.name, problem: result });
  }
  if (problems.length > 0) return { ok: false, problems };
  const results = await db.transaction('rw', [db.callLogs, db.campaigns, db.audit, db.importReports, db.blocks], async () => {
    const out: { name: string; result: MergeResult }[] = [];
    for (const file of parsed) out.push({ name: file.name, result: await mergeLogs(db, file.logs, now, actor, optOutReason) });
    return out;
  });
  return { ok: true, files: results };
}
