/**
 * What the side panel's "Fields on this page" shows, worked out from the
 * background's answer (which tab is beside the panel) and the page's own
 * (which fields it has). Never rejects: any failure is "unreachable", which
 * the panel shows as its translated message instead of staying on "Loading…".
 */
import type { Campaign } from '@/lib/db';
import type { PageFieldsResult } from '@/lib/messages';

export type PageFieldsState =
  | { kind: 'loading' }
  | { kind: 'no-page' }
  | { kind: 'unreachable' }
  | { kind: 'ready'; tabId: number; offSite: string | null; result: PageFieldsResult };

/** Is the page one of the campaign's CRM sites (host, or `*.domain` for its subdomains)? No sites listed: any page. */
export function onCampaignSite(url: string, sites: readonly string[]): boolean {
  if (sites.length === 0) return true;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return sites.some((site) => {
    const s = site.toLowerCase();
    return s.startsWith('*.') ? host === s.slice(2) || host.endsWith(s.slice(1)) : host === s;
  });
}

export interface PageFieldsSources {
  /** The background's PageTab answer. */
  pageTab(): Promise<{ tabId: number | null; url: string | null }>;
  /** Asks the page in the tab for the fields (undefined: no answer). */
  findFields(tabId: number, fields: { id: string; label: string; selector: string }[]): Promise<PageFieldsResult | undefined>;
  /** Called as soon as the tab is known (the panel watches it for navigation). */
  onTab?(tabId: number): void;
}

/** The state to show for the campaign's fields on the page beside the panel. */
export async function loadPageFields(campaign: Pick<Campaign, 'sites' | 'fields'>, sources: PageFieldsSources): Promise<PageFieldsState> {
  try {
    const { tabId, url } = await sources.pageTab();
    if (tabId === null || url === null) return { kind: 'no-page' };
    sources.onTab?.(tabId);
    const offSite = onCampaignSite(url, campaign.sites) ? null : new URL(url).hostname;
    const fields = campaign.fields.map(({ id, label, selector }) => ({ id, label, selector }));
    const result = await sources.findFields(tabId, fields);
    return result ? { kind: 'ready', tabId, offSite, result } : { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
}
