import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface CurrentNumber {
  e164: string;
  tabId: number;
  at: number;
}

/** The number the agent last clicked, selected or typed on a page (kept by the background in session storage). */
export function useCurrentNumber(): CurrentNumber | null {
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
