import { browser } from 'wxt/browser';
import { BackgroundEvent, type EventEnvelope } from '@/lib/messages';

export const COMMAND_NEXT_BLOCKED = 'next-blocked';
export const COMMAND_OPEN_SIDE_PANEL = 'open-side-panel';

/** Keyboard shortcuts: the card for the next blocked number on the active tab; the side panel. */
export async function onCommand(command: string, source?: { id?: number; windowId?: number }): Promise<void> {
  if (command === COMMAND_OPEN_SIDE_PANEL) {
    // Must run in the shortcut's user gesture: no await before open().
    if (source?.windowId !== undefined) await browser.sidePanel.open({ windowId: source.windowId }).catch(() => undefined);
    return;
  }
  if (command !== COMMAND_NEXT_BLOCKED) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const event: EventEnvelope<BackgroundEvent.NextBlocked> = { type: BackgroundEvent.NextBlocked, payload: {} };
  await browser.tabs.sendMessage(tab.id, event, { frameId: 0 }).catch(() => undefined);
}
