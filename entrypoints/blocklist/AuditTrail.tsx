import { useState } from 'preact/hooks';
import { sourceLabel } from '@/components/block-status';
import { auditActionLabel } from '@/components/setup-labels';
import { useLiveQuery } from '@/components/use-live-query';
import { type AuditEvent, getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { formatNational } from '@/lib/phone/detect';
import { actorName } from '@/components/setup-labels';
import { reasonText } from '@/components/reason-text';

/** The append-only audit trail, newest first. */
export function AuditTrail() {
  const [limit, setLimit] = useState(100);
  const db = getDb();
  const events = useLiveQuery(() => db.audit.orderBy('at').reverse().limit(limit).toArray(), [limit], [] as AuditEvent[]);
  const total = useLiveQuery(() => db.audit.count(), [], 0);
  const locale = uiLocale();
  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('colWhen')}</th>
            <th>{t('colWho')}</th>
            <th>{t('colWhat')}</th>
            <th>{t('colNumber')}</th>
            <th>{t('colReason')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((ev) => (
            <tr key={ev.id}>
              <td>{formatDateTime(ev.at, locale)}</td>
              <td>{actorName(ev.actor)}</td>
              <td>
                {auditActionLabel(ev.action)}
                {ev.source && <span class="muted"> · {sourceLabel(ev.source)}</span>}
              </td>
              <td class="mono">{ev.e164 ? formatNational(ev.e164) : ''}</td>
              <td>{reasonText(ev.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > events.length && (
        <p>
          <button type="button" onClick={() => setLimit((n) => n + 100)}>
            {t('showMore')}
          </button>
        </p>
      )}
    </section>
  );
}
