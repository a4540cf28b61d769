import type { LineRejection } from '@/lib/blocklist/parse-lines';
import { t, type MessageKey } from '@/lib/i18n';

/** Why a typed or pasted value is not a phone number (lib/phone `parsePhoneInput` reasons), in the UI language. */
const INPUT_KEYS: Record<LineRejection, MessageKey> = {
  empty: 'rejectEmpty',
  'too-short': 'rejectTooShort',
  'too-long': 'rejectTooLong',
  'not-a-number': 'rejectNotANumber',
  invalid: 'rejectInvalid',
  'service-number': 'rejectServiceNumber',
};

/** Why a line of an imported file was rejected (lib/register codes), in the UI language. */
const IMPORT_KEYS: Record<string, MessageKey> = {
  foreign: 'rejectForeign',
  'too-short': 'rejectTooShort',
  'too-long': 'rejectTooLong',
  text: 'rejectText',
  formula: 'rejectFormula',
  invalid: 'rejectInvalidNorwegian',
  empty: 'rejectEmpty',
};

export function rejectionText(reason: LineRejection): string {
  return t(INPUT_KEYS[reason]);
}

export function importRejectionText(code: string): string {
  const key = IMPORT_KEYS[code];
  return key ? t(key) : code;
}
