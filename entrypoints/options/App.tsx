import { useEffect, useState } from 'preact/hooks';
import { AgentNameField, saveAgentName } from '@/components/AgentNameField';
import { AgentNameGate } from '@/components/AgentNameGate';
import { AccessLookup } from '@/components/rights/AccessLookup';
import { EraseScope } from '@/components/rights/EraseScope';
import { useSiteRules } from '@/components/use-site-rules';
import { t } from '@/lib/i18n';
import { normaliseSite, type SiteRules } from '@/lib/site-rules';
import { CampaignsSection } from './CampaignsSection';
import { ClientsSection } from './ClientsSection';
import { ProcessorSettings } from './ProcessorSettings';
import { SetupTransfer } from './SetupTransfer';
import { UnverifiedSetting } from './UnverifiedSetting';

function SiteList({ id, label, sites, onSave }: { id: string; label: string; sites: string[]; onSave: (sites: string[]) => Promise<void> }) {
  const [text, setText] = useState(sites.join('\n'));
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState('');
  useEffect(() => setText(sites.join('\n')), [sites.join('\n')]);
  const save = async (e: Event) => {
    e.preventDefault();
    const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const bad = lines.filter((l) => normaliseSite(l) === null);
    setProblems(bad);
    setSaved(false);
    setFailure('');
    if (bad.length > 0) return;
    try {
      await onSave([...new Set(lines.map((l) => normaliseSite(l)!))]);
    } catch (error) {
      setFailure(t('saveFailed', error instanceof Error ? error.message : String(error)));
      return;
    }
    setSaved(true);
  };
  return (
    <form onSubmit={save}>
      <label for={id}>{label}</label>
      <textarea id={id} value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder={'crm.example.no\n*.lightning.force.com'} />
      {problems.length > 0 && (
        <div class="notice bad" role="alert">
          <p>{t('sitesInvalid')}</p>
          <ul class="problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <p class="notice bad" role="alert">
          {failure}
        </p>
      )}
      {saved && <p class="notice ok">{t('saved')}</p>}
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}

function AgentName({ agent }: { agent: string }) {
  const [draft, setDraft] = useState(agent);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        const problem = await saveAgentName(draft);
        setError(problem);
        setSaved(problem === '');
      }}
    >
      <h2>{t('agentNameLabel')}</h2>
      <label for="agent">{t('agentNameLabel')}</label>
      <AgentNameField id="agent" value={draft} error={error} onInput={setDraft} onError={setError} />
      {saved && <p class="notice ok">{t('saved')}</p>}
      <p>
        <button type="submit" class="primary">
          {t('save')}
        </button>
      </p>
    </form>
  );
}

export function App() {
  const [rules, saveRules] = useSiteRules();
  const update = (patch: Partial<SiteRules>) => (rules ? saveRules({ ...rules, ...patch }) : Promise.resolve());
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <AgentNameGate>
        {(agent) => (
          <>
            <nav class="page-nav" aria-label={t('setupPageNav')}>
              <a href="#clients-title">{t('setupClientsTitle')}</a>
              <a href="#campaigns-title">{t('setupCampaignsTitle')}</a>
              <a href="#setup-transfer-title">{t('setupTransferTitle')}</a>
              <a href="#processor-title">{t('setupProcessorTitle')}</a>
              <a href="#options-access-title">{t('rightsAccessTitle')}</a>
              <a href="#sites-title">{t('sitesTitle')}</a>
            </nav>
            <AgentName agent={agent} />
            <UnverifiedSetting agent={agent} />
            <ClientsSection agent={agent} />
            <CampaignsSection agent={agent} />
            <SetupTransfer agent={agent} />
            <ProcessorSettings agent={agent} />
            <AccessLookup idPrefix="options-access" />
            <EraseScope idPrefix="options-erase-scope" />
          </>
        )}
      </AgentNameGate>
      {rules && (
        <section class="card" aria-labelledby="sites-title">
          <h2 id="sites-title">{t('sitesTitle')}</h2>
          <fieldset>
            <legend class="sr-only">{t('sitesTitle')}</legend>
            <label>
              <input type="radio" name="mode" checked={rules.mode === 'all-except'} onChange={() => void update({ mode: 'all-except' })} />{' '}
              {t('sitesModeAllExcept')}
            </label>
            <label>
              <input type="radio" name="mode" checked={rules.mode === 'only-listed'} onChange={() => void update({ mode: 'only-listed' })} />{' '}
              {t('sitesModeOnlyListed')}
            </label>
          </fieldset>
          {rules.mode === 'all-except' ? (
            <SiteList id="disabled-sites" label={t('sitesDisabledLabel')} sites={rules.disabled} onSave={(disabled) => update({ disabled })} />
          ) : (
            <SiteList id="allowed-sites" label={t('sitesAllowedLabel')} sites={rules.allowed} onSave={(allowed) => update({ allowed })} />
          )}
          <p class="muted">{t('sitesHelp')}</p>
        </section>
      )}
    </main>
  );
}
