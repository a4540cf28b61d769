import { useState } from 'preact/hooks';
import { AgentNameGate } from '@/components/AgentNameGate';
import { useLiveQuery } from '@/components/use-live-query';
import { type Campaign, type Client, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { type AnonymiseScope, anonymise, previewAnonymise } from '@/lib/rights/anonymise';
import './rights.css';

type Kind = 'client' | 'campaign';

const normalised = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * Erasure of everything a client or a campaign logged (e.g. the end of a data
 * processing agreement): choose the client or the campaign, see how many call
 * logs will be anonymised, type its name to confirm, run. Block-list entries
 * are not touched.
 */
export function EraseScope({ idPrefix = 'erase-scope' }: { idPrefix?: string }) {
  const db = getDb();
  const clients = useLiveQuery(() => db.clients.orderBy('name').toArray(), [], null as Client[] | null);
  const campaigns = useLiveQuery(() => db.campaigns.orderBy('name').toArray(), [], [] as Campaign[]);
  const [kind, setKind] = useState<Kind>('client');
  const [id, setId] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ count: number; name: string } | null>(null);

  const scope: AnonymiseScope | null = !id ? null : kind === 'client' ? { kind: 'client', clientId: id } : { kind: 'campaign', campaignId: id };
  const preview = useLiveQuery(() => (scope ? previewAnonymise(db, scope) : null), [kind, id], null as number | null);

  const clientName = (clientId: string) => clients?.find((c) => c.id === clientId)?.name ?? clientId;
  const chosenName = !id ? '' : kind === 'client' ? (clients?.find((c) => c.id === id)?.name ?? '') : (campaigns.find((c) => c.id === id)?.name ?? '');
  const confirmed = chosenName !== '' && normalised(confirm) === normalised(chosenName);

  const choose = (nextKind: Kind, nextId: string) => {
    setKind(nextKind);
    setId(nextId);
    setConfirm('');
    setError('');
    setResult(null);
  };

  const run = async (agent: string) => {
    if (!scope) return;
    if (!confirmed) {
      setError(t('rightsScopeConfirmMismatch'));
      return;
    }
    setRunning(true);
    setError('');
    try {
      const reason = scope.kind === 'campaign' ? t('rightsAuditCampaignErased', chosenName) : t('rightsAuditClientErased', chosenName);
      const count = await anonymise(db, scope, agent, Date.now(), reason);
      setResult({ count, name: chosenName });
      setConfirm('');
    } catch (e) {
      setError(t('rightsEraseFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setRunning(false);
    }
  };

  const titleId = `${idPrefix}-title`;
  return (
    <section class="card rights" aria-labelledby={titleId} data-testid="erase-scope">
      <h2 id={titleId}>{t('rightsScopeTitle')}</h2>
      <p class="muted">{t('rightsScopeHelp')}</p>
      {clients === null ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : clients.length === 0 ? (
        <p class="muted">{t('rightsScopeNoClients')}</p>
      ) : (
        <AgentNameGate>
          {(agent) => (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run(agent);
              }}
            >
              <fieldset>
                <legend class="rights-legend">{t('rightsScopeKind')}</legend>
                <label>
                  <input type="radio" name={`${idPrefix}-kind`} checked={kind === 'client'} onChange={() => choose('client', '')} />
                  {t('rightsScopeClient')}
                </label>
                <label>
                  <input type="radio" name={`${idPrefix}-kind`} checked={kind === 'campaign'} onChange={() => choose('campaign', '')} />
                  {t('rightsScopeCampaign')}
                </label>
              </fieldset>
              <label for={`${idPrefix}-target`}>{kind === 'client' ? t('rightsColClient') : t('rightsColCampaign')}</label>
              <select id={`${idPrefix}-target`} value={id} onChange={(e) => choose(kind, e.currentTarget.value)}>
                <option value="">{t('rightsChoose')}</option>
                {kind === 'client'
                  ? clients.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))
                  : campaigns.map((c) => (
                      <option key={c.id} value={c.id}>
                        {t('rightsCampaignOfClient', [c.name, clientName(c.clientId)])}
                      </option>
                    ))}
              </select>

              {scope && preview !== null && (
                <>
                  <p class={preview > 0 ? 'notice warn' : 'notice ok'} role="status" data-testid="scope-preview" data-count={preview}>
                    {preview > 0 ? t('rightsScopePreview', [String(preview), chosenName]) : t('rightsScopeNothing', chosenName)}
                  </p>
                  {preview > 0 && (
                    <>
                      <p class="notice bad">
                        <strong>{t('rightsEraseIrreversible')}</strong>
                      </p>
                      <p class="muted rights-small">{t('signedInAs', agent)}</p>
                      <label for={`${idPrefix}-confirm`}>{t('rightsScopeConfirmLabel', chosenName)}</label>
                      <input
                        id={`${idPrefix}-confirm`}
                        class="rights-confirm-input"
                        autoComplete="off"
                        value={confirm}
                        onInput={(e) => setConfirm(e.currentTarget.value)}
                        aria-invalid={error ? 'true' : undefined}
                        aria-describedby={error ? `${idPrefix}-error` : undefined}
                      />
                      <div class="rights-actions">
                        <button type="submit" class="danger" disabled={running || confirm.trim() === ''}>
                          {t('rightsScopeRun', String(preview))}
                        </button>
                      </div>
                    </>
                  )}
                </>
              )}
              {error && (
                <p id={`${idPrefix}-error`} class="error" role="alert">
                  {error}
                </p>
              )}
              {result && (
                <p class="notice ok" role="status" data-testid="scope-result">
                  {t('rightsScopeDone', [String(result.count), result.name])}
                </p>
              )}
            </form>
          )}
        </AgentNameGate>
      )}
    </section>
  );
}
