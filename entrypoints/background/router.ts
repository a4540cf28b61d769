import { browser, type Browser } from 'wxt/browser';
import type { BlocklistService } from '@/lib/blocklist/blocklist-service';
import {
  BackgroundEvent,
  ContentRequest,
  type Envelope,
  type EventEnvelope,
  PageRequest,
  parseEnvelope,
  type RequestType,
  type Response,
} from '@/lib/messages';
import type { KontaktvernDb } from '@/lib/db';
import { blockFromCard, rememberCurrentNumber } from './card-actions';
import { broadcastContext, forgetLookupScope, lookupScope, pageTab, workContext } from './work-context';
import type { TabCounts } from './tab-counts';

type Sender = Browser.runtime.MessageSender;

const CONTENT_REQUESTS: ReadonlySet<string> = new Set(Object.values(ContentRequest));

function isExtensionPage(sender: Sender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Tells every frame of every tab that the block list changed. */
export async function broadcastBlocklistChanged(revision: number): Promise<void> {
  const event: EventEnvelope<BackgroundEvent.BlocklistChanged> = { type: BackgroundEvent.BlocklistChanged, payload: { revision } };
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(() => undefined))));
}

/**
 * The one message router. Every message is validated (sender and shape)
 * before a typed handler sees it; anything else gets no answer.
 */
export function createRouter(db: KontaktvernDb, blocklist: BlocklistService, counts: TabCounts) {
  const handlers: { [T in RequestType]: (payload: Envelope<T>['payload'], sender: Sender) => Promise<Response<T>> } = {
    [ContentRequest.Lookup]: async ({ numbers }) => ({
      statuses: await blocklist.lookup(numbers, await lookupScope(db)),
      register: await blocklist.registerState(),
    }),
    [ContentRequest.ReportCounts]: async ({ numbers, blocked }, sender) => {
      if (sender.tab?.id !== undefined) counts.set(sender.tab.id, sender.frameId ?? 0, { numbers, blocked });
      return { ok: true };
    },
    [ContentRequest.Block]: async (payload) => {
      const result = await blockFromCard(db, blocklist, payload);
      if (result.ok) await broadcastBlocklistChanged(blocklist.invalidate());
      return result;
    },
    [ContentRequest.OpenSidePanel]: async (_payload, sender) => {
      if (sender.tab?.id === undefined) return { ok: false };
      try {
        await browser.sidePanel.open({ tabId: sender.tab.id });
        return { ok: true };
      } catch {
        return { ok: false };
      }
    },
    [ContentRequest.CurrentNumber]: async ({ e164 }, sender) => {
      if (sender.tab?.id !== undefined) await rememberCurrentNumber(sender.tab.id, e164);
      return { ok: true };
    },
    [PageRequest.Lookup]: async ({ numbers }) => ({
      statuses: await blocklist.lookup(numbers, await lookupScope(db)),
      register: await blocklist.registerState(),
    }),
    [PageRequest.TabCounts]: async ({ tabId }) => counts.get(tabId),
    [ContentRequest.Context]: async () => {
      // A page asks for its context at document_start: load what its first lookup needs meanwhile.
      blocklist.prepare();
      void lookupScope(db).catch(() => undefined);
      return workContext(db);
    },
    [PageRequest.Context]: async () => workContext(db),
    [PageRequest.ContextChanged]: async () => {
      // Another client may mean other client-scoped blocks: pages look their numbers up again.
      // (The set-up watcher in the background does the same for writes that do not send this.)
      forgetLookupScope();
      await Promise.all([broadcastContext(db), broadcastBlocklistChanged(blocklist.invalidate())]);
      return { ok: true };
    },
    [PageRequest.PageTab]: async () => pageTab(),
    [PageRequest.BlocklistChanged]: async () => {
      const revision = blocklist.invalidate();
      await broadcastBlocklistChanged(revision);
      return { ok: true };
    },
  };

  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const envelope = parseEnvelope(message);
    if (!envelope) return undefined;
    const fromPage = isExtensionPage(sender);
    const isContent = CONTENT_REQUESTS.has(envelope.type);
    if (!isContent && !fromPage) return undefined; // content scripts may not use page requests
    if (isContent && !sender.tab) return undefined;
    const handler = handlers[envelope.type] as (payload: unknown, sender: Sender) => Promise<unknown>;
    return handler(envelope.payload, sender);
  };
}
