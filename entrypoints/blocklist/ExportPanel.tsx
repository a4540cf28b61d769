import { useState } from 'preact/hooks';
import { auditActionLabel } from '@/components/setup-labels';
import { scopeLabel, sourceLabel } from '@/components/block-status';
import { downloadBlob, nextTask } from '@/components/download';
import { useClientNames } from '@/components/use-client-names';
import { getDb } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import { type ExportFilter, ROWS_PER_PART, RegisterChangedError, auditCsv, blockListCsv, blockListCsvRowCount, exportFileName } from '@/lib/blocklist/export-csv';
import { osloDate } from '@/lib/register/freshness';
import { formatCount } from './format-count';

/** Why an export stopped, in the page's language (a replaced register has its own message). */
function exportFailedText(error: unknown): string {
  if (error instanceof RegisterChangedError) return t('exportRegisterChanged');
  return t('exportFailed', error instanceof Error ? error.message : String(error));
}

type Running = { what: 'blocklist' | 'audit'; rows: number; total: number | null };

/**
 * CSV exports (`;`, UTF-8 with BOM, formula-like cells neutralised): the
 * block list, all or by source, and the audit trail. Built part by part
 * into a Blob, yielding between parts, so 3 million register rows do not
 * freeze the page.
 */
export function ExportPanel() {
  const [filter, setFilter] = useState<ExportFilter>('all');
  const [running, setRunning] = useState<Running | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const clientNames = useClientNames();
  const locale = uiLocale();

  const collect = async (parts: AsyncGenerator<string>, what: Running['what'], total: number | null): Promise<Blob> => {
    let blob = new Blob([], { type: 'text/csv;charset=utf-8' });
    let rows = 0;
    setRunning({ what, rows, total });
    for await (const part of parts) {
      blob = new Blob([blob, part], { type: 'text/csv;charset=utf-8' });
      rows = Math.min(total ?? Infinity, rows + ROWS_PER_PART);
      setRunning({ what, rows, total });
      await nextTask();
    }
    return blob;
  };

  const exportBlocklist = async () => {
    setMessage(null);
    const db = getDb();
    try {
      const total = await blockListCsvRowCount(db, filter);
      const blob = await collect(
        blockListCsv(db, filter, {
          header: [t('colNumber'), t('colSource'), t('colScope'), t('colReason'), t('colAddedBy'), t('colSince')],
          source: sourceLabel,
          scope: (scope) => scopeLabel(scope, clientNames),
        }),
        'blocklist',
        total,
      );
      downloadBlob(blob, exportFileName(`blocklist-${filter}`, osloDate(new Date())));
      setMessage({ ok: true, text: t('exportDone', formatCount(total, locale)) });
    } catch (error) {
      setMessage({ ok: false, text: exportFailedText(error) });
    } finally {
      setRunning(null);
    }
  };

  const exportAudit = async () => {
    setMessage(null);
    const db = getDb();
    try {
      const total = await db.audit.count();
      const blob = await collect(
        auditCsv(db, {
          header: [t('colWhen'), t('colWho'), t('colWhat'), t('colReason'), t('colNumber'), t('colSource'), t('colScope'), t('colDetail')],
          action: auditActionLabel,
          source: sourceLabel,
          scope: (scope) => scopeLabel(scope, clientNames),
        }),
        'audit',
        total,
      );
      downloadBlob(blob, exportFileName('audit', osloDate(new Date())));
      setMessage({ ok: true, text: t('exportDone', formatCount(total, locale)) });
    } catch (error) {
      setMessage({ ok: false, text: exportFailedText(error) });
    } finally {
      setRunning(null);
    }
  };

  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('exportTitle')}</h2>
      <p class="muted">{t('exportHelp')}</p>
      <div class="row">
        <div>
          <label for="export-source">{t('exportWhich')}</label>
          <select id="export-source" value={filter} onChange={(e) => setFilter(e.currentTarget.value as ExportFilter)}>
            <option value="all">{t('exportAll')}</option>
            <option value="register">{t('sourceRegister')}</option>
            <option value="opt-out">{t('sourceOptOut')}</option>
            <option value="internal">{t('sourceInternal')}</option>
          </select>
        </div>
        <button type="button" onClick={() => void exportBlocklist()} disabled={running !== null}>
          {t('exportBlocklistAction')}
        </button>
        <button type="button" onClick={() => void exportAudit()} disabled={running !== null}>
          {t('exportAuditAction')}
        </button>
      </div>
      {running && (
        <div data-testid="export-progress">
          <progress max={running.total ?? undefined} value={running.total ? running.rows : undefined} aria-label={t('exportProgressLabel')} />
          <p aria-live="polite">{t('exportRunning', [formatCount(running.rows, locale), formatCount(running.total ?? 0, locale)])}</p>
        </div>
      )}
      {message && (
        <p class={`notice ${message.ok ? 'ok' : 'bad'}`} role={message.ok ? 'status' : 'alert'} data-testid="export-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
