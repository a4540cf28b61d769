import { useState } from 'preact/hooks';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { parseNumberLines, type LineRejection } from '@/lib/blocklist/parse-lines';
import { blockNumbers } from '@/lib/blocklist/store';
import { getDb } from '@/lib/db';
import { rejectionText } from '@/components/rejection-text';
import { useClientNames } from '@/components/use-client-names';
import { t } from '@/lib/i18n';

type Outcome =
  | { kind: 'ok'; added: number; already: number; duplicates: number; invalid: { line: number; text: string; reason: LineRejection }[] }
  | { kind: 'error'; message: string };

/** Paste numbers in any spelling, one per line, and block them with a reason. */
export function AddNumbersForm({ agent }: { agent: string }) {
  const [text, setText] = useState('');
  const [source, setSource] = useState<'opt-out' | 'internal'>('opt-out');
  /** '' = every client, else a client's id (block entries are matched against the campaign's client id). */
  const [scope, setScope] = useState('');
  const clientNames = useClientNames();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!(e as SubmitEvent).isTrusted) return;
    const parsed = parseNumberLines(text);
    if (!reason.trim()) {
      setOutcome({ kind: 'error', message: t('reasonRequired') });
      return;
    }
    if (parsed.valid.length === 0) {
      if (parsed.invalid.length) setOutcome({ kind: 'ok', added: 0, already: 0, duplicates: parsed.duplicates, invalid: parsed.invalid });
      else setOutcome({ kind: 'error', message: t('nothingToAdd') });
      return;
    }
    setBusy(true);
    try {
      const created = await blockNumbers(
        getDb(),
        parsed.valid.map((v) => ({ e164: v.e164, source, scope: scope || null, reason, actor: agent })),
      );
      await notifyBlocklistChanged().catch(() => undefined);
      setOutcome({
        kind: 'ok',
        added: created.length,
        already: parsed.valid.length - created.length,
        duplicates: parsed.duplicates,
        invalid: parsed.invalid,
      });
      // Keep only what still needs fixing: nothing valid is lost, nothing invalid is silently dropped.
      setText(parsed.invalid.map((i) => i.text).join('\n'));
    } catch (error) {
      setOutcome({ kind: 'error', message: t('saveFailed', String(error instanceof Error ? error.message : error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="add-title">
      <h2 id="add-title">{t('addNumbersTitle')}</h2>
      <label for="numbers">{t('addNumbersLabel')}</label>
      <textarea id="numbers" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder={'412 34 567\n+47 22 12 34 56'} aria-describedby="numbers-help" />
      <p id="numbers-help" class="muted">
        {t('addNumbersHelp')}
      </p>
      <div class="row">
        <div>
          <label for="source">{t('sourceLabel')}</label>
          <select id="source" value={source} onChange={(e) => setSource(e.currentTarget.value as 'opt-out' | 'internal')}>
            <option value="opt-out">{t('sourceOptOut')}</option>
            <option value="internal">{t('sourceInternal')}</option>
          </select>
        </div>
        <div>
          <label for="scope">{t('scopeClientLabel')}</label>
          <select id="scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="">{t('scopeAllClients')}</option>
            {[...clientNames]
              .sort((a, b) => a[1].localeCompare(b[1]))
              .map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
          </select>
        </div>
      </div>
      <label for="reason">{t('reasonLabel')}</label>
      <input id="reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
      <p>
        <button type="submit" class="primary" disabled={busy}>
          {t('blockNumbersAction')}
        </button>
      </p>
      <div aria-live="polite">
        {outcome?.kind === 'error' && (
          <p class="notice bad" role="alert">
            {outcome.message}
          </p>
        )}
        {outcome?.kind === 'ok' && (
          <div class={`notice ${outcome.invalid.length ? 'warn' : 'ok'}`} data-testid="add-outcome">
            <p>{t('addedSummary', [String(outcome.added), String(outcome.already), String(outcome.duplicates)])}</p>
            {outcome.invalid.length > 0 && (
              <>
                <p role="alert">{t('invalidLinesSummary', String(outcome.invalid.length))}</p>
                <ul class="problems">
                  {outcome.invalid.map((i) => (
                    <li key={i.line}>
                      {t('lineProblem', [String(i.line), i.text, rejectionText(i.reason)])}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
