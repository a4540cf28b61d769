import { browser } from 'wxt/browser';
import { type Envelope, PageRequest } from '@/lib/messages';

/** Tells the background the block list changed so every open tab updates its marks. */
export async function notifyBlocklistChanged(): Promise<void> {
  const message: Envelope<PageRequest.BlocklistChanged> = { type: PageRequest.BlocklistChanged, payload: {} };
  await browser.runtime.sendMessage(message);
}
