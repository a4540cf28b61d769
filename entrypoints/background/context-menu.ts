import { browser, type Browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { BackgroundEvent, type EventEnvelope } from '@/lib/messages';
import { numberFromSelectionOrLink } from '@/lib/phone/first-number';
import { rememberCurrentNumber } from './card-actions';

export const MENU_BLOCK = 'kontaktvern-block';

export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_BLOCK, title: t('menuBlockNumber'), contexts: ['selection', 'link'] }),
  );
}

/**
 * "Block this number in Kontaktvern": parses the selection (or link) with the
 * same detector and opens the number card in the frame it came from, where the
 * agent picks the reason. A selection without a number gets a message there.
 */
export async function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_BLOCK || tab?.id === undefined) return;
  const selection = info.selectionText ?? '';
  const e164 = numberFromSelectionOrLink(info.selectionText, info.linkUrl);
  const event: EventEnvelope<BackgroundEvent.OpenCard> = { type: BackgroundEvent.OpenCard, payload: { e164, selection } };
  if (e164) await rememberCurrentNumber(tab.id, e164);
  await browser.tabs.sendMessage(tab.id, event, { frameId: info.frameId ?? 0 }).catch(() => undefined);
}
