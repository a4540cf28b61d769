import type { CallLogErrorCode } from '@/lib/call-log/log-store';
import { t } from '@/lib/i18n';

/** A translated sentence for each reason a call could not be logged or corrected. */
export function callLogErrorText(code: CallLogErrorCode): string {
  switch (code) {
    case 'invalid-number':
      return t('panelErrInvalidNumber');
    case 'unknown-outcome':
      return t('panelLogChooseOutcome');
    case 'amount-not-allowed':
      return t('panelErrAmountNotAllowed');
    case 'invalid-amount':
      return t('panelAmountNotNumber');
    case 'note-too-long':
      return t('panelErrNoteTooLong');
    case 'agent-required':
      return t('panelLogNeedsAgent');
    case 'not-found':
      return t('panelErrNotFound');
    case 'campaign-not-found':
      return t('panelErrCampaignGone');
    case 'not-your-call':
      return t('panelErrNotYourCall');
    case 'edit-window-closed':
      return t('panelEditClosed');
    case 'anonymised':
      return t('panelErrAnonymised');
    case 'invalid-record':
      return t('panelErrInvalidRecord');
  }
}
