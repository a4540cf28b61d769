/** Regression tests for the reviewed set-up bugs (client-only opt-outs, unchosen legal basis, anonymised logs, duplicate names, agent name length). */
import { describe, expect, it } from 'vitest';
import { BlocklistIndex } from '../blocklist/index';
import { blockNumbers } from '../blocklist/store';
import { MAX_NAME_LENGTH } from '../call-log/call-log-record';
import type { CallLog } from '../db';
import { anonymise } from '../rights/anonymise';
import { agentNameProblem, pasteIsTooLong } from './agent-name';
import { parseSetupDocument } from './setup-document';
import { type CampaignInput, type ClientInput, defaultOutcomes, deleteCampaign, deleteClient, emptyField, importSetup, saveCampaign, saveClient } from './setup-store';
import { Problems, validateField } from './validate';
import { demoDoc, freshDb as freshTestDb } from './test-fixtures';

const freshDb = () => freshTestDb('setup-fixes');

const clientInput: ClientInput = {
  name: 'Vestkraft AS',
  orgNumber: '923456783',
  contact: '',
  agreement: { reference: 'DBA-1', signedDate: '2026-01-15', deletionBy: 'processor', deletionWhen: '30 dager', notes: '' },
};
const campaignInput = (clientId: string, patch: Partial<CampaignInput> = {}): CampaignInput => ({
  clientId,
  name: 'Strøm Vest',
  type: 'consumer-telemarketing',
  logRetentionDays: 90,
  outcomes: defaultOutcomes(),
  sites: [],
  optOutScope: 'client',
  fields: [],
  ...patch,
});
function callLog(campaignId: string, clientId: string): CallLog {
  return { id: crypto.randomUUID(), e164: '+4741234567', campaignId, clientId, agent: 'Kari', outcomeId: 'o', outcomeKind: 'sale', outcomeLabel: '', amountOre: null, note: 'x', at: 1, createdAt: 1, updatedAt: 1, anonymisedAt: null };
}
async function saved<T>(p: Promise<{ ok: true; value: T } | { ok: false; problems: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}
const optOut = (scope: string) => ({ e164: '+4741234567', source: 'opt-out' as const, scope, reason: 'Kunden ba om ikke å bli ringt', actor: 'Kari' });

describe('deleting a client with client-only opt-outs', () => {
  it('is refused while block-list entries apply to that client only, and allowed once none do', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    await blockNumbers(db, [optOut(client.id)]);
    const before = await db.audit.count();
    expect(await deleteClient(db, client.id, 'Lead')).toEqual({ ok: false, reason: 'client-blocks', count: 1 });
    expect(await db.clients.get(client.id)).toBeDefined();
    expect(await db.audit.count()).toBe(before);
    expect(new BlocklistIndex(await db.blocks.toArray()).get('+4741234567', client.id)).toBeDefined();
    await db.blocks.clear();
    // An entry for every client does not refer to this one.
    await blockNumbers(db, [{ ...optOut(client.id), scope: null }]);
    expect(await deleteClient(db, client.id, 'Lead')).toEqual({ ok: true });
  });
});

describe('importing a set-up that would drop or re-id a client with client-only opt-outs', () => {
  it('is refused with a problem per client (path, client, count), and nothing changes', async () => {
    const db = freshDb();
    const local = await saved(saveClient(db, { ...clientInput, name: 'Lokal', orgNumber: '974760673' }, 'Kari'));
    await blockNumbers(db, [optOut(local.id), { ...optOut(local.id), e164: '+4791234567' }]);
    const before = { clients: await db.clients.toArray(), audit: await db.audit.count() };
    const result = await importSetup(db, demoDoc(), 'Lead');
    expect(result).toEqual({ ok: false, problems: [{ path: 'clients', problem: 'client-has-blocks', clientId: local.id, name: 'Lokal', count: 2 }] });
    expect(await db.clients.toArray()).toEqual(before.clients);
    expect(await db.campaigns.count()).toBe(0);
    expect(await db.audit.count()).toBe(before.audit);
  });

  it('names the file entry when the same client (org number) comes with another id', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari');
    const vestkraft = (await db.clients.get('vestkraft'))!;
    await blockNumbers(db, [optOut('vestkraft')]);
    const next = demoDoc();
    const i = next.clients.findIndex((c) => c.id === 'vestkraft');
    next.clients[i] = { ...next.clients[i]!, id: 'vestkraft-2' };
    next.campaigns = next.campaigns.map((c) => (c.clientId === 'vestkraft' ? { ...c, clientId: 'vestkraft-2' } : c));
    const result = await importSetup(db, next, 'Kari');
    expect(result).toEqual({ ok: false, problems: [{ path: `clients[${i}].id`, problem: 'client-has-blocks', clientId: 'vestkraft', name: vestkraft.name, count: 1 }] });
    expect(await db.clients.get('vestkraft')).toEqual(vestkraft);
    expect(await db.clients.get('vestkraft-2')).toBeUndefined();
  });

  it('still imports when the client stays under its id', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari');
    await blockNumbers(db, [optOut('vestkraft')]);
    const result = await importSetup(db, demoDoc(), 'Kari');
    expect(result.ok).toBe(true);
  });
});

