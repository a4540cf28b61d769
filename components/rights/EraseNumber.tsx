import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgentNameGate } from '@/components/AgentNameGate';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { formatInternational } from '@/lib/phone/detect';
import { AnonymiseError, anonymise, previewAnonymise } from '@/lib/rights/anonymise';
import { reportKey } from './open-report';
import './rights.css';

/**
 * Session storage may hold the erased number: the side panel's `currentNumber`, and the
 * number of each printable report opened (under its token, see open-report.ts), which a
 * report tab reloaded from history would show again. All of them go.
 */
async function forgetNumberInSession(e164: string): Promise<void> {
  try {
    const stored = await browser.storage.session.get(null);
    const keys = Object.entries(stored)
      .filter(([key, value]) =>
        key === 'currentNumber' ? (value as { e164?: unknown } | undefined)?.e164 === e164 : key.startsWith(reportKey('')) && value === e164,
      )
      .map(([key]) => key);
    if (keys.length > 0) await browser.storage.session.remove(keys);
  } catch (error) {
    console.warn('[Kontaktvern] could not clear the number from session storage', error);
  }
}

function errorText(error: unknown): string {
  if (error instanceof AnonymiseError && error.code === 'reason-contains-number') return t('rightsEraseReasonHasNumber');
  return t('rightsEraseFailed', error instanceof Error ? error.message : String(error));
}

interface Counts {
  pending: number;
  blocks: number;
  /** Entries because the person asked not to be called (others were added by the company). */
  optOuts: number;
  history: number;
}

/**
 * Erasure of one person (GDPR Art. 17) by anonymisation: says what goes and
 * what stays (and why a block stays), asks for the agent's name and the last
 * four digits of the number, then runs `anonymise` and shows how many call
 * logs changed. Irreversible.
 */
export function EraseNumber({ e164, onClose, idPrefix = 'erase' }: { e164: string; onClose?: () => void; idPrefix?: string }) {
  const db = getDb();
  const counts = useLiveQuery<Counts | null>(
    async () => ({
      pending: await previewAnonymise(db, { kind: 'number', e164 }),
      blocks: await db.blocks.where('e164').equals(e164).count(),
      optOuts: await db.blocks
        .where('e164')
        .equals(e164)
        .filter((b) => b.source === 'opt-out')
        .count(),
      history: await db.audit.where('e164').equals(e164).count(),
    }),
    [e164],
    null,
  );
  const [confirm, setConfirm] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<number | null>(null);

  const lastFour = e164.replace(/\D/g, '').slice(-4);
  const titleId = `${idPrefix}-title`;

  const run = async (agent: string) => {
    if (confirm.replace(/\D/g, '') !== lastFour) {
      setError(t('rightsEraseConfirmMismatch'));
      return;
    }
    setError('');
    setRunning(true);
    try {
      const count = await anonymise(db, { kind: 'number', e164 }, agent, Date.now(), reference.trim() || t('rightsAuditNumberErased'));
      await forgetNumberInSession(e164);
      setResult(count);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section class="rights-erase" aria-labelledby={titleId} data-testid="erase-number">
      <h3 id={titleId}>{t('rightsEraseTitle', formatInternational(e164))}</h3>
      {result !== null ? (
        <>
          <p class="notice ok" role="status" data-testid="erase-result">
            {t('rightsEraseDone', String(result))}
          </p>
          {counts && counts.blocks > 0 && <p>{t('rightsEraseStillBlocked')}</p>}
          {onClose && (
            <button type="button" onClick={onClose}>
              {t('actionClose')}
            </button>
          )}
        </>
      ) : !counts ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : (
        <>
          <p>{t('rightsEraseWhatHappens')}</p>
          <ul class="rights-list">
            <li>{t('rightsEraseRemoves', String(counts.pending))}</li>
            <li>{t('rightsEraseKeeps')}</li>
            <li>{t('rightsEraseNoTrace')}</li>
            {counts.blocks > 0 ? (
              <li data-testid="erase-block-stays">
                <strong>{counts.optOuts > 0 ? t('rightsEraseBlockStays') : t('rightsEraseInternalBlockStays')}</strong>
              </li>
            ) : (
              <li>{t('rightsEraseNotBlocked')}</li>
            )}
            {counts.history > 0 && <li>{t('rightsEraseHistoryStays')}</li>}
          </ul>
          <p class="notice bad">
            <strong>{t('rightsEraseIrreversible')}</strong>
          </p>
          <AgentNameGate>
            {(agent) => (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(agent);
                }}
              >
                <p class="muted rights-small">{t('signedInAs', agent)}</p>
                <label for={`${idPrefix}-reference`}>{t('rightsEraseReference')}</label>
                <input id={`${idPrefix}-reference`} value={reference} maxLength={200} onInput={(e) => setReference(e.currentTarget.value)} />
                <label for={`${idPrefix}-confirm`}>{t('rightsEraseConfirmLabel')}</label>
                <input
                  id={`${idPrefix}-confirm`}
                  class="rights-confirm-input mono"
                  inputMode="numeric"
                  autoComplete="off"
                  value={confirm}
                  onInput={(e) => setConfirm(e.currentTarget.value)}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${idPrefix}-error` : undefined}
                />
                {error && (
                  <p id={`${idPrefix}-error`} class="error" role="alert">
                    {error}
                  </p>
                )}
                <div class="rights-actions">
                  <button type="submit" class="danger" disabled={running || confirm.replace(/\D/g, '').length !== 4}>
                    {t('rightsEraseRun')}
                  </button>
                  {onClose && (
                    <button type="button" onClick={onClose} disabled={running}>
                      {t('cancel')}
                    </button>
                  )}
                </div>
              </form>
            )}
          </AgentNameGate>
        </>
      )}
    </section>
  );
}
