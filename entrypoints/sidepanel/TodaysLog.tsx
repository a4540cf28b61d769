import { useEffect, useState } from 'preact/hooks';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { useLiveQuery } from '@/components/use-live-query';
import { outcomeLabel } from '@/components/setup-labels';
import { parseAmount } from '@/lib/amount';
import { amountProblem } from './amount-problem';
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
  const logs = useLiveQuery(() => (agent ? callsOfDay(getDb(), agent) : Promise.resolve([])), [agent], [] as CallLog[]);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const totals = dayTotals(logs);
  const locale = uiLocale();
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  return (
    <section class="card" aria-labelledby="today-title">
      <h2 id="today-title">{t('panelTodayTitle')}</h2>
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
                    <button type="button" class="small link" onClick={() => setEditing(log.id)}>
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
  const [amount, setAmount] = useState(log.amountOre === null ? '' : String(log.amountOre / 100).replace('.', ','));
  const [note, setNote] = useState(log.note);
  const [error, setError] = useState<string | null>(null);
  const outcomes = campaign?.outcomes ?? [];
  const isSale = outcomes.find((o) => o.id === outcomeId)?.kind === 'sale';
  const save = async () => {
    let amountOre: number | null = null;
    if (isSale && amount.trim()) {
      const parsed = parseAmount(amount);
      if (!parsed.ok) return setError(amountProblem(parsed));
      amountOre = parsed.ore;
    }
    try {
      const result = await editCall(getDb(), log.id, { outcomeId, amountOre, note: note.trim() }, agent, Date.now(), t('panelLogOptOutReason'));
      if (result.blocked.length > 0) await notifyBlocklistChanged();
      // A "do not call" corrected to something else leaves the opt-out in place (removing one needs a reason): say so.
      const keptBlock = log.outcomeKind === 'do-not-call' && result.log.outcomeKind !== 'do-not-call' && log.e164 !== null;
      onDone(keptBlock ? t('panelEditKeepsBlock', formatNational(log.e164!)) : null);
    } catch (err) {
      setError(err instanceof CallLogError ? callLogErrorText(err.code) : String(err));
    }
  };
  return (
    <form
      class="edit-call"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
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
