import { browser } from 'wxt/browser';
import { callingHoursState } from '@/lib/calling-hours/calling-hours';
import { clockNow } from '@/lib/clock';
import type { LookupScope } from '@/lib/blocklist/blocklist-service';
import type { KontaktvernDb } from '@/lib/db';
import { BackgroundEvent, type EventEnvelope, type WorkContext } from '@/lib/messages';
import { getSetting } from '@/lib/settings';

/** The active campaign (from settings), its client, and the calling hours that apply to it now. */
export async function workContext(db: KontaktvernDb): Promise<WorkContext> {
  const id = await getSetting(db, 'activeCampaignId');
  const campaign = id ? await db.campaigns.get(id) : undefined;
  if (!campaign) {
    // Campaigns are set up but none is chosen: the type is unknown, so the stricter consumer rules apply
    // (the safer reading). Before any set-up there is nothing to go by: the panel asks for a set-up.
    const anyCampaign = (await db.campaigns.count()) > 0;
    const now = clockNow();
    if (anyCampaign) return { campaign: null, hours: callingHoursState(now, 'consumer-telemarketing'), hoursFrom: 'default', now };
    return { campaign: null, hours: { allowed: true, exempt: true, until: null }, hoursFrom: 'none', now };
  }
  const client = await db.clients.get(campaign.clientId);
  // Read after the database: a page sets its clock by `now`, so a stale one would let it call past 21:00.
  const now = clockNow();
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      type: campaign.type,
      clientId: campaign.clientId,
      clientName: client?.name ?? '',
      hasAgreement: Boolean(client?.agreement),
      optOutScope: campaign.optOutScope,
    },
    hours: callingHoursState(now, campaign.type),
    hoursFrom: 'campaign',
    now,
  };
}

/**
 * What the block list must consider for the agent's current work: the active campaign's client
 * (null when none is chosen: every entry applies) and whether the register applies (not for
 * business-to-business calls or market research). Every lookup needs it, so it is read once and
 * kept until the set-up changes (`forgetLookupScope`, called by the set-up watcher and on
 * `PageRequest.ContextChanged`).
 */
export function lookupScope(db: KontaktvernDb): Promise<LookupScope> {
  scopeCache ??= readLookupScope(db).catch((error: unknown) => {
    scopeCache = null;
    throw error;
  });
  return scopeCache;
}

let scopeCache: Promise<LookupScope> | null = null;

export function forgetLookupScope(): void {
  scopeCache = null;
}

async function readLookupScope(db: KontaktvernDb): Promise<LookupScope> {
  const id = await getSetting(db, 'activeCampaignId');
  const campaign = id ? await db.campaigns.get(id) : undefined;
  if (!campaign) return { clientId: null, register: true };
  return { clientId: campaign.clientId, register: campaign.type !== 'b2b' && campaign.type !== 'market-research' };
}

/** Tells every frame of every tab the new work context (campaign switched, set-up edited, clock changed in a test). */
export async function broadcastContext(db: KontaktvernDb): Promise<void> {
  const tabs = await browser.tabs.query({});
  // Built after the tab query, so the `now` each page sets its clock by is as fresh as can be.
  const event: EventEnvelope<BackgroundEvent.ContextChanged> = { type: BackgroundEvent.ContextChanged, payload: await workContext(db) };
  await Promise.all([
    ...tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(() => undefined))),
    // Extension pages (side panel, popup) hear it too; none may be open.
    browser.runtime.sendMessage(event).catch(() => undefined),
  ]);
}

function isWebUrl(url: string | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\//.test(url);
}

/**
 * The web page the side panel works beside: the active tab of the last focused
 * window when it is a web page, else the web page the agent looked at last.
 */
export async function pageTab(): Promise<{ tabId: number | null; url: string | null }> {
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== undefined && isWebUrl(active.url)) return { tabId: active.id, url: active.url };
  const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && isWebUrl(t.url));
  tabs.sort((a, b) => ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0));
  const last = tabs[0];
  return last ? { tabId: last.id!, url: last.url! } : { tabId: null, url: null };
}
