import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NumberStatusView } from '@/components/NumberStatusView';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { parsePhoneInput } from '@/lib/phone/detect';
import { rejectionText } from '@/components/rejection-text';

interface CurrentNumber {
  e164: string;
  tabId: number;
  at: number;
}

function useCurrentNumber(): CurrentNumber | null {
  const [current, setCurrent] = useState<CurrentNumber | null>(null);
  useEffect(() => {
    void browser.storage.session.get('currentNumber').then((s) => setCurrent((s.currentNumber as CurrentNumber | undefined) ?? null));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && 'currentNumber' in changes) setCurrent((changes.currentNumber?.newValue as CurrentNumber | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return current;
}

export function App() {
  const current = useCurrentNumber();
  const [typed, setTyped] = useState('');
  const parsed = typed.trim() ? parsePhoneInput(typed) : null;
  // Any change to the block list (in any tab) re-checks the numbers shown.
  const revision = useLiveQuery(() => getDb().audit.count(), [], 0);
  return (
    <main class="sidepanel">
      <h1>{t('sidepanelTitle')}</h1>
      <section class="card" aria-labelledby="current-title">
        <h2 id="current-title">{t('currentNumberTitle')}</h2>
        {current ? <NumberStatusView e164={current.e164} revision={revision} /> : <p class="muted">{t('currentNumberNone')}</p>}
      </section>
      <section class="card" aria-labelledby="check-title">
        <h2 id="check-title">{t('checkNumberTitle')}</h2>
        <label for="check">{t('searchLabel')}</label>
        <input id="check" type="tel" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} placeholder="412 34 567" />
        {parsed && !parsed.ok && (
          <p class="error" role="alert">
            {t('searchInvalid', rejectionText(parsed.reason))}
          </p>
        )}
        {parsed?.ok && <NumberStatusView e164={parsed.e164} revision={revision} />}
      </section>
    </main>
  );
}
