import { browser } from 'wxt/browser';
import { BlocklistService } from '@/lib/blocklist/blocklist-service';
import { getDb } from '@/lib/db';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { createRouter } from './router';
import { TabCounts } from './tab-counts';

export default defineBackground(() => {
  const blocklist = new BlocklistService(getDb());
  const counts = new TabCounts();
  browser.runtime.onMessage.addListener(createRouter(blocklist, counts));

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) counts.reset(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => counts.forget(tabId));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/blocklist.html') });
  });
});
