import { browser } from 'wxt/browser';

/**
 * After an install or update, tabs that were already open get the new content
 * scripts (Chrome only injects declared scripts on navigation). The old
 * script in such a tab notices the new one and stops itself.
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const manifest = browser.runtime.getManifest();
  const scripts = manifest.content_scripts ?? [];
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined || tab.discarded
        ? []
        : scripts.map((script) =>
            browser.scripting
              .executeScript({
                target: { tabId: tab.id!, allFrames: script.all_frames ?? false },
                files: (script.js ?? []) as never[],
                world: (script as { world?: 'MAIN' | 'ISOLATED' }).world ?? 'ISOLATED',
              })
              .catch(() => undefined),
          ),
    ),
  );
}
