import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every UI string key; the English catalogue is the source of truth for the type. */
export type MessageKey = keyof typeof en;

/** Extension i18n lookup (browser language decides). Substitutions fill $1…$9 placeholders. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** BCP-47 tag of the UI language actually in use, for Intl formatting. */
export function uiLocale(): string {
  const lang = browser.i18n.getUILanguage();
  return lang.toLowerCase().startsWith('nb') || lang.toLowerCase().startsWith('no') ? 'nb-NO' : 'en-GB';
}
