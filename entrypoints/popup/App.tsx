import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { currentWindowId, openBlocklistPage, openOptionsPage, openRightsPage, openSidePanelIn } from '@/components/open-pages';
import { RegisterFreshness } from '@/components/RegisterFreshness';
import { settled } from '@/components/settled';
import { useRegisterState } from '@/components/use-register-state';
import { useSiteRules } from '@/components/use-site-rules';
import { t } from '@/lib/i18n';
import { type Envelope, PageRequest, type Response } from '@/lib/messages';
import { isEnabledOn, withSiteEnabled } from '@/lib/site-rules';
import { TeamPanel } from './TeamPanel';

/** `?view=tab`: this page was opened in a normal tab ("Open in a tab"), not as the toolbar popup. */
const IN_TAB = new URLSearchParams(location.search).get('view') === 'tab';

/** The same page in a tab (`?tab=` keeps pointing at the site the popup was about). */
function inTabUrl(tabId: number | undefined): string {
  return browser.runtime.getURL(`/popup.html?view=tab${tabId === undefined ? '' : `&tab=${tabId}`}`);
}

/** The tab the popup is about: `?tab=ID` (when opened as a page), else the active tab. */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

export function App() {
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined>();
  // The tab could not be read (closed, or the browser refused): said instead of "works on web pages".
  const [tabFailed, setTabFailed] = useState(false);
  const [counts, setCounts] = useState<{ numbers: number; blocked: number } | null>(null);
  const [countsFailed, setCountsFailed] = useState(false);
  const [rules, saveRules] = useSiteRules();
  const registerState = useRegisterState();
  const host = hostOf(tab?.url);
  // Looked up now, so the side-panel button can open it synchronously in the click (Chrome requires that).
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => void currentWindowId().then(setWindowId), []); // never rejects (null: the button stays disabled)

  useEffect(() => {
    void settled(targetTab).then((r) => {
      if (r.ok) setTab(r.value);
      else setTabFailed(true);
    });
  }, []);

  useEffect(() => {
    if (tab?.id === undefined) return;
    const tabId = tab.id;
    const load = () => {
      const message: Envelope<PageRequest.TabCounts> = { type: PageRequest.TabCounts, payload: { tabId } };
      void settled(browser.runtime.sendMessage(message) as Promise<Response<PageRequest.TabCounts> | undefined>).then((r) => {
        if (r.ok && r.value) setCounts(r.value);
        setCountsFailed(!r.ok || !r.value);
      });
    };
    load();
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, [tab?.id]);

  const enabled = host && rules ? isEnabledOn(host, rules) : false;

  return (
    <main class={IN_TAB ? 'popup in-tab' : 'popup'}>
      <h1>Kontaktvern</h1>
      <RegisterFreshness state={registerState} compact />
      {host ? (
        <section class="card" aria-labelledby="site-title">
          <h2 id="site-title" class="mono">
            {host}
          </h2>
          {enabled && counts && !countsFailed && (
            <p data-testid="tab-counts">
              {t('popupCounts', [String(counts.numbers), String(counts.blocked)])}
            </p>
          )}
          {enabled && countsFailed && (
            <p class="notice warn" role="status" data-testid="tab-counts-failed">
              {t('popupCountsFailed')}
            </p>
          )}
          {!enabled && rules && <p class="notice warn">{rules.mode === 'only-listed' ? t('popupNotListed') : t('popupSiteOff')}</p>}
          {rules && (
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={enabled}
                onChange={(e) => void saveRules(withSiteEnabled(rules, host, e.currentTarget.checked))}
              />{' '}
              {t('popupSiteSwitch')}
            </label>
          )}
        </section>
      ) : tabFailed ? (
        <p class="notice bad" role="alert" data-testid="tab-failed">
          {t('popupTabFailed')}
        </p>
      ) : (
        <p class="muted">{t('popupNoSite')}</p>
      )}
      <nav class="links">
        <button type="button" onClick={() => void openBlocklistPage()}>
          {t('blocklistTitle')}
        </button>
        <button type="button" disabled={windowId === null} onClick={() => windowId !== null && void openSidePanelIn(windowId).catch(() => undefined)}>
          {t('cardOpenSidePanel')}
        </button>
        <button type="button" onClick={() => void openOptionsPage()}>
          {t('optionsTitle')}
        </button>
        <button type="button" onClick={() => void openRightsPage()}>
          {t('popupRightsLink')}
        </button>
      </nav>
      <TeamPanel tabUrl={IN_TAB ? null : inTabUrl(host ? tab?.id : undefined)} />
    </main>
  );
}
