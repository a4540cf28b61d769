import { formatSnapshotDate } from '@/components/RegisterFreshness';
import type { PeriodKind, TimeRange } from '@/lib/call-log/oslo-period';
import { t } from '@/lib/i18n';
import { rangeDays, type TeamSelection } from '@/lib/team/team-selection';
import type { NamedOption, TeamNames } from './use-team-names';

const PERIODS: { kind: PeriodKind; label: () => string }[] = [
  { kind: 'today', label: () => t('teamPeriodToday') },
  { kind: 'week', label: () => t('teamPeriodWeek') },
  { kind: 'month', label: () => t('teamPeriodMonth') },
  { kind: 'custom', label: () => t('teamPeriodCustom') },
];

export type PeriodProblem = 'custom-required' | 'invalid-date' | 'from-after-to';

export function periodProblemText(problem: PeriodProblem, selection: TeamSelection): string {
  if (problem === 'from-after-to') return t('teamPeriodFromAfterTo', [formatSnapshotDate(selection.custom.from), formatSnapshotDate(selection.custom.to)]);
  return t('teamPeriodInvalidDate');
}

/** "Calls 23.11.2026 – 29.11.2026", or "Calls on 28.11.2026" for one day. */
export function rangeCaption(range: TimeRange): string {
  const { first, last } = rangeDays(range);
  return first === last ? t('teamShowingDay', formatSnapshotDate(first)) : t('teamShowingRange', [formatSnapshotDate(first), formatSnapshotDate(last)]);
}

function FilterSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: { value: string; text: string }[]; onChange: (v: string) => void }) {
  return (
    <div class="team-filter">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('teamFilterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

const named = (o: NamedOption) => ({ value: o.id, text: o.name ?? t('teamNotSetUp', o.id) });

/**
 * The period (today, this week, this month, chosen dates) and the campaign,
 * client and agent filters. Changes go to `onChange`; the parent decides
 * whether the choice is usable (`problem`) and keeps showing the last usable
 * period (`range`) until it is.
 */
export function PeriodPicker({
  selection,
  onChange,
  problem,
  range,
  names,
}: {
  selection: TeamSelection;
  onChange: (next: TeamSelection) => void;
  problem: PeriodProblem | null;
  range: TimeRange | null;
  names: TeamNames;
}) {
  const choosePeriod = (kind: PeriodKind) => {
    if (kind === 'custom' && range && !selection.custom.from && !selection.custom.to) {
      const { first, last } = rangeDays(range);
      onChange({ ...selection, period: kind, custom: { from: first, to: last } });
    } else {
      onChange({ ...selection, period: kind });
    }
  };
  return (
    <div class="team-picker">
      <fieldset class="team-periods">
        <legend>{t('teamPeriodLabel')}</legend>
        {PERIODS.map((p) => (
          <label key={p.kind} class={selection.period === p.kind ? 'chosen' : undefined}>
            <input type="radio" name="team-period" value={p.kind} checked={selection.period === p.kind} onChange={() => choosePeriod(p.kind)} />
            {p.label()}
          </label>
        ))}
      </fieldset>
      {selection.period === 'custom' && (
        <div class="team-dates">
          <div>
            <label for="team-from">{t('teamFrom')}</label>
            <input
              id="team-from"
              type="date"
              value={selection.custom.from}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? 'team-period-problem' : undefined}
              onInput={(e) => onChange({ ...selection, custom: { ...selection.custom, from: e.currentTarget.value } })}
            />
          </div>
          <div>
            <label for="team-to">{t('teamTo')}</label>
            <input
              id="team-to"
              type="date"
              value={selection.custom.to}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? 'team-period-problem' : undefined}
              onInput={(e) => onChange({ ...selection, custom: { ...selection.custom, to: e.currentTarget.value } })}
            />
          </div>
        </div>
      )}
      {problem && (
        <p id="team-period-problem" class="notice bad" role="alert" data-testid="team-period-problem">
          {periodProblemText(problem, selection)}
        </p>
      )}
      <div class="team-filters">
        <FilterSelect id="team-campaign" label={t('teamFilterCampaign')} value={selection.campaignId} options={names.campaigns.map(named)} onChange={(campaignId) => onChange({ ...selection, campaignId })} />
        <FilterSelect id="team-client" label={t('teamFilterClient')} value={selection.clientId} options={names.clients.map(named)} onChange={(clientId) => onChange({ ...selection, clientId })} />
        <FilterSelect
          id="team-agent"
          label={t('teamFilterAgent')}
          value={selection.agent}
          options={names.agents.map((a) => ({ value: a, text: a }))}
          onChange={(agent) => onChange({ ...selection, agent })}
        />
      </div>
    </div>
  );
}
