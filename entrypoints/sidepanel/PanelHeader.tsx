import { browser } from 'wxt/browser';
import { callingAllowedFrom, callingBlockReason } from '@/components/calling-hours-text';
import { RegisterFreshness } from '@/components/RegisterFreshness';
import { campaignTypeLabel } from '@/components/setup-labels';
import type { Campaign, Client } from '@/lib/db';
import { formatTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import type { RegisterState, WorkContext } from '@/lib/messages';

/**
 * The panel's header: which campaign the agent calls for, and everything that
 * must stop or warn them before a call: no agreement with the client, calling
 * hours, a stale register.
 */
export function PanelHeader({
  context,
  campaigns,
  clients,
  register,
  onChoose,
}: {
  context: WorkContext | null;
  campaigns: Campaign[] | null;
  clients: Client[];
  register: RegisterState | null;
  onChoose: (campaignId: string | null) => void;
}) {
  const active = context?.campaign ?? null;
  const hours = context?.hours;
  const byClient = new Map<string, Campaign[]>();
  for (const c of campaigns ?? []) byClient.set(c.clientId, [...(byClient.get(c.clientId) ?? []), c]);
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id;
  return (
    <header class="panel-header">
      {campaigns && campaigns.length === 0 ? (
        <div class="notice warn" role="status">
          <p>{t('panelNoCampaigns')}</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('panelOpenOptions')}
          </button>
        </div>
      ) : (
        <>
          <label for="campaign">{t('panelCampaign')}</label>
          <select id="campaign" value={active?.id ?? ''} onChange={(e) => onChoose(e.currentTarget.value || null)}>
            <option value="">{t('panelChooseCampaign')}</option>
            {[...byClient].map(([clientId, list]) => (
              <optgroup key={clientId} label={clientName(clientId)}>
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {active && (
            <p class="muted small">
              {t('panelClientOf', active.clientName)} · {campaignTypeLabel(active.type)}
            </p>
          )}
          {campaigns && !active && (
            <p class="notice warn" role="status">
              {t('panelChooseCampaign')}
            </p>
          )}
        </>
      )}
      {active && !active.hasAgreement && (
        <p class="notice bad" role="alert" data-warning="no-agreement">
          {t('panelNoAgreement', active.clientName)}
        </p>
      )}
      {hours && !hours.allowed && (
        <div class="notice bad" role="alert" data-warning="calling-hours">
          <p>
            <strong>{t('hoursNotAllowed')}</strong>
          </p>
          {!active && <p class="small">{t('panelHoursDefaultRules')}</p>}
          <p>{callingBlockReason(hours)}</p>
          <p class="small">{callingAllowedFrom(hours)}</p>
        </div>
      )}
      {active && hours?.allowed && (
        <p class="muted small" data-hours="allowed">
          {hours.exempt ? t('panelHoursExempt') : hours.until !== null ? t('panelHoursAllowedUntil', formatTime(hours.until, uiLocale())) : ''}
        </p>
      )}
      {register && register.state !== 'fresh' && <RegisterFreshness state={register} compact />}
    </header>
  );
}
