import { useEffect, useRef, useState } from 'preact/hooks';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { outcomeLabel } from '@/components/setup-labels';
import { parseAmount } from '@/lib/amount';
import { amountProblem } from './amount-problem';
import { CallLogError, logCall } from '@/lib/call-log/log-store';
import { MAX_NOTE_LENGTH } from '@/lib/call-log/rules';
import { type Campaign, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { formatNational } from '@/lib/phone/detect';
import { callLogErrorText } from './call-log-error-text';
import { savedLines, tellOpenPages } from './log-saved';
import { draftKey, isEmptyDraft, OutcomeDrafts } from './outcome-drafts';

/** Is the key going into a text box (where digits and Enter belong to the text)? */
function typingInText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/**
 * Logs the outcome of a call, keyboard first: digit keys pick the outcome,
 * a sale moves straight to its amount, Enter saves. "Do not call" also puts
 * the number on the block list (scope from the campaign) and every open page
 * stops it at once.
 */
export function OutcomeForm({
  campaign,
  clientName,
  e164,
  agent,
  blocked,
}: {
  campaign: Campaign | null;
  clientName: string;
  e164: string | null;
  agent: string;
  blocked: boolean;
}) {
  const [outcomeId, setOutcomeId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef<() => Promise<void>>(async () => undefined);
  const outcomes = campaign?.outcomes ?? [];
  const outcome = outcomes.find((o) => o.id === outcomeId) ?? null;
  const isSale = outcome?.kind === 'sale';
  const amountResult = isSale && amount.trim() ? parseAmount(amount) : null;
  const amountError = amountResult ? amountProblem(amountResult) : null;
  const noteTooLong = [...note.trim()].length > MAX_NOTE_LENGTH;

  // A new number or campaign starts a fresh form; what was typed for the previous number is kept
  // (an agent may select another number on the page mid-entry) and comes back with that number.
  const drafts = useRef(new OutcomeDrafts());
  const draftKeyRef = useRef(draftKey(e164, campaign?.id));
  const [keptFor, setKeptFor] = useState<string | null>(null);
  useEffect(() => {
    const next = draftKey(e164, campaign?.id);
    const previous = draftKeyRef.current;
    if (next === previous) return;
    const current = { outcomeId, amount, note };
    const restored = drafts.current.swap(previous, current, next);
    draftKeyRef.current = next;
    const previousNumber = previous?.split('|')[0] ?? null;
    setKeptFor(previousNumber && !isEmptyDraft(current) ? previousNumber : null);
    setOutcomeId(restored.outcomeId);
    setAmount(restored.amount);
    setNote(restored.note);
    setError(null);
  }, [e164, campaign?.id]);

  /** Chooses an outcome; by digit key, focus follows (a sale straight to its amount), so Enter saves. */
  const pick = (id: string, byKey = false) => {
    setOutcomeId(id);
    setError(null);
    setSaved(null);
    if (!byKey) return;
    if (outcomes.find((o) => o.id === id)?.kind === 'sale') queueMicrotask(() => amountRef.current?.focus());
    else queueMicrotask(() => formRef.current?.querySelector<HTMLInputElement>(`input[name="outcome"][value="${CSS.escape(id)}"]`)?.focus());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInText(e.target)) return;
      // Enter saves when nothing in particular has focus (the form handles Enter inside itself;
      // other controls, like the access section's summary or a field row, keep their own Enter).
      if (e.key === 'Enter' && (e.target === document.body || e.target === document.documentElement)) {
        e.preventDefault();
        void saveRef.current();
        return;
      }
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, outcomes.length)) {
        e.preventDefault();
        pick(outcomes[n - 1]!.id, true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [outcomes]);

  const save = async () => {
    if (busy) return;
    setSaved(null);
    if (!campaign) return setError(t('panelLogNeedsCampaign'));
    if (!agent) return setError(t('panelLogNeedsAgent'));
    if (!e164) return setError(t('panelLogNoNumber'));
    if (!outcome) return setError(t('panelLogChooseOutcome'));
    // These two already show beside their field (an alert linked to it): focus goes there instead of a second copy.
    if (amountError || noteTooLong) {
      setError(null);
      (amountError ? amountRef : noteRef).current?.focus();
      return;
    }
    setBusy(true);
    const savedKey = draftKeyRef.current;
    try {
      const result = await logCall(getDb(), {
        e164,
        campaign,
        outcomeId: outcome.id,
        amountOre: isSale && amountResult?.ok ? amountResult.ore : null,
        note: note.trim(),
        agent,
        optOutReason: t('panelLogOptOutReason'),
      });
      // Saved from here on: nothing below may end in "Could not save" (a retry would log the call twice).
      const pagesTold = outcome.kind === 'do-not-call' && result.blocked.length > 0 ? await tellOpenPages(notifyBlocklistChanged) : true;
      const lines = savedLines({
        number: formatNational(e164),
        outcome: outcomeLabel(outcome),
        doNotCall: outcome.kind === 'do-not-call',
        blocked: result.blocked.length,
        scope: campaign.optOutScope === 'all' ? t('panelScopeAll') : t('panelScopeClient', clientName),
        pagesTold,
      }).map((line) => t(line.key, line.substitutions));
      setSaved(lines);
      drafts.current.forget(savedKey);
      // The agent may have selected another number while this one was saved: its form stays as it is.
      if (draftKeyRef.current === savedKey) {
        setOutcomeId(null);
        setAmount('');
        setNote('');
        setError(null);
      }
    } catch (err) {
      setError(t('panelLogFailed', err instanceof CallLogError ? callLogErrorText(err.code) : String(err)));
    } finally {
      setBusy(false);
    }
  };

  saveRef.current = save;

  return (
    <section class="card" aria-labelledby="log-title">
      <h2 id="log-title">{t('panelLogTitle')}</h2>
      {!campaign ? (
        <p class="muted">{t('panelLogNeedsCampaign')}</p>
      ) : (
        <form
          ref={formRef}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            // Enter saves from anywhere in the form except the note (there Ctrl+Enter does).
            if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement && !e.ctrlKey && !e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        >
          <p class="log-number">
            {t('panelLogNumber')}: {e164 ? <strong class="mono">{formatNational(e164)}</strong> : <span class="muted">{t('panelLogNoNumber')}</span>}
          </p>
          {blocked && <p class="notice bad small">{t('panelLogBlockedNumber')}</p>}
          <fieldset class="outcomes">
            <legend>{t('panelLogOutcome', String(Math.min(9, outcomes.length)))}</legend>
            {outcomes.map((o, i) => (
              <label key={o.id} class={`outcome${o.id === outcomeId ? ' chosen' : ''}`} data-kind={o.kind}>
                <input type="radio" name="outcome" value={o.id} checked={o.id === outcomeId} onChange={() => pick(o.id)} />
                {i < 9 && <kbd>{i + 1}</kbd>} {outcomeLabel(o)}
              </label>
            ))}
          </fieldset>
          {isSale && (
            <>
              <label for="amount">{t('panelLogAmount')}</label>
              <input
                id="amount"
                ref={amountRef}
                inputMode="decimal"
                autocomplete="off"
                value={amount}
                aria-invalid={amountError ? 'true' : 'false'}
                aria-describedby={amountError ? 'amount-error' : undefined}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
              {amountError && (
                <p id="amount-error" class="error small" role="alert">
                  {amountError}
                </p>
              )}
            </>
          )}
          <label for="note">{t('panelLogNote')}</label>
          <textarea
            id="note"
            ref={noteRef}
            rows={2}
            maxLength={MAX_NOTE_LENGTH + 50}
            value={note}
            aria-invalid={noteTooLong ? 'true' : 'false'}
            aria-describedby={noteTooLong ? 'note-reminder note-error' : 'note-reminder'}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <p id="note-reminder" class="muted small">
            {t('panelLogNoteReminder')}
          </p>
          {noteTooLong && (
            <p id="note-error" class="error small" role="alert">
              {t('panelNoteTooLong', String(MAX_NOTE_LENGTH))}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {t('panelLogSave')}
          </button>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          {keptFor && (
            <p class="notice" role="status" data-testid="draft-kept">
              {t('panelDraftKept', formatNational(keptFor))}
            </p>
          )}
          {saved && (
            <div class="notice ok" role="status" data-testid="log-saved">
              {saved.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
