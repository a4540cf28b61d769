import { useEffect, useRef, useState } from 'preact/hooks';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { formatSnapshotDate } from '@/components/RegisterFreshness';
import type { RegisterSnapshot } from '@/lib/db';
import { t, uiLocale } from '@/lib/i18n';
import { osloDate } from '@/lib/register/freshness';
import type { CommitSummary, ImportProgress } from '@/lib/register/import-job';
import { defaultSnapshotDate } from '@/lib/register/oslo-dates';
import { type SniffText, sniffFile } from '@/lib/register/register-file';
import type { ReplaceWarning } from '@/lib/register/replace-check';
import { type ImportResult, runImport } from './import-client';
import type { ImportKind } from './import-protocol';
import { ImportPreview } from './ImportPreview';
import { ImportProgressView } from './ImportProgressView';
import { ImportResultView } from './ImportResultView';
import { InterruptedNotice } from './InterruptedImports';
import { formatCount } from './format-count';

interface Confirm {
  summary: CommitSummary;
  warnings: ReplaceWarning[];
  answer: (replace: boolean) => void;
}

type Phase =
  | { step: 'choose' }
  | { step: 'sniffing'; file: File }
  | { step: 'unreadable'; file: File; text: string }
  | { step: 'preview'; file: File; sniff: SniffText }
  | { step: 'running'; file: File; progress: ImportProgress | null; cancelling: boolean; confirm: Confirm | null }
  | { step: 'done'; file: File; result: ImportResult; progress: ImportProgress | null };

function unreadableText(file: File, kind: 'empty' | 'binary', format: string): string {
  if (kind === 'empty') return t('importEmpty', file.name);
  return format === 'zip' || format === 'xls' ? t('importWorkbook', file.name) : t('importBinary', file.name);
}

/**
 * One file import, start to end: choose a file → sniff → preview and
 * confirm the column (and, for the register, the snapshot date) → run in a
 * worker with progress and Cancel → result and report. Register and
 * customer opt-out imports share it (`kind`).
 */
