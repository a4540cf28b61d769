import { shownReason } from '@/lib/fixed-reasons';
import { t } from '@/lib/i18n';

/** A block or audit reason in the UI language (Kontaktvern's own fixed reasons are translated). */
export function reasonText(reason: string): string {
  return shownReason(reason, { erased: t('reasonErased'), optOutImport: t('reasonOptOutImport') });
}
