import { render } from 'preact';
import './report.css';
import { App } from './App';
import { REPORT_TEXTS, reportLanguage } from './report-texts';

// The person's language from ?lang= (not the browser's: see report-texts.ts).
const params = new URLSearchParams(location.search);
const lang = reportLanguage(params.get('lang'));
document.documentElement.lang = lang;
document.title = `${REPORT_TEXTS[lang].documentTitle} — Kontaktvern`;
const root = document.getElementById('app');
if (root) render(<App number={params.get('n') ?? ''} lang={lang} />, root);
