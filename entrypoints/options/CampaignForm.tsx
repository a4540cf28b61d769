import { useState } from 'preact/hooks';
import { CAMPAIGN_TYPES, type Campaign, type CampaignType, type Client, type Outcome, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { defaultOutcomes, saveCampaign } from '@/lib/setup/setup-store';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type SetupProblem } from '@/lib/setup/validate';
import { normaliseSite } from '@/lib/site-rules';
import { NoAgreementWarning } from './NoAgreementWarning';
import { OutcomesEditor } from './OutcomesEditor';
import { campaignTypeHelp, campaignTypeLabel, optOutScopeLabel, problemMap, problemText, selectorIsValid } from '@/components/setup-labels';
import { FieldError, TextField, describedBy } from './TextField';

interface Draft {
  clientId: string;
  name: string;
  type: CampaignType;
  days: string;
  outcomes: Outcome[];
  sites: string;
  optOutScope: Campaign['optOutScope'];
}

function draftOf(campaign: Campaign | null, clientId: string): Draft {
  return {
    clientId: campaign?.clientId ?? clientId,
    name: campaign?.name ?? '',
    type: campaign?.type ?? 'consumer-telemarketing',
    days: String(campaign?.logRetentionDays ?? 90),
    outcomes: campaign?.outcomes ?? defaultOutcomes(),
    sites: campaign?.sites.join('\n') ?? '',
    optOutScope: campaign?.optOutScope ?? 'client',
  };
}

/** What a person typed for the days, as the validator reads it ('' and words are not numbers). */
function daysValue(text: string): number {
  return /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(text) ? Number(text.trim().replace(',', '.')) : Number.NaN;
}

