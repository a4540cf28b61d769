import { t } from '@/lib/i18n';

/** Shown on every client without a data processing agreement, and on each of its campaigns. */
export function NoAgreementWarning({ compact = false }: { compact?: boolean }) {
  return (
    <p class={`notice warn no-agreement${compact ? ' compact' : ''}`} data-testid="no-agreement">
      <strong>{t('setupNoAgreement')}</strong>
      {!compact && <> — {t('setupNoAgreementExplain')}</>}
    </p>
  );
}
