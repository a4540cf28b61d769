import { browser } from 'wxt/browser';
import type { Envelope, Payload, RequestType, Response } from '@/lib/messages';

/** Sends one typed request to the background router and returns its typed answer. */
export async function askBackground<T extends RequestType>(type: T, payload: Payload<T>): Promise<Response<T>> {
  const message: Envelope<T> = { type, payload };
  return (await browser.runtime.sendMessage(message)) as Response<T>;
}
