import { useState } from 'preact/hooks';
import type { AgentStats } from '@/lib/call-log/stats';
import { formatAmount } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { barLengths } from '@/lib/team/chart-scale';

type Metric = 'amount' | 'calls';

/**
 * Horizontal bars per agent (CSS, no chart library): amount sold or calls.
 * The bars are decoration; every figure is also written next to its bar and
 * in the table below.
 */
export function StatsChart({ byAgent }: { byAgent: readonly AgentStats[] }) {
  const locale = uiLocale();
  const anySales = byAgent.some((a) => a.amountOre > 0);
  const [chosen, setChosen] = useState<Metric | null>(null);
  const metric: Metric = chosen ?? (anySales ? 'amount' : 'calls');
  const values = byAgent.map((a) => (metric === 'amount' ? a.amountOre : a.calls));
  const lengths = barLengths(values);
  const count = new Intl.NumberFormat(locale);
  const title = metric === 'amount' ? t('teamChartAmount') : t('teamChartCalls');
  return (
    <figure class="team-chart" data-testid="team-chart" data-metric={metric} aria-labelledby="team-chart-title">
      <div class="team-chart-head">
        <figcaption id="team-chart-title">{title}</figcaption>
        <fieldset class="team-segmented">
          <legend class="sr-only">{t('teamChartLabel')}</legend>
          {(['amount', 'calls'] as const).map((m) => (
            <label key={m} class={metric === m ? 'chosen' : undefined}>
              <input type="radio" name="team-chart-metric" value={m} checked={metric === m} onChange={() => setChosen(m)} />
              {m === 'amount' ? t('teamChartAmountShort') : t('teamChartCallsShort')}
            </label>
          ))}
        </fieldset>
      </div>
      <ul class="team-bars">
        {byAgent.map((a, i) => (
          <li key={a.agent}>
            <span class="team-bar-label" title={a.agent}>
              {a.agent}
            </span>
            <span class="team-bar-track" aria-hidden="true">
              <span class="team-bar" style={{ width: `${lengths[i] ?? 0}%` }} />
            </span>
            <span class="team-bar-value">{metric === 'amount' ? formatAmount(a.amountOre / 100, locale) : count.format(a.calls)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
