import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SITE_RULES, parseSiteRules, SITE_RULES_KEY, type SiteRules } from '@/lib/site-rules';

/** The stored site rules, live, and a setter. */
export function useSiteRules(): [SiteRules | null, (rules: SiteRules) => Promise<void>] {
  const [rules, setRules] = useState<SiteRules | null>(null);
  useEffect(() => {
    let alive = true;
    browser.storage.local
      .get(SITE_RULES_KEY)
      .then((s) => alive && setRules(parseSiteRules(s[SITE_RULES_KEY])))
      .catch(() => alive && setRules(DEFAULT_SITE_RULES));
    const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SITE_RULES_KEY in changes) setRules(parseSiteRules(changes[SITE_RULES_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChange);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChange);
    };
  }, []);
  const save = async (next: SiteRules) => {
    await browser.storage.local.set({ [SITE_RULES_KEY]: next });
  };
  return [rules, save];
}
