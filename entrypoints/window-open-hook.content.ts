import { isDialHref } from '@/lib/dial-href';
import { patchOnce } from '@/lib/page-hook';
import { DIAL_OPEN_EVENT } from '@/lib/page-hook-events';

/**
 * Main-world hook: a page that dials with `window.open('tel:…')` shows no link
 * the dial guard could see, and opens no navigation in its own frame. Before
 * such a call reaches the browser, the content script is asked (a cancelable
 * event it handles synchronously); when it cancels, the page gets `null`, as
 * for a blocked pop-up. Every other `window.open` goes straight through.
 */
export default defineContentScript({
  // Written out, not shared: WXT reads these options without running the module.
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    patchOnce(window, 'open', (original) =>
      function open(this: Window | undefined, ...args: Parameters<typeof window.open>): WindowProxy | null {
        const url = args[0];
        if (url != null && isDialHref(String(url))) {
          const detail = JSON.stringify([String(url), args[1] ?? '']);
          if (!window.dispatchEvent(new CustomEvent(DIAL_OPEN_EVENT, { detail, cancelable: true }))) return null;
        }
        return original.apply(this, args);
      },
    );
  },
});
