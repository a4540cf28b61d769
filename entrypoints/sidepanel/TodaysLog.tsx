import { useEffect, useRef, useState } from 'preact/hooks';
import { firstControl, focusFirst } from '@/components/focus-return';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { useLiveQuery } from '@/components/use-live-query';
import { outcomeLabel } from '@/components/setup-labels';
import { amountProblem } from './amount-problem';
import { editOutcomeKind, editOutcomes, editPatch, initialAmountText } from '@/lib/call-log/edit-draft';
import { osloDayKey } from '@/lib/call-log/live-day';
import { CallLogError, callsOfDay, dayTotals, EDIT_WINDOW_MS, editCall } from '@/lib/call-log/log-store';
import { type CallLog, type Campaign, getDb } from '@/lib/db';
import { formatAmount, formatTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { formatNational } from '@/lib/phone/detect';
import { callLogErrorText } from './call-log-error-text';

/** The agent's calls today, newest first, with totals; each correctable for a few minutes after logging. */
export function TodaysLog({ agent, campaigns }: { agent: string; campaigns: Campaign[] }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  // The Oslo day is a dependency: at midnight the query runs again for the new day (Dexie alone would only
  // wake it for writes inside the range it last read, so the list would stay on yesterday).
  const day = osloDayKey(now);
  const logs = useLiveQuery(() => (agent ? callsOfDay(getDb(), agent, now) : Promise.resolve([])), [agent, day], [] as CallLog[]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Focus goes back to the row's Fix button when its edit form closes (else it falls to <body>, where Enter saves the main form).
  const fixButtons = useRef(new Map<string, HTMLButtonElement>());
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  useEffect(() => {
    if (returnFocusTo === null) return;
    focusFirst(fixButtons.current.get(returnFocusTo), titleRef.current);
    setReturnFocusTo(null);
  }, [returnFocusTo]);
  const totals = dayTotals(logs);
  const locale = uiLocale();
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return (
    <section class="card" aria-labelledby="today-title">
      <h2 id="today-title" ref={titleRef} tabIndex={-1}>
        {t('panelTodayTitle')}
      </h2>
      {logs.length === 0 ? (
        <p class="muted">{t('panelTodayNone')}</p>
      ) : (
        <>
          <p class="today-totals" data-testid="today-totals">
            {t('panelTodayTotals', [String(totals.calls), String(totals.sales), formatAmount(totals.amountOre / 100, locale)])}
          </p>
          <p class="muted small">{t('panelTodayEditHelp')}</p>
          {notice && (
            <p class="notice warn small" role="status" data-testid="edit-notice">
              {notice}
            </p>
          )}
          <ol class="today">
            {logs.map((log) => {
              const editable = log.anonymisedAt === null && now - log.createdAt <= EDIT_WINDOW_MS;
              return (
                <li key={log.id} data-log={log.id}>
                  <span class="mono">{formatTime(log.at, locale)}</span> <span class="mono">{log.e164 ? formatNational(log.e164) : t('panelTodayAnonymised')}</span>{' '}
                  <strong>{log.outcomeLabel || outcomeLabel({ id: log.outcomeId, kind: log.outcomeKind, label: '' })}</strong>
                  {log.amountOre !== null && <> · {formatAmount(log.amountOre / 100, locale)}</>}
                  {log.note && <span class="muted small note"> – {log.note}</span>}
                  {editable && editing !== log.id && (
                    <button
                      type="button"
                      class="small link"
                      ref={(el) => {
                        if (el) fixButtons.current.set(log.id, el);
                        else fixButtons.current.delete(log.id);
                      }}
                      onClick={() => setEditing(log.id)}
                    >
                      {t('panelTodayEdit')}
                    </button>
                  )}
                  {editing === log.id && (
                    <EditCall
                      log={log}
                      campaign={byId.get(log.campaignId)}
                      agent={agent}
                      onDone={(notice) => {
                        setEditing(null);
                        setNotice(notice);
                        setReturnFocusTo(log.id);
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

function EditCall({ log, campaign, agent, onDone }: { log: CallLog; campaign: Campaign | undefined; agent: string; onDone: (notice: string | null) => void }) {
  const [outcomeId, setOutcomeId] = useState(log.outcomeId);
  const [amount, setAmount] = useState(initialAmountText(log));
  const [note, setNote] = useState(log.note);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The Fix button that had focus is gone: the form's first control takes it.
  useEffect(() => {
    firstControl(formRef.current)?.focus();
  }, []);
  // The log's own outcome stays on offer (and decides whether it is a sale) even if the campaign changed or is gone.
  const outcomes = editOutcomes(log, campaign);
  const isSale = editOutcomeKind(log, campaign, outcomeId) === 'sale';
  const save = async () => {
    const draft = editPatch(log, campaign, { outcomeId, amount, note });
    if (!draft.ok) return setError(amountProblem(draft.amount));
    try {
      const result = await editCall(getDb(), log.id, draft.patch, agent, Date.now(), t('panelLogOptOutReason'));
      if (result.blocked.length > 0) await notifyBlocklistChanged().catch(() => undefined); // saved; pages see the block list on their next lookup
      // A "do not call" corrected to something else leaves the opt-out in place (removing one needs a reason): say so.
      const keptBlock = log.outcomeKind === 'do-not-call' && result.log.outcomeKind !== 'do-not-call' && log.e164 !== null;
      onDone(keptBlock ? t('panelEditKeepsBlock', formatNational(log.e164!)) : null);
    } catch (err) {
      setError(err instanceof CallLogError ? callLogErrorText(err.code) : String(err));
    }
  };
  return (
    <form
      ref={formRef}
      class="edit-call"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone(null);
        }
      }}
    >
      <select aria-label={t('panelLogOutcome', String(outcomes.length))} value={outcomeId} onChange={(e) => setOutcomeId(e.currentTarget.value)}>
        {outcomes.map((o) => (
          <option key={o.id} value={o.id}>
            {outcomeLabel(o)}
          </option>
        ))}
      </select>
      {isSale && <input aria-label={t('panelLogAmount')} inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />}
      <input aria-label={t('panelLogNote')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" class="primary small">
        {t('panelTodaySave')}
      </button>
      <button type="button" class="small" onClick={() => onDone(null)}>
        {t('cancel')}
      </button>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
