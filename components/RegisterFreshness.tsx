import { formatDate } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import type { RegisterState } from '@/lib/messages';
import { registerFreshness } from '@/lib/register/freshness';
import { osloMidnight } from '@/lib/register/oslo-dates';

/** 28.11.2026 (nb) / 28/11/2026 (en) for a YYYY-MM-DD Oslo date. */
export function formatSnapshotDate(date: string): string {
  const ms = osloMidnight(date);
  return ms === null ? date : formatDate(ms, uiLocale());
}

function ageText(days: number): string {
  if (days === 0) return t('registerAgeToday');
  if (days === 1) return t('registerAgeOneDay');
  return t('registerAgeDays', String(days));
}

/** The wording of the register's freshness: the same on the block-list page, in the popup and (via the lead) the number card. */
export function registerFreshnessText(state: RegisterState, now = new Date()): { kind: 'missing' | 'unavailable' | 'fresh' | 'stale'; text: string } {
  if (state.state === 'missing') {
    return state.snapshotDate
      ? { kind: 'unavailable', text: t('registerUnavailable', formatSnapshotDate(state.snapshotDate)) }
      : { kind: 'missing', text: t('registerMissing') };
  }
  const f = registerFreshness(state.snapshotDate, now);
  const date = formatSnapshotDate(state.snapshotDate ?? '');
  const age = ageText(f.ageDays ?? 0);
  if (state.state === 'fresh') {
    return { kind: 'fresh', text: t('registerFresh', [date, age, f.freshUntil ? formatSnapshotDate(f.freshUntil) : '']) };
  }
  return {
    kind: 'stale',
    text: f.reason === 'earlier-month' ? t('registerStaleEarlierMonth', [date, age]) : t('registerStaleOld', [date, age]),
  };
}

/**
 * The register freshness banner: a status line when fresh, an alert when
 * stale, missing or unusable (numbers in the register are then not blocked).
 */
export function RegisterFreshness({ state, compact = false }: { state: RegisterState | null; compact?: boolean }) {
  if (!state) return null;
  const { kind, text } = registerFreshnessText(state);
  const warn = kind !== 'fresh';
  return (
    <div
      class={`notice ${kind === 'fresh' ? 'ok' : kind === 'stale' ? 'warn' : 'bad'} register-freshness${compact ? ' compact' : ''}`}
      role={warn ? 'alert' : 'status'}
      data-testid="register-freshness"
      data-state={kind}
    >
      <strong>{kind === 'fresh' ? t('registerTitleFresh') : t('registerTitleWarn')}</strong> {text}
      {warn && state.markUnverified && <> {t('registerUnverifiedOn')}</>}
      {warn && !compact && !state.markUnverified && <> {t('registerUnverifiedOff')}</>}
    </div>
  );
}
