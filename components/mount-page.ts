import { t, uiLocale, type MessageKey } from '@/lib/i18n';

/** Sets the page's language and title from extension i18n, then renders it. */
export function mountPage(titleKey: MessageKey, render: (root: HTMLElement) => void): void {
  document.documentElement.lang = uiLocale().slice(0, 2);
  document.title = `${t(titleKey)} — Kontaktvern`;
  const root = document.getElementById('app');
  if (root) render(root);
}
