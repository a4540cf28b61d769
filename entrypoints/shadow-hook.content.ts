import { patchOnce } from '@/lib/page-hook';
import { SHADOW_ATTACHED_EVENT } from '@/lib/page-hook-events';

/**
 * Main-world hook: announces open shadow roots attached after load (Lightning,
 * Lit, Stencil…), which no MutationObserver can see. It only adds a
 * notification after the page's own call; the page's behaviour is unchanged.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    patchOnce(Element.prototype, 'attachShadow', (original) =>
      function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
        const root = original.call(this, init);
        if (init.mode === 'open') {
          queueMicrotask(() => this.dispatchEvent(new CustomEvent(SHADOW_ATTACHED_EVENT, { composed: true })));
        }
        return root;
      },
    );
  },
});
