/** Shared set-up for the call-log and rights tests (imported by *.test.ts files only). */
import type { CallLog, Campaign, Client } from '../db';
import { KontaktvernDb } from '../db';

export async function openTestDb(): Promise<KontaktvernDb> {
  const db = new KontaktvernDb(`call-log-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

export function testClient(overrides: Partial<Client> = {}): Client {
  return {
    id: 'client-1',
    name: 'Sparebanken Vest',
    orgNumber: '832554332',
    contact: 'personvern@example.no',
    agreement: { reference: 'DPA-2026-01', signedDate: '2026-01-15', deletionBy: 'processor', deletionWhen: '30 days after the agreement ends', notes: '' },
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'campaign-1',
    clientId: 'client-1',
    name: 'Vinterkampanje',
    type: 'consumer-telemarketing',
    logRetentionDays: 90,
    outcomes: [
      { id: 'o-sale', kind: 'sale', label: '' },
      { id: 'o-no', kind: 'not-interested', label: '' },
      { id: 'o-dnc', kind: 'do-not-call', label: '' },
      { id: 'o-later', kind: 'call-back', label: 'Ring tilbake' },
      { id: 'o-other', kind: 'other', label: 'Sendt tilbud' },
    ],
    sites: ['crm.example.no'],
    optOutScope: 'client',
    fields: [
      { id: 'f1', label: 'Bankinnskudd', selector: '', purpose: 'Tilpasse tilbud', legalBasis: 'legitimate-interest', category: 'financial', retention: '24 måneder etter siste kontakt' },
    ],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

/** 2026-11-28 14:00 in Oslo (CET). */
export const NOW = Date.parse('2026-11-28T13:00:00Z');
export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** A call log of campaign-1 / client-1 (a sale by Kari at NOW), with overrides. */
export function testLog(overrides: Partial<CallLog> = {}): CallLog {
  return {
    id: 'log-1',
    e164: '+4741234567',
    campaignId: 'campaign-1',
    clientId: 'client-1',
    agent: 'Kari',
    outcomeId: 'o-sale',
    outcomeKind: 'sale',
    outcomeLabel: '',
    amountOre: 10_000,
    note: 'Vil ha kort',
    at: NOW,
    createdAt: NOW,
    updatedAt: NOW,
    anonymisedAt: null,
    ...overrides,
  };
}
