import type { AmountResult } from '@/lib/amount';
import { t } from '@/lib/i18n';

/** Why an amount the agent typed is refused, in a sentence; null when it is fine. */
export function amountProblem(result: AmountResult): string | null {
  if (result.ok) return null;
  switch (result.reason) {
    case 'not-a-number':
      return t('panelAmountNotNumber');
    case 'negative':
      return t('panelAmountNegative');
    case 'too-large':
      return t('panelAmountTooLarge');
    case 'too-many-decimals':
      return t('panelAmountDecimals');
  }
}
