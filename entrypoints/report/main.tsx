import { render } from 'preact';
import { browser } from 'wxt/browser';
import { reportKey } from '@/components/rights/open-report';
import './report.css';
import { App } from './App';
import { REPORT_TEXTS, reportLanguage } from './report-texts';

// The person's language from ?lang= (not the browser's: see report-texts.ts).
const params = new URLSearchParams(location.search);
const lang = reportLanguage(params.get('lang'));
document.documentElement.lang = lang;
document.title = `${REPORT_TEXTS[lang].documentTitle} — Kontaktvern`;
const token = params.get('r') ?? '';
const root = document.getElementById('app');
// The number comes from session storage under the token in the URL (never the number itself: see open-report.ts).
if (root) {
  void (token ? browser.storage.session.get(reportKey(token)) : Promise.resolve({} as Record<string, unknown>)).then((stored) => {
    const number = stored[reportKey(token)];
    render(<App number={typeof number === 'string' ? number : ''} token={token} lang={lang} />, root);
  });
}
