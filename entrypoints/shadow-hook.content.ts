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
    const proto = Element.prototype;
    const original = proto.attachShadow;
    if ((original as { __kontaktvern?: boolean }).__kontaktvern) return;
    const patched = function attachShadow(this: Element, init: ShadowRootInit): ShadowRoot {
      const root = original.call(this, init);
      if (init.mode === 'open') {
        queueMicrotask(() => this.dispatchEvent(new CustomEvent(SHADOW_ATTACHED_EVENT, { composed: true })));
      }
      return root;
    };
    Object.defineProperty(patched, '__kontaktvern', { value: true });
    Object.defineProperty(patched, 'length', { value: original.length });
    proto.attachShadow = patched;
  },
});
