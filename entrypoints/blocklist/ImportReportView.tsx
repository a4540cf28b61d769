import { downloadBlob } from '@/components/download';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb, type ImportReport } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import { BOM, exportFileName } from '@/lib/blocklist/export-csv';
import { reportToCsv } from '@/lib/register/import-job';
import { osloDate } from '@/lib/register/freshness';
import { importRejectionText } from '@/components/rejection-text';
import { formatCount } from './format-count';

/** Rejected lines listed on the page; the downloadable report has up to 10,000. */
export const LISTED_REJECTIONS = 50;

export function downloadReport(report: ImportReport): void {
  const codes = new Set(report.rejected.map((r) => r.reason));
  const reasons: Record<string, string> = {};
  for (const code of codes) reasons[code] = importRejectionText(code);
  const csv = reportToCsv(report, {
    line: t('reportColLine'),
    text: t('reportColText'),
    reason: t('reportColReason'),
    reasons,
    more: (n) => t('reportMoreNotListed', formatCount(n, uiLocale())),
  });
  const stem = report.fileName.replace(/\.[^.]*$/, '');
  downloadBlob(new Blob([BOM + csv], { type: 'text/csv;charset=utf-8' }), exportFileName(`import-report-${stem}`, osloDate(new Date(report.createdAt))));
}

/** The rejected lines of one import (first 50) with line numbers and reasons, and the CSV download. */
export function ImportReportView({ id, reportId }: { id: string; reportId: string }) {
  const report = useLiveQuery(() => getDb().importReports.get(reportId), [reportId], undefined as ImportReport | undefined);
  const locale = uiLocale();
  if (!report) return null;
  const listed = report.rejected.slice(0, LISTED_REJECTIONS);
  return (
    <div class="import-report" data-testid={`${id}-report`}>
      <p>{t('reportRejectedSummary', formatCount(report.rejectedTotal, locale))}</p>
      <ul class="problems">
        {listed.map((r) => (
          <li key={r.line}>{t('lineProblem', [String(r.line), r.text, importRejectionText(r.reason)])}</li>
        ))}
      </ul>
      {report.rejectedTotal > listed.length && <p class="muted">{t('reportMoreInFile', formatCount(report.rejectedTotal - listed.length, locale))}</p>}
      <button type="button" onClick={() => downloadReport(report)}>
        {t('downloadReport')}
      </button>
    </div>
  );
}
