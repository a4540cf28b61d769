import { browser } from 'wxt/browser';

/** The language of the printable report: the person's, chosen by the agent (not the browser's). */
export type ReportLanguage = 'nb' | 'en';

/** The printable report for `e164` in the person's language (entrypoints/report), in a new tab. */
export async function openPrintableReport(e164: string, lang: ReportLanguage): Promise<void> {
  const url = `${browser.runtime.getURL('/report.html')}?${new URLSearchParams({ n: e164, lang }).toString()}`;
  try {
    await browser.tabs.create({ url });
  } catch {
    window.open(url, '_blank', 'noopener');
  }
}
