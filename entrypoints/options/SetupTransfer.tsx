import { useState } from 'preact/hooks';
import { downloadBlob } from '@/components/download';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { osloDate } from '@/lib/register/freshness';
import { MAX_SETUP_BYTES, type SetupDocument, exportSetup, parseSetupDocument, serialiseSetup, setupFileName } from '@/lib/setup/setup-document';
import { type ImportProblem, type ImportSummary, importSetup } from '@/lib/setup/setup-store';
import { problemText, selectorIsValid } from '@/components/setup-labels';

type State =
  | { kind: 'idle' }
  | { kind: 'problems'; fileName: string; problems: ImportProblem[] }
  | { kind: 'ready'; fileName: string; doc: SetupDocument }
  | { kind: 'done'; fileName: string; summary: ImportSummary }
  | { kind: 'error'; text: string };

function importProblemText(p: ImportProblem): string {
  return p.problem === 'client-has-blocks' ? t('setupImportClientBlocks', [p.name, p.clientId, String(p.count)]) : problemText(p.problem);
}

function ImportSummaryView({ fileName, summary }: { fileName: string; summary: ImportSummary }) {
  const c = summary.clients;
  const k = summary.campaigns;
  return (
    <div class="notice ok" role="status" data-testid="setup-import-summary">
      <p>
        <strong>{t('setupImportDone', fileName)}</strong>
      </p>
      <ul>
        <li>{t('setupImportClientCounts', [String(c.added), String(c.updated), String(c.unchanged), String(c.removed)])}</li>
        <li>{t('setupImportCampaignCounts', [String(k.added), String(k.updated), String(k.unchanged), String(k.removed)])}</li>
        {summary.keptClients.length > 0 && <li>{t('setupImportKeptClients', summary.keptClients.map((x) => x.name).join(', '))}</li>}
        {summary.keptCampaigns.length > 0 && <li>{t('setupImportKeptCampaigns', summary.keptCampaigns.map((x) => x.name).join(', '))}</li>}
        {summary.activeCampaignCleared && <li>{t('setupImportActiveCleared')}</li>}
      </ul>
    </div>
  );
}

/** Export the set-up as a JSON file; import one (checked in full first: a file with problems changes nothing). */
export function SetupTransfer({ agent }: { agent: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [exported, setExported] = useState('');
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const doExport = async () => {
    setExported('');
    try {
      const doc = await exportSetup(getDb());
      downloadBlob(new Blob([serialiseSetup(doc)], { type: 'application/json' }), setupFileName(osloDate(new Date())));
      setExported(t('setupExportDone', [String(doc.clients.length), String(doc.campaigns.length)]));
    } catch (error) {
      setState({ kind: 'error', text: t('exportFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const choose = async (file: File | undefined) => {
    setExported('');
    if (!file) return;
    if (file.size > MAX_SETUP_BYTES) {
      setState({ kind: 'problems', fileName: file.name, problems: [{ path: '', problem: 'too-long' }] });
      return;
    }
    try {
      const result = parseSetupDocument(await file.text(), { selectorIsValid });
      setState(result.ok ? { kind: 'ready', fileName: file.name, doc: result.doc } : { kind: 'problems', fileName: file.name, problems: result.problems });
    } catch (error) {
      setState({ kind: 'error', text: t('setupImportReadFailed', error instanceof Error ? error.message : String(error)) });
    }
  };

  const doImport = async (fileName: string, doc: SetupDocument) => {
    setBusy(true);
    try {
      const result = await importSetup(getDb(), doc, agent, { reason: t('setupAuditImported', fileName), fileName });
      setState(result.ok ? { kind: 'done', fileName, summary: result.summary } : { kind: 'problems', fileName, problems: result.problems });
    } catch (error) {
      setState({ kind: 'error', text: t('saveFailed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
      setInputKey((k) => k + 1);
    }
  };

  return (
    <section class="card" aria-labelledby="setup-transfer-title">
      <h2 id="setup-transfer-title">{t('setupTransferTitle')}</h2>
      <p class="muted">{t('setupTransferHelp')}</p>
      <div class="row transfer-row">
        <button type="button" onClick={() => void doExport()}>
          {t('setupExportButton')}
        </button>
        <div>
          <label for="setup-file">{t('setupImportFile')}</label>
          <input key={inputKey} id="setup-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e.currentTarget.files?.[0])} aria-describedby="setup-file-help" />
          <p id="setup-file-help" class="muted help">
            {t('setupImportFileHelp')}
          </p>
        </div>
      </div>
      {exported && (
        <p class="notice ok" role="status" data-testid="setup-export-message">
          {exported}
        </p>
      )}
      {state.kind === 'problems' && (
        <div class="notice bad" role="alert" data-testid="setup-import-problems">
          <p>
            <strong>{t('setupImportRejected', [state.fileName, String(state.problems.length)])}</strong>
          </p>
          <ul class="problems setup-problems">
            {state.problems.map((p, i) => (
              <li key={i}>
                <span class="mono path">{p.path || t('setupPathWholeFile')}</span>: {importProblemText(p)}
              </li>
            ))}
          </ul>
          <p>{t('setupImportNothingChanged')}</p>
        </div>
      )}
      {state.kind === 'ready' && (
        <div class="notice warn" role="alertdialog" aria-labelledby="setup-import-confirm" data-testid="setup-import-confirm">
          <p id="setup-import-confirm">
            {t('setupImportConfirm', [state.fileName, String(state.doc.clients.length), String(state.doc.campaigns.length), formatDateTime(Date.parse(state.doc.exportedAt), uiLocale())])}
          </p>
          <p>{t('setupImportReplaces')}</p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void doImport(state.fileName, state.doc)}>
              {t('setupImportButton')}
            </button>
            <button
              type="button"
              onClick={() => {
                setState({ kind: 'idle' });
                setInputKey((k) => k + 1);
              }}
            >
              {t('setupCancel')}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'done' && <ImportSummaryView fileName={state.fileName} summary={state.summary} />}
      {state.kind === 'error' && (
        <p class="notice bad" role="alert">
          {state.text}
        </p>
      )}
    </section>
  );
}
