import type { CallingHoursState } from '@/lib/calling-hours/calling-hours';
import { formatWeekdayDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';

type CallingBlock = Extract<CallingHoursState, { allowed: false }>;

/** Why calling is not allowed now, in one sentence. */
export function callingBlockReason(block: CallingBlock): string {
  switch (block.reason) {
    case 'saturday':
      return t('hoursReasonSaturday');
    case 'sunday':
      return t('hoursReasonSunday');
    case 'holiday': {
      const name = block.holiday ? (uiLocale().startsWith('nb') ? block.holiday.name : block.holiday.nameEn) : '';
      return t('hoursReasonHoliday', name);
    }
    case 'before-hours':
      return t('hoursReasonBefore');
    case 'after-hours':
      return t('hoursReasonAfter');
  }
}

/** When calling is allowed again. */
export function callingAllowedFrom(block: CallingBlock): string {
  return t('hoursAllowedFrom', formatWeekdayDateTime(block.allowedFrom, uiLocale()));
}
