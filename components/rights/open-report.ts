import { browser } from 'wxt/browser';

/** The language of the printable report: the person's, chosen by the agent (not the browser's). */
export type ReportLanguage = 'nb' | 'en';

/** Session-storage key under which a report's number waits for the report page. */
export const reportKey = (token: string) => `report:${token}`;

/**
 * The printable report for `e164` in the person's language (entrypoints/report), in a new tab.
 * The number never goes into the URL (Chrome keeps extension-page URLs in its history, where an
 * erased number would survive): the page gets a random token and reads the number from session
 * storage, which the browser forgets when it closes.
 */
export async function openPrintableReport(e164: string, lang: ReportLanguage): Promise<void> {
  const token = crypto.randomUUID();
  await browser.storage.session.set({ [reportKey(token)]: e164 });
  const url = `${browser.runtime.getURL('/report.html')}?${new URLSearchParams({ r: token, lang }).toString()}`;
  try {
    await browser.tabs.create({ url });
  } catch {
    window.open(url, '_blank', 'noopener');
  }
}
