import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { type Client, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { deleteClient } from '@/lib/setup/setup-store';
import { ClientForm } from './ClientForm';
import { NoAgreementWarning } from './NoAgreementWarning';
import { deletionByLabel, formatIsoDate } from '@/components/setup-labels';

/** "912 345 678" for display. */
function spacedOrgNumber(orgNumber: string): string {
  return orgNumber.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

function ClientRow({ agent, client, campaigns, onEdit }: { agent: string; client: Client; campaigns: number; onEdit: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const remove = async () => {
    setMessage('');
    try {
      const result = await deleteClient(getDb(), client.id, agent, { reason: t('setupAuditClientDeleted', client.name) });
      if (result.ok) return;
      setConfirming(false);
      setMessage(
        result.reason === 'in-use'
          ? t('setupClientInUse', String(result.count))
          : result.reason === 'client-blocks'
            ? t('setupClientHasBlocks', String(result.count))
            : t('setupNotFound'),
      );
    } catch (error) {
      setConfirming(false);
      setMessage(t('saveFailed', error instanceof Error ? error.message : String(error)));
    }
  };
  const a = client.agreement;
  return (
    <li class="setup-item" data-testid="client-row" aria-label={client.name}>
      <div class="item-head">
        <div>
          <strong class="item-name">{client.name}</strong> <span class="muted">{t('setupOrgNumberShort', spacedOrgNumber(client.orgNumber))}</span>
          {client.contact && <div class="muted">{client.contact}</div>}
        </div>
        <div class="actions">
          <button type="button" onClick={onEdit} aria-label={t('setupEditNamed', client.name)}>
            {t('setupEdit')}
          </button>
          {confirming ? (
            <>
              <button type="button" class="danger" onClick={() => void remove()}>
                {t('setupConfirmDelete')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('setupCancel')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => (campaigns > 0 ? setMessage(t('setupClientInUse', String(campaigns))) : setConfirming(true))} aria-label={t('setupDeleteNamed', client.name)}>
              {t('setupDelete')}
            </button>
          )}
        </div>
      </div>
      {a ? (
        <p class="agreement-line">
          {t('setupAgreementSummary', [a.reference, formatIsoDate(a.signedDate), deletionByLabel(a.deletionBy), a.deletionWhen])}
          {a.notes && <span class="muted"> · {a.notes}</span>}
        </p>
      ) : (
        <NoAgreementWarning />
      )}
      {message && (
        <p class="notice bad" role="alert">
          {message}
        </p>
      )}
    </li>
  );
}

/** Clients (controllers) with their data processing agreements. */
export function ClientsSection({ agent }: { agent: string }) {
  const db = getDb();
  const clients = useLiveQuery(() => db.clients.orderBy('name').toArray(), [], null as Client[] | null);
  const counts = useLiveQuery(
    async () => {
      const map = new Map<string, number>();
      await db.campaigns.each((c) => map.set(c.clientId, (map.get(c.clientId) ?? 0) + 1));
      return map;
    },
    [],
    new Map<string, number>(),
  );
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState('');

  const done = (client: Client | null) => {
    setEditing(null);
    setSaved(client ? t('setupSavedNamed', client.name) : '');
  };

  return (
    <section class="card" aria-labelledby="clients-title">
      <h2 id="clients-title">{t('setupClientsTitle')}</h2>
      <p class="muted">{t('setupClientsHelp')}</p>
      {clients === null ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : clients.length === 0 && editing !== 'new' ? (
        <p class="muted">{t('setupNoClients')}</p>
      ) : (
        <ul class="setup-list" aria-label={t('setupClientsTitle')}>
          {clients.map((client) =>
            editing === client.id ? (
              <li key={client.id} class="setup-item editing">
                <ClientForm agent={agent} client={client} onDone={done} />
              </li>
            ) : (
              <ClientRow
                key={client.id}
                agent={agent}
                client={client}
                campaigns={counts.get(client.id) ?? 0}
                onEdit={() => {
                  setSaved('');
                  setEditing(client.id);
                }}
              />
            ),
          )}
        </ul>
      )}
      {saved && (
        <p class="notice ok" role="status">
          {saved}
        </p>
      )}
      {editing === 'new' ? (
        <div class="setup-item editing">
          <ClientForm agent={agent} client={null} onDone={done} />
        </div>
      ) : (
        <button
          type="button"
          class="primary"
          onClick={() => {
            setSaved('');
            setEditing('new');
          }}
        >
          {t('setupClientAddButton')}
        </button>
      )}
    </section>
  );
}
