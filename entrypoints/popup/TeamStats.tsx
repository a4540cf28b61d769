import type { ComponentChildren } from 'preact';
import { useLiveQuery } from '@/components/use-live-query';
import { type CallStats, callStats, type Tally } from '@/lib/call-log/stats';
import { filterLogs } from '@/lib/call-log/filter-logs';
import { OUTCOME_KINDS } from '@/lib/call-log/rules';
import { getDb, type OutcomeKind } from '@/lib/db';
import { formatAmount } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { selectionQueryKey } from '@/lib/call-log/live-day';
import { hasNarrowingFilter, selectionFilter, type TeamSelection } from '@/lib/team/team-selection';
import { StatsChart } from './StatsChart';
import { outcomeKindName } from './team-labels';
import type { TeamNames } from './use-team-names';

interface StatsView {
  /** The selection and period range the figures are for (a change re-queries). */
  key: string;
  stats: CallStats;
  anonymised: number;
}

/** "No answer 1 · Call back 1": the outcomes other than sales that occurred, or null when none did. */
function otherOutcomes(tally: Tally): { kind: OutcomeKind; count: number }[] {
  return OUTCOME_KINDS.filter((k) => k !== 'sale' && tally.byKind[k] > 0).map((kind) => ({ kind, count: tally.byKind[kind] }));
}

function TallyRows({ rowKey, header, tally, colSpan }: { rowKey: string; header: ComponentChildren; tally: Tally; colSpan: number }) {
  const locale = uiLocale();
  const count = new Intl.NumberFormat(locale);
  const others = otherOutcomes(tally);
  return (
    <>
      <tr data-key={rowKey} class={others.length ? 'has-kinds' : undefined}>
        <th scope="row">{header}</th>
        <td class="num" data-col="calls">
          {count.format(tally.calls)}
        </td>
        <td class="num" data-col="sales">
          {count.format(tally.sales)}
        </td>
        <td class="num" data-col="amount">
          {formatAmount(tally.amountOre / 100, locale)}
        </td>
      </tr>
      {others.length > 0 && (
        <tr class="team-kinds-row" data-kinds-of={rowKey}>
          <td colSpan={colSpan}>
            <span class="sr-only">{t('teamColOutcomes')}: </span>
            <ul class="team-kinds" data-col="outcomes">
              {others.map(({ kind, count: n }) => (
                <li key={kind} data-kind={kind}>
                  {outcomeKindName(kind)} <strong>{count.format(n)}</strong>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

function StatsTable({
  id,
  title,
  nameHeader,
  rows,
  totals,
}: {
  id: string;
  title: string;
  nameHeader: string;
  rows: { key: string; name: string; detail?: string; tally: Tally }[];
  totals: Tally;
}) {
  return (
    <section class="team-table" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div class="team-table-scroll">
        <table data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" class="num">
                {t('teamColCalls')}
              </th>
              <th scope="col" class="num">
                {t('teamColSales')}
              </th>
              <th scope="col" class="num">
                {t('teamColAmount')}
              </th>
            </tr>
          </thead>
          {rows.map((r) => (
            <tbody key={r.key}>
              <TallyRows
                rowKey={r.key}
                colSpan={4}
                tally={r.tally}
                header={
                  <>
                    {r.name}
                    {r.detail && <span class="team-row-detail">{r.detail}</span>}
                  </>
                }
              />
            </tbody>
          ))}
          <tfoot>
            <TallyRows rowKey="total" colSpan={4} tally={totals} header={t('teamTotal')} />
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/**
 * Calls, outcomes, sales and amounts per agent and per campaign for the applied selection at `now`
 * (the instant the caption and the export use too); live. The period's range is part of the query's
 * dependencies: when "today" moves on, the figures are queried again for the new day.
 */
export function TeamStats({ applied, names, now }: { applied: TeamSelection; names: TeamNames; now: number }) {
  const db = getDb();
  const key = selectionQueryKey(applied, now);
  const view = useLiveQuery<StatsView | null>(
    async () => {
      const r = selectionFilter(applied, now);
      if (!r.ok) return null;
      const [stats, logs] = await Promise.all([callStats(db, r.filter), filterLogs(db, r.filter)]);
      return { key, stats, anonymised: logs.filter((l) => l.anonymisedAt !== null).length };
    },
    [key],
    null,
  );
  // While a new selection loads, the previous figures stay (marked busy) instead of a flash of "Loading…".
  if (!view) return <p aria-busy="true">{t('loading')}</p>;
  const busy = view.key !== key;
  const { stats, anonymised } = view;
  const locale = uiLocale();
  const count = new Intl.NumberFormat(locale);
  if (stats.totals.calls === 0) {
    return (
      <p class="notice team-empty" role="status" data-testid="team-no-calls" aria-busy={busy ? 'true' : undefined}>
        {hasNarrowingFilter(applied) ? t('teamNoCallsFiltered') : t('teamNoCalls')}
      </p>
    );
  }
  const campaignLabel = (id: string) => names.campaignName.get(id) ?? t('teamNotSetUp', id);
  const clientLabel = (id: string) => names.clientName.get(id) ?? t('teamNotSetUp', id);
  const campaignRows = stats.byCampaign
    .map((c) => ({ key: c.campaignId, name: campaignLabel(c.campaignId), detail: clientLabel(c.clientId), tally: c }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <div class="team-stats" data-testid="team-stats" aria-busy={busy ? 'true' : undefined}>
      <p class="team-summary" data-testid="team-summary">
        {t('teamSummary', [count.format(stats.totals.calls), count.format(stats.totals.sales), formatAmount(stats.totals.amountOre / 100, locale)])}
      </p>
      {anonymised > 0 && (
        <p class="muted team-small" data-testid="team-anonymised">
          {t('teamAnonymisedIncluded', count.format(anonymised))}
        </p>
      )}
      <StatsChart byAgent={stats.byAgent} />
      <StatsTable
        id="team-by-agent"
        title={t('teamByAgent')}
        nameHeader={t('teamColAgent')}
        rows={stats.byAgent.map((a) => ({ key: a.agent, name: a.agent, tally: a }))}
        totals={stats.totals}
      />
      <StatsTable id="team-by-campaign" title={t('teamByCampaign')} nameHeader={t('teamColCampaign')} rows={campaignRows} totals={stats.totals} />
    </div>
  );
}