export function ImportFlow({ kind, agent, active, onChanged }: { kind: ImportKind; agent: string; active: RegisterSnapshot | undefined; onChanged: () => void }) {
  const id = kind;
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [column, setColumn] = useState(0);
  const [hasHeader, setHasHeader] = useState(false);
  const [snapshotDate, setSnapshotDate] = useState('');
  const [dateError, setDateError] = useState('');
  const [interrupted, setInterrupted] = useState<RegisterSnapshot[]>([]);
  const cancelRef = useRef<(() => void) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const locale = uiLocale();

  // A running import dies with the page; make leaving a deliberate choice.
  useEffect(() => {
    if (phase.step !== 'running') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [phase.step]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setPhase({ step: 'sniffing', file });
    try {
      const sniff = await sniffFile(file);
      if (sniff.kind !== 'text') {
        setPhase({ step: 'unreadable', file, text: unreadableText(file, sniff.kind, sniff.kind === 'binary' ? sniff.format : '') });
        return;
      }
      setColumn(sniff.phoneColumn ?? 0);
      setHasHeader(sniff.hasHeader);
      setSnapshotDate(defaultSnapshotDate(file.lastModified));
      setDateError('');
      setPhase({ step: 'preview', file, sniff });
    } catch (error) {
      setPhase({ step: 'unreadable', file, text: t('importUnreadable', [file.name, error instanceof Error ? error.message : String(error)]) });
    }
  };

  const reset = () => {
    setPhase({ step: 'choose' });
    if (fileInput.current) fileInput.current.value = '';
  };

  const start = (e: Event) => {
    e.preventDefault();
    if (phase.step !== 'preview') return;
    const { file, sniff } = phase;
    if (kind === 'register') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(snapshotDate)) return setDateError(t('snapshotDateInvalid'));
      if (snapshotDate > osloDate(new Date())) return setDateError(t('snapshotDateFuture'));
    }
    setDateError('');
    setInterrupted([]);
    let last: ImportProgress | null = null;
    setPhase({ step: 'running', file, progress: null, cancelling: false, confirm: null });
    const update = (patch: Partial<Extract<Phase, { step: 'running' }>>) =>
      setPhase((p) => (p.step === 'running' && p.file === file ? { ...p, ...patch } : p));
    const running = runImport(
      { kind, file, actor: agent, snapshotDate, column, delimiter: sniff.delimiter, hasHeader, encoding: sniff.encoding },
      {
        onStarted: setInterrupted,
        onProgress: (progress) => {
          last = progress;
          update({ progress });
        },
        onConfirm: (summary, warnings) => new Promise<boolean>((resolve) => update({ confirm: { summary, warnings, answer: resolve } })),
      },
    );
    cancelRef.current = () => {
      update({ cancelling: true });
      running.cancel();
    };
    void running.result.then(async (result) => {
      cancelRef.current = null;
      const changed = result.type === 'done' && (result.outcome.ok || result.kind === 'opt-out');
      if (changed) {
        // Every open tab re-checks its numbers against the new snapshot / opt-outs at once.
        await notifyBlocklistChanged().catch((error: unknown) => console.error('[Kontaktvern] could not notify the background', error));
        onChanged();
      }
      setPhase({ step: 'done', file, result, progress: last });
    });
  };

  const answer = (replace: boolean) => {
    if (phase.step !== 'running' || !phase.confirm) return;
    phase.confirm.answer(replace);
    setPhase({ ...phase, confirm: null });
  };

  const inputId = `${id}-file`;
  return (
    <div class="import-flow" data-testid={`${id}-import`}>
      <InterruptedNotice snapshots={interrupted} active={active} />
      {(phase.step === 'choose' || phase.step === 'sniffing' || phase.step === 'unreadable' || phase.step === 'preview') && (
        <>
          <label for={inputId}>{kind === 'register' ? t('registerFileLabel') : t('optOutFileLabel')}</label>
          <input
            id={inputId}
            ref={fileInput}
            type="file"
            accept=".csv,.txt,.tsv,.tab,text/csv,text/plain,text/tab-separated-values"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </>
      )}
      {phase.step === 'sniffing' && <p aria-busy="true">{t('loading')}</p>}
      {phase.step === 'unreadable' && (
        <p class="notice bad" role="alert" data-testid={`${id}-result`} data-outcome="unreadable">
          <strong>{phase.text}</strong> {kind === 'register' ? previousText(active) : t('nothingImported')}
        </p>
      )}
      {phase.step === 'preview' && (
        <form onSubmit={start} aria-label={kind === 'register' ? t('registerImportTitle') : t('optOutImportTitle')}>
          <p>
            {t('fileChosen', [phase.file.name, formatCount(phase.file.size, locale)])}
          </p>
          <ImportPreview id={id} sniff={phase.sniff} column={column} onColumn={setColumn} hasHeader={hasHeader} onHasHeader={setHasHeader} />
          {kind === 'register' && (
            <div>
              <label for={`${id}-date`}>{t('snapshotDateLabel')}</label>
              <input
                id={`${id}-date`}
                type="date"
                value={snapshotDate}
                max={osloDate(new Date())}
                required
                onInput={(e) => setSnapshotDate(e.currentTarget.value)}
                aria-describedby={`${id}-date-help`}
                aria-invalid={dateError ? 'true' : undefined}
              />
              <p id={`${id}-date-help`} class="muted">
                {t('snapshotDateHelp')}
              </p>
              {dateError && (
                <p class="error" role="alert">
                  {dateError}
                </p>
              )}
            </div>
          )}
          <p class="row">
            <button type="submit" class="primary">
              {kind === 'register' ? t('startRegisterImport') : t('startOptOutImport')}
            </button>
            <button type="button" onClick={reset}>
              {t('cancel')}
            </button>
          </p>
        </form>
      )}
      {phase.step === 'running' && (
        <>
          <p>{kind === 'register' ? t('registerImportRunning', phase.file.name) : t('optOutImportRunning', phase.file.name)}</p>
          <ImportProgressView id={id} progress={phase.progress} cancelling={phase.cancelling} onCancel={() => cancelRef.current?.()} />
          {phase.confirm && <ConfirmReplace confirm={phase.confirm} onAnswer={answer} />}
        </>
      )}
      {phase.step === 'done' && (
        <>
          <ImportResultView id={id} fileName={phase.file.name} result={phase.result} progress={phase.progress} active={active} />
          <button type="button" onClick={reset}>
            {t('importAnotherFile')}
          </button>
        </>
      )}
    </div>
  );
}

function previousText(active: RegisterSnapshot | undefined): string {
  return active ? t('previousStaysInForce', formatSnapshotDate(active.snapshotDate)) : t('noSnapshotInForce');
}

function ConfirmReplace({ confirm, onAnswer }: { confirm: Confirm; onAnswer: (replace: boolean) => void }) {
  const locale = uiLocale();
  const n = (x: number) => formatCount(x, locale);
  const { summary } = confirm;
  return (
    <div class="notice warn" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" data-testid="register-confirm">
      <p id="confirm-title">
        <strong>{t('confirmTitle')}</strong>
      </p>
      <div id="confirm-body">
        {confirm.warnings.includes('mostly-duplicates') && <p>{t('confirmMostlyDuplicates', [n(summary.lines), n(summary.accepted), n(summary.duplicates)])}</p>}
        {confirm.warnings.includes('much-smaller') && summary.previous && (
          <p>{t('confirmMuchSmaller', [n(summary.accepted), formatSnapshotDate(summary.previous.snapshotDate), n(summary.previous.accepted)])}</p>
        )}
        {confirm.warnings.includes('older-than-previous') && summary.previous && (
          <p>{t('confirmOlderThanPrevious', [formatSnapshotDate(summary.snapshotDate), formatSnapshotDate(summary.previous.snapshotDate)])}</p>
        )}
        <p>{t('confirmQuestion')}</p>
      </div>
      <p class="row">
        <button type="button" class="primary" onClick={() => onAnswer(false)} autoFocus>
          {t('confirmKeep')}
        </button>
        <button type="button" class="danger" onClick={() => onAnswer(true)}>
          {t('confirmReplace')}
        </button>
      </p>
    </div>
  );
}
