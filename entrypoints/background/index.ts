import { browser } from 'wxt/browser';
import { BlocklistService } from '@/lib/blocklist/blocklist-service';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { createContextMenu, onContextMenuClick } from './context-menu';
import { injectIntoOpenTabs } from './inject-into-open-tabs';
import { onCommand } from './keyboard-commands';
import { broadcastBlocklistChanged, createRouter } from './router';
import { TabCounts } from './tab-counts';
import { retentionRun, scheduleRetention } from './retention-schedule';
import { broadcastContext, forgetLookupScope } from './work-context';
import { watchSetup } from './watch-setup';
import { setClock } from '@/lib/clock';

/** storage.session: the set-up the background last told the tabs about (see watchSetup). */
const SETUP_KEY = 'setupSeen';

export default defineBackground(() => {
  const db = getDb();
  const blocklist = new BlocklistService(db, { registerName: () => t('sourceRegister') });
  const counts = new TabCounts();
  browser.runtime.onMessage.addListener(createRouter(db, blocklist, counts));
  scheduleRetention(db);
  // Any set-up change (options page, set-up import, the panel's campaign choice) reaches every tab at once:
  // the new calling hours and, since the client may differ, the numbers' block statuses.
  watchSetup(
    db,
    () => {
      forgetLookupScope();
      void broadcastContext(db);
      void broadcastBlocklistChanged(blocklist.invalidate());
    },
    {
      load: async () => {
        const stored = (await browser.storage.session.get(SETUP_KEY))[SETUP_KEY];
        return typeof stored === 'string' ? stored : null;
      },
      save: (key) => browser.storage.session.set({ [SETUP_KEY]: key }),
    },
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) counts.reset(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => counts.forget(tabId));
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));

  // For end-to-end tests: Chromium offers no way to click a native context-menu item.
  // blocklistStats: timings of the last block-list load (register load ms, entries, reuse) for tests and the benchmark.
  // setClock: fake "now" for calling-hours tests (every view gets its time from here); null restores the real clock.
  (globalThis as { kontaktvernTestHooks?: unknown }).kontaktvernTestHooks = {
    onContextMenuClick,
    onCommand,
    blocklistStats: () => blocklist.stats(),
    retentionRun: () => retentionRun(db),
    setClock: async (at: number | null) => {
      setClock(at);
      await broadcastContext(db);
    },
  };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    createContextMenu();
    if (reason === 'install' || reason === 'update') void injectIntoOpenTabs();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/blocklist.html') });
  });
});
