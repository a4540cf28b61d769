import { describe, expect, it } from 'vitest';
import type { PageFieldsResult } from '@/lib/messages';
import { loadPageFields, onCampaignSite } from './page-fields-state';

const campaign = { sites: ['crm.example.no'], fields: [{ id: 'f1', label: 'Bankinnskudd', selector: '', purpose: '', legalBasis: 'legitimate-interest', category: 'financial', retention: '' }] } as never;
const result = { found: [], undocumented: [], missing: [] } as unknown as PageFieldsResult;

describe('loadPageFields (PageFields: never stuck on "Loading…")', () => {
  it('is "unreachable" when the background does not answer', async () => {
    const state = await loadPageFields(campaign, { pageTab: () => Promise.reject(new Error('Receiving end does not exist')), findFields: async () => result });
    expect(state).toEqual({ kind: 'unreachable' });
  });

  it('is "unreachable" when the page does not answer, or answers nothing', async () => {
    const pageTab = async () => ({ tabId: 3, url: 'https://crm.example.no/kunde/1' });
    expect(await loadPageFields(campaign, { pageTab, findFields: () => Promise.reject(new Error('no content script')) })).toEqual({ kind: 'unreachable' });
    expect(await loadPageFields(campaign, { pageTab, findFields: async () => undefined })).toEqual({ kind: 'unreachable' });
  });

  it('no page, ready, and off-site', async () => {
    expect(await loadPageFields(campaign, { pageTab: async () => ({ tabId: null, url: null }), findFields: async () => result })).toEqual({ kind: 'no-page' });
    const tabs: number[] = [];
    expect(await loadPageFields(campaign, { pageTab: async () => ({ tabId: 3, url: 'https://crm.example.no/' }), findFields: async () => result, onTab: (id) => tabs.push(id) })).toEqual({
      kind: 'ready',
      tabId: 3,
      offSite: null,
      result,
    });
    expect(tabs).toEqual([3]);
    expect(await loadPageFields(campaign, { pageTab: async () => ({ tabId: 4, url: 'https://news.example.com/a' }), findFields: async () => result })).toMatchObject({ kind: 'ready', offSite: 'news.example.com' });
  });

  it('onCampaignSite: host or *.domain', () => {
    expect(onCampaignSite('https://a.crm.no/x', ['*.crm.no'])).toBe(true);
    expect(onCampaignSite('https://crm.no/x', ['*.crm.no'])).toBe(true);
    expect(onCampaignSite('https://evilcrm.no/x', ['*.crm.no'])).toBe(false);
    expect(onCampaignSite('not a url', ['crm.no'])).toBe(false);
    expect(onCampaignSite('https://any.no', [])).toBe(true);
  });
});
