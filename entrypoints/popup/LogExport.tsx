import { useState } from 'preact/hooks';
import { downloadBlob } from '@/components/download';
import { exportLogsCsv, exportLogsJson, filterLogs } from '@/lib/call-log/log-export';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting } from '@/lib/settings';
import { exportFileName, selectionFilter, type TeamSelection } from '@/lib/team/team-selection';
import { csvLabels } from './team-labels';
import type { TeamNames } from './use-team-names';

type Status = { kind: 'ok' | 'bad'; text: string } | null;

/**
 * Downloads the call logs of the applied period and filters as CSV (Excel, Norwegian letters) or JSON (for merging).
 * The period is taken at `now`, the instant the caption and the figures above use, so the file holds what they show.
 */
export function LogExport({ applied, names, blocked, now: periodNow }: { applied: TeamSelection; names: TeamNames; blocked: boolean; now: number }) {
  const db = getDb();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const run = async (kind: 'csv' | 'json') => {
    setBusy(true);
    setStatus(null);
    try {
      const now = Date.now();
      const r = selectionFilter(applied, periodNow);
      if (!r.ok) {
        setStatus({ kind: 'bad', text: t('teamExportBlocked') });
        return;
      }
      const logs = await filterLogs(db, r.filter);
      if (logs.length === 0) {
        setStatus({ kind: 'bad', text: t('teamExportEmpty') });
        return;
      }
      const fileName = exportFileName(kind, now);
      if (kind === 'csv') {
        const text = exportLogsCsv(logs, csvLabels(), names.campaignName, names.clientName);
        downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
      } else {
        const exportedBy = await getSetting(db, 'agentName');
        const json = JSON.stringify(exportLogsJson(logs, { exportedAt: now, exportedBy }), null, 2);
        downloadBlob(new Blob([json], { type: 'application/json' }), fileName);
      }
      setStatus({ kind: 'ok', text: t('teamExportDone', [fileName, String(logs.length)]) });
    } catch (error) {
      setStatus({ kind: 'bad', text: t('teamExportFailed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="team-part" data-testid="team-export">
      <summary>
        <h3>{t('teamExportTitle')}</h3>
      </summary>
      <p class="team-small">{t('teamExportHelp')}</p>
      <p class="team-small muted">{t('teamExportPrivacy')}</p>
      <div class="team-buttons">
        <button type="button" disabled={busy || blocked} onClick={() => void run('csv')}>
          {t('teamExportCsv')}
        </button>
        <button type="button" disabled={busy || blocked} onClick={() => void run('json')}>
          {t('teamExportJson')}
        </button>
      </div>
      {blocked && <p class="team-small error">{t('teamExportBlocked')}</p>}
      {status && (
        <p class={`notice ${status.kind} team-small`} role={status.kind === 'bad' ? 'alert' : 'status'} data-testid="team-export-status">
          {status.text}
        </p>
      )}
    </details>
  );
}
