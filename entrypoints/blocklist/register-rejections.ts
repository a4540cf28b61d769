import { t, type MessageKey } from '@/lib/i18n';

/** Rejection codes of register / opt-out file imports (lib/register) in the UI language. */
const KEYS: Record<string, MessageKey> = {
  foreign: 'rejectForeign',
  'too-short': 'rejectTooShort',
  'too-long': 'rejectTooLong',
  text: 'rejectText',
  formula: 'rejectFormula',
  invalid: 'rejectInvalidNorwegian',
  empty: 'rejectEmpty',
};

export function importRejectionText(code: string): string {
  const key = KEYS[code];
  return key ? t(key) : code;
}

/** 200 000 (nb) / 200,000 (en). */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}