/** Adds or edits a campaign (its field catalogue is edited separately and kept as it is). */
export function CampaignForm({
  agent,
  campaign,
  clients,
  defaultClientId,
  onDone,
}: {
  agent: string;
  campaign: Campaign | null;
  clients: Client[];
  defaultClientId: string;
  onDone: (saved: Campaign | null) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(campaign, defaultClientId));
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errors = problemMap(problems);
  const prefix = campaign ? `campaign-${campaign.id}` : 'campaign-new';
  const id = (name: string) => `${prefix}-${name}`;
  const siteLines = draft.sites.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const siteProblems = problems.filter((p) => p.path.startsWith('sites'));
  const client = clients.find((c) => c.id === draft.clientId);
  // The catalogue is edited elsewhere; its problems (rare: a stricter selector check) are listed here.
  const catalogueProblems = problems.filter((p) => p.path.startsWith('fields'));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    try {
      const result = await saveCampaign(
        getDb(),
        {
          ...(campaign ? { id: campaign.id } : {}),
          clientId: draft.clientId,
          name: draft.name,
          type: draft.type,
          logRetentionDays: daysValue(draft.days),
          outcomes: draft.outcomes,
          // Typed sites are normalised (https://CRM.example.no/x → crm.example.no); what cannot be stays as typed and is reported.
          sites: [...new Set(siteLines.map((l) => normaliseSite(l) ?? l))],
          optOutScope: draft.optOutScope,
          fields: campaign?.fields ?? [],
        },
        agent,
        { reason: campaign ? t('setupAuditCampaignChanged', draft.name.trim()) : t('setupAuditCampaignAdded', draft.name.trim()), selectorIsValid },
      );
      if (result.ok) {
        setProblems([]);
        onDone(result.value);
      } else {
        setProblems(result.problems);
      }
    } catch (error) {
      setFailure(t('saveFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  const sitesError = siteProblems.length > 0 ? t('setupSitesProblem') : undefined;
  return (
    <form class="setup-form" onSubmit={submit} noValidate aria-label={campaign ? t('setupCampaignEditTitle', campaign.name) : t('setupCampaignAddTitle')}>
      <h3>{campaign ? t('setupCampaignEditTitle', campaign.name) : t('setupCampaignAddTitle')}</h3>
      <div class="grid-2">
        <div class="form-field">
          <label for={id('client')}>{t('setupCampaignClient')}</label>
          <select id={id('client')} value={draft.clientId} onChange={(e) => set('clientId')(e.currentTarget.value)} {...describedBy(id('client'), errors.get('clientId'))}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id={id('client')} message={errors.get('clientId')} />
        </div>
        <TextField id={id('name')} label={t('setupCampaignName')} value={draft.name} onInput={set('name')} error={errors.get('name')} required maxLength={200} />
      </div>
      {client && client.agreement === null && <NoAgreementWarning compact />}
      <div class="grid-2">
        <div class="form-field">
          <label for={id('type')}>{t('setupCampaignType')}</label>
          <select id={id('type')} value={draft.type} onChange={(e) => set('type')(e.currentTarget.value as CampaignType)} {...describedBy(id('type'), errors.get('type'), true)}>
            {CAMPAIGN_TYPES.map((type) => (
              <option key={type} value={type}>
                {campaignTypeLabel(type)}
              </option>
            ))}
          </select>
          <p id={`${id('type')}-help`} class="muted help" data-testid="campaign-type-help">
            {campaignTypeHelp(draft.type)}
          </p>
          <FieldError id={id('type')} message={errors.get('type')} />
        </div>
        <TextField
          id={id('days')}
          type="number"
          label={t('setupCampaignRetention')}
          value={draft.days}
          onInput={set('days')}
          error={errors.get('logRetentionDays')}
          help={t('setupCampaignRetentionHelp', [String(MIN_RETENTION_DAYS), String(MAX_RETENTION_DAYS)])}
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          required
        />
      </div>

      <OutcomesEditor idPrefix={prefix} outcomes={draft.outcomes} onChange={set('outcomes')} errors={errors} />

      <div class="form-field">
        <label for={id('sites')}>{t('setupCampaignSites')}</label>
        <textarea id={id('sites')} class="sites" value={draft.sites} onInput={(e) => set('sites')(e.currentTarget.value)} placeholder={'crm.example.no\n*.lightning.force.com'} {...describedBy(id('sites'), sitesError, true)} />
        <p id={`${id('sites')}-help`} class="muted help">
          {t('setupCampaignSitesHelp')}
        </p>
        {sitesError && (
          <div id={`${id('sites')}-error`} class="error field-error">
            <p>{sitesError}</p>
            <ul class="problems">
              {siteProblems.map((p) => {
                const index = Number(/^sites\[(\d+)\]/.exec(p.path)?.[1] ?? -1);
                const normalised = [...new Set(siteLines.map((l) => normaliseSite(l) ?? l))];
                return <li key={p.path}>{index >= 0 ? t('setupSiteProblemLine', [normalised[index] ?? '', errors.get(p.path) ?? '']) : errors.get(p.path)}</li>;
              })}
            </ul>
          </div>
        )}
      </div>

      <fieldset class="scope-field">
        <legend class="legend-label">{t('setupCampaignOptOutScope')}</legend>
        {(['client', 'all'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name={id('scope')} checked={draft.optOutScope === scope} onChange={() => set('optOutScope')(scope)} /> {optOutScopeLabel(scope)}
          </label>
        ))}
        <p class="muted help">{t('setupCampaignOptOutHelp')}</p>
        <FieldError id={id('scope')} message={errors.get('optOutScope')} />
      </fieldset>

      {problems.length > 0 && (
        <div class="notice bad" role="alert">
          <p>{t('setupFixProblems', String(problems.length))}</p>
          {catalogueProblems.length > 0 && (
            <ul class="problems">
              {catalogueProblems.map((p) => (
                <li key={p.path}>
                  <span class="mono">{p.path}</span>: {problemText(p.problem)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {failure && (
        <p class="notice bad" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {campaign ? t('save') : t('setupCampaignAdd')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('setupCancel')}
        </button>
      </div>
    </form>
  );
}
