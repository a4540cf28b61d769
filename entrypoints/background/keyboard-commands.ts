import { browser } from 'wxt/browser';
import { BackgroundEvent, type EventEnvelope } from '@/lib/messages';

export const COMMAND_NEXT_BLOCKED = 'next-blocked';

/** Keyboard shortcut: the card for the next blocked number on the active tab. */
export async function onCommand(command: string): Promise<void> {
  if (command !== COMMAND_NEXT_BLOCKED) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const event: EventEnvelope<BackgroundEvent.NextBlocked> = { type: BackgroundEvent.NextBlocked, payload: {} };
  await browser.tabs.sendMessage(tab.id, event, { frameId: 0 }).catch(() => undefined);
}
