import { formatSnapshotDate } from '@/components/RegisterFreshness';
import type { RegisterSnapshot } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import type { ImportProblem, ImportProgress } from '@/lib/register/import-job';
import type { ImportResult } from './import-client';
import { ImportReportView } from './ImportReportView';
import { formatCount } from './format-count';

/** "The previous register snapshot (28.11.2026) stays in force." */
export function previousInForce(active: RegisterSnapshot | undefined): string {
  return active ? t('previousStaysInForce', formatSnapshotDate(active.snapshotDate)) : t('noSnapshotInForce');
}

/** Why an import failed, in the UI language; `fallback` (the job's English message) only when the job gave no problem. */
export function failureText(fileName: string, problem: ImportProblem | undefined, fallback: string): string {
  if (problem?.code === 'line-too-long') return t('importLineTooLong', [fileName, String(problem.line)]);
  return t('importFailed', [fileName, problem?.detail ?? fallback]);
}

/** How an import ended: counts and report on success, a clear message (and what stays in force) otherwise. */
export function ImportResultView({
  id,
  fileName,
  result,
  progress,
  active,
}: {
  id: string;
  fileName: string;
  result: ImportResult;
  progress: ImportProgress | null;
  active: RegisterSnapshot | undefined;
}) {
  const locale = uiLocale();
  const n = (x: number) => formatCount(x, locale);
  if (result.type === 'busy') {
    return (
      <p class="notice warn" role="alert" data-testid={`${id}-result`} data-outcome="busy">
        {t('importBusy')}
      </p>
    );
  }
  if (result.type === 'crashed') {
    return (
      <p class="notice bad" role="alert" data-testid={`${id}-result`} data-outcome="crashed">
        {t('importCrashed', result.message)} {id === 'register' && previousInForce(active)}
      </p>
    );
  }
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  if (result.kind === 'register' && result.outcome.ok) {
    const s = result.outcome.snapshot;
    return (
      <div class="notice ok" role="status" data-testid={`${id}-result`} data-outcome="ok">
        <p>
          <strong data-testid="register-imported-date">{t('registerImported', [fileName, formatSnapshotDate(s.snapshotDate)])}</strong>
        </p>
        <p>{t('registerImportCounts', [n(s.lines), n(s.accepted), n(s.duplicates), n(s.rejected), seconds])}</p>
        {s.rejected > 0 && <ImportReportView id={id} reportId={result.outcome.reportId} />}
      </div>
    );
  }
  if (result.kind === 'opt-out' && result.outcome.ok) {
    const o = result.outcome;
    return (
      <div class="notice ok" role="status" data-testid={`${id}-result`} data-outcome="ok">
        <p>
          <strong>{t('optOutImported', [fileName, n(o.added), n(o.already), n(o.duplicates), n(o.rejected)])}</strong>
        </p>
        <p class="muted">{t('importTook', seconds)}</p>
        {o.rejected > 0 && <ImportReportView id={id} reportId={o.reportId} />}
      </div>
    );
  }
  const outcome = result.outcome;
  if (outcome.ok) return null;
  let text: string;
  switch (outcome.reason) {
    case 'empty':
      text = t('importEmpty', fileName);
      break;
    case 'binary':
      text = t('importBinary', fileName);
      break;
    case 'no-valid-numbers':
      text = t('importNoValidNumbers', [fileName, n(progress?.rejected ?? 0)]);
      break;
    case 'cancelled':
      text = t('importCancelled');
      break;
    case 'declined':
      text = t('importDeclined');
      break;
    default:
      text = failureText(fileName, outcome.problem, outcome.message);
  }
  // Opt-outs are written in complete, audited batches: say how many of them stay.
  const saved = result.kind === 'opt-out' && !result.outcome.ok ? result.outcome.saved : undefined;
  return (
    <div class="notice bad" role="alert" data-testid={`${id}-result`} data-outcome={outcome.reason}>
      <p>
        <strong>{text}</strong> {result.kind === 'register' && previousInForce(active)}
      </p>
      {saved !== undefined && <p>{saved > 0 ? t('optOutSavedBeforeStop', n(saved)) : t('nothingImported')}</p>}
      {outcome.reportId && <ImportReportView id={id} reportId={outcome.reportId} />}
    </div>
  );
}
