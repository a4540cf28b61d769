import { useState } from 'preact/hooks';
import { sourceLabel, scopeLabel } from '@/components/block-status';
import { useClientNames } from '@/components/use-client-names';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { useLiveQuery } from '@/components/use-live-query';
import { historyFor, unblockEntry } from '@/lib/blocklist/store';
import { type AuditEvent, type BlockEntry, getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { formatNational, parsePhoneInput } from '@/lib/phone/detect';
import { auditActionLabel } from '@/components/setup-labels';
import { rejectionText } from '@/components/rejection-text';
import { RegisterSearchHit, useRegisterHit } from './RegisterSearchHit';
import { reasonText } from '@/components/reason-text';

const PAGE = 50;

function RemoveForm({ entry, agent, onDone }: { entry: BlockEntry; agent: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!(e as SubmitEvent).isTrusted) return;
    if (!reason.trim()) {
      setError(t('reasonRequired'));
      return;
    }
    try {
      await unblockEntry(getDb(), entry.id, reason, agent);
      await notifyBlocklistChanged().catch(() => undefined);
      onDone();
    } catch (err) {
      setError(t('saveFailed', String(err instanceof Error ? err.message : err)));
    }
  };
  const id = `remove-${entry.id}`;
  return (
    <form onSubmit={submit} class="row" aria-label={t('removeEntryFor', formatNational(entry.e164))}>
      <div>
        <label for={id}>{t('removeReasonLabel')}</label>
        <input id={id} value={reason} onInput={(e) => setReason(e.currentTarget.value)} autoFocus />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="danger">
        {t('removeConfirm')}
      </button>
      <button type="button" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

function History({ e164 }: { e164: string }) {
  const events = useLiveQuery(() => historyFor(getDb(), e164), [e164], [] as AuditEvent[]);
  const locale = uiLocale();
  return (
    <ul class="history">
      {events.map((ev) => (
        <li key={ev.id}>
          {formatDateTime(ev.at, locale)} — {auditActionLabel(ev.action)} — {ev.actor}: {reasonText(ev.reason)}
        </li>
      ))}
    </ul>
  );
}

/** Search by number in any spelling; see entries, their history, and remove one with a reason. */
export function EntryList({ agent }: { agent: string }) {
  const [query, setQuery] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const clientNames = useClientNames();
  const trimmed = query.trim();
  const parsed = trimmed ? parsePhoneInput(trimmed) : null;
  const e164 = parsed?.ok ? parsed.e164 : null;
  const db = getDb();
  const total = useLiveQuery(() => db.blocks.count(), [], 0);
  const entries = useLiveQuery(
    () => (e164 ? db.blocks.where('e164').equals(e164).toArray() : db.blocks.orderBy('createdAt').reverse().limit(limit).toArray()),
    [e164, limit],
    [] as BlockEntry[],
  );
  const registerHit = useRegisterHit(e164);
  const locale = uiLocale();

  return (
    <section class="card" aria-labelledby="entries-title">
      <h2 id="entries-title">{t('entriesTitle', String(total))}</h2>
      <label for="search">{t('searchLabel')}</label>
      <input id="search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder="412 34 567" />
      {parsed && !parsed.ok && (
        <p class="error" role="alert">
          {t('searchInvalid', rejectionText(parsed.reason))}
        </p>
      )}
      {e164 && registerHit && <RegisterSearchHit snapshot={registerHit} />}
      {e164 && entries.length === 0 && !registerHit && <p class="notice ok">{t('searchNotBlocked', formatNational(e164))}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('colNumber')}</th>
            <th>{t('colSource')}</th>
            <th>{t('colReason')}</th>
            <th>{t('colAddedBy')}</th>
            <th>{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-e164={entry.e164}>
              <td class="mono">
                {formatNational(entry.e164)}
                <br />
                <span class="muted">{entry.e164}</span>
              </td>
              <td>
                <span class="tag">{sourceLabel(entry.source)}</span>
                <br />
                <span class="muted">{scopeLabel(entry.scope, clientNames)}</span>
              </td>
              <td>
                {reasonText(entry.reason)}
                {e164 && <History e164={entry.e164} />}
              </td>
              <td>
                {entry.addedBy}
                <br />
                <span class="muted">{formatDateTime(entry.createdAt, locale)}</span>
              </td>
              <td>
                {removing === entry.id ? (
                  <RemoveForm entry={entry} agent={agent} onDone={() => setRemoving(null)} />
                ) : (
                  <button type="button" onClick={() => setRemoving(entry.id)} aria-label={t('removeEntryFor', formatNational(entry.e164))}>
                    {t('removeAction')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!e164 && total > entries.length && (
        <p>
          <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
            {t('showMore')}
          </button>
        </p>
      )}
    </section>
  );
}
