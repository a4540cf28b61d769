import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '@/components/ask-background';
import { NumberStatusView, useNumberStatus } from '@/components/NumberStatusView';
import { AccessLookup } from '@/components/rights/AccessLookup';
import { rejectionText } from '@/components/rejection-text';
import { useLiveQuery } from '@/components/use-live-query';
import { useRegisterState } from '@/components/use-register-state';
import { useWorkContext } from '@/components/use-work-context';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { PageRequest } from '@/lib/messages';
import { parsePhoneInput } from '@/lib/phone/detect';
import { getSetting, setSetting } from '@/lib/settings';
import { OutcomeForm } from './OutcomeForm';
import { PageFields } from './PageFields';
import { PanelHeader } from './PanelHeader';
import { TodaysLog } from './TodaysLog';
import { useCurrentNumber } from './use-current-number';

/**
 * The agent's side panel: the campaign and what must stop a call (header),
 * the current number, logging the call's outcome, why each field on the CRM
 * page is stored, and today's calls.
 */
export function App() {
  const db = getDb();
  const { context, refresh } = useWorkContext();
  const campaigns = useLiveQuery(() => db.campaigns.orderBy('name').toArray(), [], null);
  const clients = useLiveQuery(() => db.clients.toArray(), [], []);
  const agent = useLiveQuery(() => getSetting(db, 'agentName'), [], '');
  // Any change to the block list (in any tab) re-checks the numbers shown.
  const revision = useLiveQuery(() => db.audit.count(), [], 0);
  const register = useRegisterState(revision);
  const current = useCurrentNumber();
  const [typed, setTyped] = useState('');
  const [accessFor, setAccessFor] = useState<string | null>(null);
  const parsed = typed.trim() ? parsePhoneInput(typed) : null;
  const e164 = parsed?.ok ? parsed.e164 : parsed ? null : (current?.e164 ?? null);
  // One status for the number shown and the number the log form uses (they are the same number).
  const status = useNumberStatus(e164, revision);
  const campaign = campaigns?.find((c) => c.id === context?.campaign?.id) ?? null;

  // The set-up changed under the active campaign (renamed, deleted, client's agreement edited): ask again.
  useEffect(() => refresh(), [campaigns, clients]);

  const choose = async (campaignId: string | null) => {
    await setSetting(db, 'activeCampaignId', campaignId);
    await askBackground(PageRequest.ContextChanged, {});
    refresh();
  };

  return (
    <main class="sidepanel">
      <h1>{t('sidepanelTitle')}</h1>
      <PanelHeader context={context} campaigns={campaigns} clients={clients} register={register} onChoose={(id) => void choose(id)} />
      <section class="card" aria-labelledby="current-title">
        <h2 id="current-title">{t('currentNumberTitle')}</h2>
        {current && !typed.trim() ? (
          <NumberStatusView e164={current.e164} status={status} />
        ) : (
          !typed.trim() && <p class="muted">{t('currentNumberNone')}</p>
        )}
        <label for="check">{t('panelTypeNumber')}</label>
        <input id="check" type="tel" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} placeholder="412 34 567" autocomplete="off" />
        {parsed && !parsed.ok && (
          <p class="error" role="alert">
            {t('searchInvalid', rejectionText(parsed.reason))}
          </p>
        )}
        {parsed?.ok && <NumberStatusView e164={parsed.e164} status={status} />}
      </section>
      <OutcomeForm campaign={campaign} clientName={context?.campaign?.clientName ?? ''} e164={e164} agent={agent} blocked={status?.blocked === true} />
      {campaign && <PageFields campaign={campaign} />}
      <TodaysLog agent={agent} campaigns={campaigns ?? []} />
      <details class="card access" onToggle={(e) => setAccessFor(e.currentTarget.open ? (e164 ?? '') : null)}>
        <summary>{t('panelRightsLink')}</summary>
        {/* The number at the moment the section opened: a later click on the page does not switch the report under the agent. */}
        {accessFor !== null && <AccessLookup idPrefix="panel-access" initialNumber={accessFor} />}
      </details>
      <nav class="panel-links">
        <a href={browser.runtime.getURL('/rights.html')} target="_blank" rel="noopener">
          {t('panelRightsPage')}
        </a>
        <a href={browser.runtime.getURL('/blocklist.html')} target="_blank" rel="noopener">
          {t('panelBlocklistLink')}
        </a>
      </nav>
    </main>
  );
}