describe('a new catalogue field', () => {
  it('starts with no legal basis and no category, and is refused until both are chosen', () => {
    const draft = emptyField();
    expect(draft.legalBasis).toBe('');
    expect(draft.category).toBe('');
    const p = new Problems();
    expect(validateField({ ...draft, label: 'Bankinnskudd', purpose: 'Tilby sparing', retention: '12 mnd' }, '', p)).toBeNull();
    expect(p.list.map((x) => x.path)).toEqual(['legalBasis', 'category']);
    const ok = new Problems();
    expect(validateField({ ...draft, label: 'Bankinnskudd', purpose: 'Tilby sparing', retention: '12 mnd', legalBasis: 'consent', category: 'financial' }, '', ok)?.legalBasis).toBe('consent');
  });

  it('is refused by the store with the field path when left unchosen', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    const result = await saveCampaign(db, campaignInput(client.id, { fields: [{ ...emptyField(), label: 'Mobil', purpose: 'Ringe', retention: '12 mnd' }] }), 'Kari');
    expect(result.ok ? [] : result.problems.map((x) => x.path)).toEqual(['fields[0].legalBasis', 'fields[0].category']);
    expect(await db.campaigns.count()).toBe(0);
  });
});

describe('campaigns and clients whose call logs are all anonymised', () => {
  it('a campaign can be deleted once its logs are anonymised (not before)', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    const campaign = await saved(saveCampaign(db, campaignInput(client.id), 'Kari'));
    const log = callLog(campaign.id, client.id);
    await db.callLogs.add(log);
    expect(await deleteCampaign(db, campaign.id, 'Lead')).toEqual({ ok: false, reason: 'in-use', count: 1 });
    await anonymise(db, { kind: 'campaign', campaignId: campaign.id }, 'Lead');
    expect(await deleteCampaign(db, campaign.id, 'Lead')).toEqual({ ok: true });
    // The anonymised log stays for reporting.
    expect((await db.callLogs.get(log.id))?.campaignId).toBe(campaign.id);
  });

  it('a client can be deleted once its logs are anonymised and its campaigns gone', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    await db.callLogs.add(callLog('not-set-up', client.id));
    expect(await deleteClient(db, client.id, 'Lead')).toEqual({ ok: false, reason: 'in-use', count: 1 });
    await anonymise(db, { kind: 'client', clientId: client.id }, 'Lead');
    expect(await deleteClient(db, client.id, 'Lead')).toEqual({ ok: true });
  });

  it('an import removes them too, like a delete', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari');
    await db.callLogs.add({ ...callLog('innsamling-vinter', 'hjelp-for-alle'), e164: null, note: '', anonymisedAt: 2 });
    const next = demoDoc();
    next.clients = next.clients.filter((c) => c.id === 'vestkraft');
    next.campaigns = next.campaigns.filter((c) => c.clientId === 'vestkraft');
    const result = await importSetup(db, next, 'Kari');
    expect(result.ok && result.summary.keptCampaigns).toEqual([]);
    expect(result.ok && result.summary.keptClients).toEqual([]);
    expect(await db.campaigns.get('innsamling-vinter')).toBeUndefined();
  });
});

describe('the set-up file and campaign names', () => {
  it('refuses two campaigns of a client whose names differ only in spaces or case, like the form', () => {
    const base = { clientId: 'c1', type: 'consumer-telemarketing', logRetentionDays: 90, outcomes: [{ id: 'o1', kind: 'sale', label: '' }], sites: [], optOutScope: 'client', fields: [] };
    const parsed = parseSetupDocument(
      JSON.stringify({
        format: 'kontaktvern-setup',
        version: 1,
        exportedAt: '2026-11-02T09:00:00.000Z',
        clients: [{ id: 'c1', ...clientInput }],
        campaigns: [
          { ...base, id: 'k1', name: 'Strøm  Vest' },
          { ...base, id: 'k2', name: 'strøm vest' },
          { ...base, id: 'k3', name: 'Strøm\tVest' },
        ],
      }),
    );
    expect(parsed).toEqual({ ok: false, problems: [{ path: 'campaigns[1].name', problem: 'duplicate-name' }, { path: 'campaigns[2].name', problem: 'duplicate-name' }] });
  });
});

describe('agent name', () => {
  it('accepts 2 to MAX_NAME_LENGTH characters (trimmed), the longest a log merge accepts', () => {
    expect(agentNameProblem(' K ')).toBe('too-short');
    expect(agentNameProblem('Kari')).toBeNull();
    expect(agentNameProblem(` ${'x'.repeat(MAX_NAME_LENGTH)} `)).toBeNull();
    expect(agentNameProblem('x'.repeat(MAX_NAME_LENGTH + 1))).toBe('too-long');
  });

  it('tells when a paste would be cut by maxLength', () => {
    expect(pasteIsTooLong('Kari', 4, 4, ' Nordmann')).toBe(false);
    expect(pasteIsTooLong('', 0, 0, 'x'.repeat(MAX_NAME_LENGTH + 1))).toBe(true);
    expect(pasteIsTooLong('x'.repeat(MAX_NAME_LENGTH), 0, MAX_NAME_LENGTH, 'y'.repeat(MAX_NAME_LENGTH))).toBe(false);
    expect(pasteIsTooLong('x'.repeat(MAX_NAME_LENGTH), null, null, 'y')).toBe(true);
  });
});
