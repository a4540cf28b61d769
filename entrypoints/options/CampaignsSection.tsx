import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/use-live-query';
import { type Campaign, type Client, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { deleteCampaign } from '@/lib/setup/setup-store';
import { CampaignForm } from './CampaignForm';
import { FieldCatalogue } from './FieldCatalogue';
import { NoAgreementWarning } from './NoAgreementWarning';
import { campaignTypeHelp, campaignTypeLabel, optOutScopeLabel, outcomeLabel } from '@/components/setup-labels';

function CampaignItem({
  agent,
  campaign,
  client,
  campaigns,
  onEdit,
}: {
  agent: string;
  campaign: Campaign;
  client: Client | undefined;
  campaigns: Campaign[];
  onEdit: () => void;
}) {
  const [showFields, setShowFields] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const remove = async () => {
    setMessage('');
    try {
      const result = await deleteCampaign(getDb(), campaign.id, agent, { reason: t('setupAuditCampaignDeleted', campaign.name) });
      if (result.ok) return;
      setConfirming(false);
      setMessage(result.reason === 'in-use' ? t('setupCampaignInUse', String(result.count)) : t('setupNotFound'));
    } catch (error) {
      setConfirming(false);
      setMessage(t('saveFailed', error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <li class="setup-item" data-testid="campaign-row" aria-label={campaign.name}>
      <div class="item-head">
        <div>
          <strong class="item-name">{campaign.name}</strong> <span class="tag neutral">{campaignTypeLabel(campaign.type)}</span>
          <div class="muted small">{campaignTypeHelp(campaign.type)}</div>
        </div>
        <div class="actions">
          <button type="button" onClick={onEdit} aria-label={t('setupEditNamed', campaign.name)}>
            {t('setupEdit')}
          </button>
          <button type="button" aria-expanded={showFields} onClick={() => setShowFields((s) => !s)} aria-label={t('setupFieldsButtonNamed', campaign.name)}>
            {t('setupFieldsButton', String(campaign.fields.length))}
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
            <button type="button" onClick={() => setConfirming(true)} aria-label={t('setupDeleteNamed', campaign.name)}>
              {t('setupDelete')}
            </button>
          )}
        </div>
      </div>
      {client && client.agreement === null && <NoAgreementWarning compact />}
      <dl class="facts">
        <dt>{t('setupCampaignRetention')}</dt>
        <dd>{t('setupDays', String(campaign.logRetentionDays))}</dd>
        <dt>{t('setupCampaignOptOutScope')}</dt>
        <dd>{optOutScopeLabel(campaign.optOutScope)}</dd>
        <dt>{t('setupCampaignSites')}</dt>
        <dd class="mono">{campaign.sites.length ? campaign.sites.join(', ') : <span class="muted">{t('setupNoSites')}</span>}</dd>
        <dt>{t('setupOutcomesTitle')}</dt>
        <dd>{campaign.outcomes.map(outcomeLabel).join(' · ')}</dd>
      </dl>
      {message && (
        <p class="notice bad" role="alert">
          {message}
        </p>
      )}
      {showFields && <FieldCatalogue agent={agent} campaign={campaign} campaigns={campaigns} />}
    </li>
  );
}

/** Campaigns (customer lists), grouped by client. */
export function CampaignsSection({ agent }: { agent: string }) {
  const db = getDb();
  const data = useLiveQuery(
    () => db.transaction('r', db.clients, db.campaigns, async () => ({ clients: await db.clients.orderBy('name').toArray(), campaigns: await db.campaigns.orderBy('name').toArray() })),
    [],
    null as { clients: Client[]; campaigns: Campaign[] } | null,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  if (data === null) return null;
  const { clients, campaigns } = data;
  const clientById = new Map(clients.map((c) => [c.id, c]));
  // A campaign whose client is gone cannot happen through the store, but is shown rather than hidden.
  const groups: { client: Client | undefined; clientId: string; campaigns: Campaign[] }[] = clients.map((c) => ({ client: c, clientId: c.id, campaigns: campaigns.filter((x) => x.clientId === c.id) }));
  for (const c of campaigns) if (!clientById.has(c.clientId) && !groups.some((g) => g.clientId === c.clientId)) groups.push({ client: undefined, clientId: c.clientId, campaigns: campaigns.filter((x) => x.clientId === c.clientId) });

  const done = (campaign: Campaign | null) => {
    setEditing(null);
    setAdding(null);
    setSaved(campaign ? t('setupSavedNamed', campaign.name) : '');
  };

  return (
    <section class="card" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t('setupCampaignsTitle')}</h2>
      <p class="muted">{t('setupCampaignsHelp')}</p>
      {clients.length === 0 && <p class="muted">{t('setupCampaignsNeedClient')}</p>}
      {saved && (
        <p class="notice ok" role="status">
          {saved}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.clientId} class="client-group" aria-label={group.client?.name ?? group.clientId}>
          <h3>{group.client?.name ?? t('setupUnknownClient', group.clientId)}</h3>
          {group.campaigns.length === 0 && adding !== group.clientId && <p class="muted">{t('setupNoCampaigns')}</p>}
          <ul class="setup-list">
            {group.campaigns.map((campaign) =>
              editing === campaign.id ? (
                <li key={campaign.id} class="setup-item editing">
                  <CampaignForm agent={agent} campaign={campaign} clients={clients} defaultClientId={campaign.clientId} onDone={done} />
                </li>
              ) : (
                <CampaignItem
                  key={campaign.id}
                  agent={agent}
                  campaign={campaign}
                  client={group.client}
                  campaigns={campaigns}
                  onEdit={() => {
                    setSaved('');
                    setAdding(null);
                    setEditing(campaign.id);
                  }}
                />
              ),
            )}
          </ul>
          {group.client &&
            (adding === group.clientId ? (
              <div class="setup-item editing">
                <CampaignForm agent={agent} campaign={null} clients={clients} defaultClientId={group.clientId} onDone={done} />
              </div>
            ) : (
              <button
                type="button"
                onClick={() => {
                  setSaved('');
                  setEditing(null);
                  setAdding(group.clientId);
                }}
                aria-label={t('setupCampaignAddFor', group.client.name)}
              >
                {t('setupCampaignAddButton')}
              </button>
            ))}
        </section>
      ))}
    </section>
  );
}
