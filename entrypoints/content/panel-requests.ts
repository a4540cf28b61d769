import { browser, type Browser } from 'wxt/browser';
import { PanelRequest, type PanelEnvelope, type PanelRequestMap } from '@/lib/messages';
import type { OverlayStore } from './overlay/overlay-store';
import { findPageFields } from './page-fields';

/**
 * Answers the side panel beside this page: which catalogued fields the page
 * shows (and which personal-data fields have no catalogue entry), and outlines
 * one of them while the agent hovers its row. Only the top frame answers (it
 * looks into same-origin frames itself); only Kontaktvern's own pages may ask.
 */
export class PanelRequests {
  private elements = new Map<string, Element[]>();

  constructor(
    private readonly store: OverlayStore,
    private readonly showOverlay: () => void,
  ) {}

  handle(request: PanelEnvelope, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined {
    if (window !== window.top) return undefined;
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return undefined;
    switch (request.type) {
      case PanelRequest.FindFields: {
        const { fields } = (request as PanelEnvelope<PanelRequest.FindFields>).payload;
        const { result, elements } = findPageFields(document, fields);
        this.elements = elements;
        return Promise.resolve(result satisfies PanelRequestMap[PanelRequest.FindFields]['response']);
      }
      case PanelRequest.HighlightField: {
        const { key } = (request as PanelEnvelope<PanelRequest.HighlightField>).payload;
        const targets = key === null ? [] : (this.elements.get(key) ?? []).filter((el) => el.isConnected);
        if (targets.length > 0) {
          this.showOverlay();
          targets[0]!.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        }
        this.store.setOutline(targets);
        return Promise.resolve({ ok: targets.length > 0 } satisfies PanelRequestMap[PanelRequest.HighlightField]['response']);
      }
    }
  }
}
