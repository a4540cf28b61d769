import { describe, expect, it } from 'vitest';
import type { CallLog } from '../db';
import { getSetting, setSetting } from '../settings';
import { type CampaignInput, type ClientInput, copyFields, defaultOutcomes, deleteCampaign, deleteClient, importSetup, saveCampaign, saveClient, saveProcessor } from './setup-store';
import { demoDoc, freshDb as freshTestDb } from './test-fixtures';

const freshDb = () => freshTestDb('setup-store');

const clientInput: ClientInput = {
  name: 'Vestkraft AS',
  orgNumber: '923456783',
  contact: 'dpo@vestkraft.example',
  agreement: { reference: 'DBA-1', signedDate: '2026-01-15', deletionBy: 'processor', deletionWhen: '30 dager etter slutt', notes: '' },
};

function campaignInput(clientId: string, patch: Partial<CampaignInput> = {}): CampaignInput {
  return {
    clientId,
    name: 'Strøm Vest',
    type: 'consumer-telemarketing',
    logRetentionDays: 90,
    outcomes: defaultOutcomes(),
    sites: ['crm.example.no'],
    optOutScope: 'all',
    fields: [{ id: 'f-mobil', label: 'Mobil', selector: '#card-mobile', purpose: 'Ringe kunden', legalBasis: 'legitimate-interest', category: 'contact', retention: '12 måneder' }],
    ...patch,
  };
}

function callLog(campaignId: string, clientId: string): CallLog {
  return {
    id: crypto.randomUUID(),
    e164: '+4741234567',
    campaignId,
    clientId,
    agent: 'Kari',
    outcomeId: 'o',
    outcomeKind: 'sale',
    outcomeLabel: '',
    amountOre: null,
    note: '',
    at: 1,
    createdAt: 1,
    updatedAt: 1,
    anonymisedAt: null,
  };
}

async function saved<T>(promise: Promise<{ ok: true; value: T } | { ok: false; problems: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('defaultOutcomes', () => {
  it('gives the six built-in kinds with fresh ids and empty labels', () => {
    const a = defaultOutcomes();
    expect(a.map((o) => o.kind)).toEqual(['sale', 'not-interested', 'no-answer', 'call-back', 'do-not-call', 'wrong-number']);
    expect(a.every((o) => o.label === '')).toBe(true);
    expect(new Set([...a, ...defaultOutcomes()].map((o) => o.id)).size).toBe(12);
  });
});

describe('clients', () => {
  it('adds a client with an id and timestamps, audited', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari', { now: 100, reason: 'Oppdragsgiver lagt til' }));
    expect(client).toMatchObject({ name: 'Vestkraft AS', createdAt: 100, updatedAt: 100 });
    expect(client.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.clients.get(client.id)).toEqual(client);
    const audit = await db.audit.toArray();
    expect(audit).toMatchObject([{ actor: 'Kari', action: 'settings', reason: 'Oppdragsgiver lagt til', detail: { clientId: client.id } }]);
  });

  it('updates a client and keeps createdAt', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari', { now: 100 }));
    const changed = await saved(saveClient(db, { ...client, agreement: null }, 'Kari', { now: 200 }));
    expect(changed).toMatchObject({ id: client.id, agreement: null, createdAt: 100, updatedAt: 200 });
    expect(await db.clients.count()).toBe(1);
  });

  it('refuses invalid input and stores nothing', async () => {
    const db = freshDb();
    const result = await saveClient(db, { ...clientInput, orgNumber: '123', name: '' }, 'Kari');
    expect(result).toEqual({ ok: false, problems: [{ path: 'name', problem: 'empty' }, { path: 'orgNumber', problem: 'invalid-org-number' }] });
    expect(await db.clients.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses a second client with the same org number', async () => {
    const db = freshDb();
    await saved(saveClient(db, clientInput, 'Kari'));
    expect(await saveClient(db, { ...clientInput, name: 'Other' }, 'Kari')).toEqual({ ok: false, problems: [{ path: 'orgNumber', problem: 'duplicate-org-number' }] });
  });

  it('deletes a client only when no campaign or call log refers to it', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    const campaign = await saved(saveCampaign(db, campaignInput(client.id), 'Kari'));
    expect(await deleteClient(db, client.id, 'Kari')).toEqual({ ok: false, reason: 'in-use', count: 1 });
    expect(await deleteCampaign(db, campaign.id, 'Kari')).toEqual({ ok: true });
    await db.callLogs.add(callLog('gone', client.id));
    expect(await deleteClient(db, client.id, 'Kari')).toEqual({ ok: false, reason: 'in-use', count: 1 });
    await db.callLogs.clear();
    expect(await deleteClient(db, client.id, 'Kari')).toEqual({ ok: true });
    expect(await db.clients.count()).toBe(0);
    expect(await deleteClient(db, client.id, 'Kari')).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('campaigns', () => {
  it('saves a valid campaign for an existing client', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    const campaign = await saved(saveCampaign(db, campaignInput(client.id), 'Kari', { now: 5 }));
    expect(await db.campaigns.get(campaign.id)).toEqual(campaign);
    expect(campaign.createdAt).toBe(5);
  });

  it('validates with the document rules and refuses an unknown client or a duplicate name', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    expect(await saveCampaign(db, campaignInput('nobody'), 'Kari')).toEqual({ ok: false, problems: [{ path: 'clientId', problem: 'unknown-client' }] });
    const bad = await saveCampaign(
      db,
      campaignInput(client.id, {
        logRetentionDays: 0,
        outcomes: [],
        sites: ['https://x'],
        fields: [{ id: 'f', label: 'A', selector: '', purpose: '', legalBasis: 'consent', category: 'contact', retention: 'x' }],
      }),
      'Kari',
    );
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.path} ${p.problem}`)).toEqual(['logRetentionDays out-of-range', 'outcomes empty', 'sites[0] invalid-site', 'fields[0].purpose empty']);
    await saved(saveCampaign(db, campaignInput(client.id), 'Kari'));
    expect(await saveCampaign(db, campaignInput(client.id, { name: ' strøm vest ' }), 'Kari')).toEqual({ ok: false, problems: [{ path: 'name', problem: 'duplicate-name' }] });
    expect(await db.campaigns.count()).toBe(1);
  });

  it('deletes a campaign only when no call log refers to it, and clears it as the active campaign', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    const campaign = await saved(saveCampaign(db, campaignInput(client.id), 'Kari'));
    await setSetting(db, 'activeCampaignId', campaign.id);
    await db.callLogs.add(callLog(campaign.id, client.id));
    expect(await deleteCampaign(db, campaign.id, 'Kari')).toEqual({ ok: false, reason: 'in-use', count: 1 });
    await db.callLogs.clear();
    expect(await deleteCampaign(db, campaign.id, 'Kari')).toEqual({ ok: true });
    expect(await getSetting(db, 'activeCampaignId')).toBeNull();
  });

  it('copies fields with new ids, skipping labels the target has', async () => {
    const db = freshDb();
    const client = await saved(saveClient(db, clientInput, 'Kari'));
    const field = (id: string, label: string) => ({ id, label, selector: '', purpose: 'p', legalBasis: 'consent' as const, category: 'contact' as const, retention: 'r' });
    const from = await saved(saveCampaign(db, campaignInput(client.id, { name: 'A', fields: [field('a1', 'Mobil'), field('a2', 'E-post'), field('a3', 'Adresse')] }), 'Kari'));
    const to = await saved(saveCampaign(db, campaignInput(client.id, { name: 'B', fields: [field('b1', ' mobil')] }), 'Kari'));
    expect(await copyFields(db, from.id, to.id, 'Kari')).toEqual({ ok: true, copied: 2, skipped: 1 });
    const after = (await db.campaigns.get(to.id))!.fields;
    expect(after.map((f) => f.label)).toEqual(['mobil', 'E-post', 'Adresse']);
    expect(after.some((f) => f.id === 'a2' || f.id === 'a3')).toBe(false);
    expect(await copyFields(db, from.id, to.id, 'Kari')).toEqual({ ok: true, copied: 0, skipped: 3 });
    expect(await copyFields(db, from.id, 'missing', 'Kari')).toEqual({ ok: false, reason: 'not-found' });
    expect(await copyFields(db, from.id, from.id, 'Kari')).toEqual({ ok: false, reason: 'same-campaign' });
  });
});

describe('processor', () => {
  it('saves the processor name and contact, validated and audited', async () => {
    const db = freshDb();
    expect(await saveProcessor(db, { processorName: '', processorContact: 'x' }, 'Kari')).toEqual({ ok: false, problems: [{ path: 'processorName', problem: 'empty' }] });
    await saved(saveProcessor(db, { processorName: ' Ring AS ', processorContact: 'dpo@ring.example' }, 'Kari'));
    expect(await getSetting(db, 'processorName')).toBe('Ring AS');
    expect(await getSetting(db, 'processorContact')).toBe('dpo@ring.example');
    expect(await db.audit.count()).toBe(1);
  });
});

describe('importSetup', () => {
  it('imports into an empty set-up and audits the counts', async () => {
    const db = freshDb();
    const result = await importSetup(db, demoDoc(), 'Kari', { now: 10, fileName: 'setup-demo.json' });
    expect(result).toEqual({
      ok: true,
      summary: {
        clients: { added: 2, updated: 0, unchanged: 0, removed: 0, kept: 0 },
        campaigns: { added: 3, updated: 0, unchanged: 0, removed: 0, kept: 0 },
        keptClients: [],
        keptCampaigns: [],
        activeCampaignCleared: false,
      },
    });
    expect(await db.clients.count()).toBe(2);
    expect((await db.campaigns.get('strom-vest-host'))?.createdAt).toBe(10);
    const [event] = await db.audit.toArray();
    expect(event).toMatchObject({ actor: 'Kari', action: 'settings', detail: { setting: 'setup-import', fileName: 'setup-demo.json', clients: { added: 2 }, campaigns: { added: 3 } } });
  });

  it('importing the same file again changes nothing but is still recorded', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari', { now: 10 });
    const result = await importSetup(db, demoDoc(), 'Kari', { now: 20 });
    expect(result.ok && result.summary.clients).toEqual({ added: 0, updated: 0, unchanged: 2, removed: 0, kept: 0 });
    expect(result.ok && result.summary.campaigns).toEqual({ added: 0, updated: 0, unchanged: 3, removed: 0, kept: 0 });
    expect((await db.campaigns.get('strom-vest-host'))?.updatedAt).toBe(10);
    expect(await db.audit.count()).toBe(2);
  });

  it('replaces the set-up: updates, adds, removes; keeps what call logs refer to; clears a removed active campaign', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari', { now: 10 });
    // A locally made client and campaign with call logs, and one without.
    const local = await saved(saveClient(db, { ...clientInput, orgNumber: '974760673', name: 'Lokal AS' }, 'Kari'));
    const logged = await saved(saveCampaign(db, campaignInput(local.id, { name: 'Med logger' }), 'Kari'));
    await db.callLogs.add(callLog(logged.id, local.id));
    await setSetting(db, 'activeCampaignId', 'markedsundersokelse');

    const next = demoDoc();
    next.clients = next.clients.filter((c) => c.id === 'vestkraft').map((c) => ({ ...c, contact: 'ny@vestkraft.example' }));
    next.campaigns = next.campaigns.filter((c) => c.id === 'strom-vest-host');
    next.campaigns.push({ ...next.campaigns[0]!, id: 'ny-kampanje', name: 'Ny kampanje' });

    const result = await importSetup(db, next, 'Kari', { now: 30 });
    expect(result).toEqual({
      ok: true,
      summary: {
        clients: { added: 0, updated: 1, unchanged: 0, removed: 1, kept: 1 },
        campaigns: { added: 1, updated: 0, unchanged: 1, removed: 2, kept: 1 },
        keptClients: [{ id: local.id, name: 'Lokal AS' }],
        keptCampaigns: [{ id: logged.id, name: 'Med logger' }],
        activeCampaignCleared: true,
      },
    });
    expect((await db.clients.toArray()).map((c) => c.name).sort()).toEqual(['Lokal AS', 'Vestkraft AS']);
    expect((await db.campaigns.toArray()).map((c) => c.name).sort()).toEqual(['Med logger', 'Ny kampanje', 'Strøm Vest – høstkampanje']);
    expect((await db.clients.get('vestkraft'))?.contact).toBe('ny@vestkraft.example');
    expect(await getSetting(db, 'activeCampaignId')).toBeNull();
  });

  it('keeps a client when only its kept campaign (with call logs) refers to it', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari');
    await db.callLogs.add(callLog('innsamling-vinter', 'hjelp-for-alle'));
    await db.callLogs.update((await db.callLogs.toArray())[0]!.id, { clientId: 'someone-else' });
    const next = demoDoc();
    next.clients = next.clients.filter((c) => c.id === 'vestkraft');
    next.campaigns = next.campaigns.filter((c) => c.clientId === 'vestkraft');
    const result = await importSetup(db, next, 'Kari');
    expect(result.ok && result.summary.keptClients).toEqual([{ id: 'hjelp-for-alle', name: 'Hjelp for Alle' }]);
    expect(await db.clients.get('hjelp-for-alle')).toBeDefined();
  });

  it('refuses a file that clashes with what must be kept, and changes nothing', async () => {
    const db = freshDb();
    const local = await saved(saveClient(db, { ...clientInput, orgNumber: '923456783', name: 'Lokal' }, 'Kari'));
    await db.callLogs.add(callLog('x', local.id));
    const result = await importSetup(db, demoDoc(), 'Kari');
    expect(result).toEqual({ ok: false, problems: [{ path: 'clients[0].orgNumber', problem: 'duplicate-org-number' }] });
    expect(await db.clients.count()).toBe(1);
    expect(await db.campaigns.count()).toBe(0);
  });

  it('a bad document changes nothing', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari');
    const before = { clients: await db.clients.toArray(), campaigns: await db.campaigns.toArray(), audit: await db.audit.count() };
    const bad = demoDoc();
    bad.clients = [];
    const result = await importSetup(db, bad, 'Kari');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.problem)).toEqual(['unknown-client', 'unknown-client', 'unknown-client']);
    expect(await db.clients.toArray()).toEqual(before.clients);
    expect(await db.campaigns.toArray()).toEqual(before.campaigns);
    expect(await db.audit.count()).toBe(before.audit);
  });

  it('rolls everything back when writing fails mid-way', async () => {
    const db = freshDb();
    await importSetup(db, demoDoc(), 'Kari');
    const before = await db.campaigns.toArray();
    const next = demoDoc();
    next.campaigns = next.campaigns.slice(0, 1);
    const fail = () => {
      throw new Error('disk full');
    };
    db.audit.hook('creating', fail);
    await expect(importSetup(db, next, 'Kari')).rejects.toThrow('disk full');
    db.audit.hook('creating').unsubscribe(fail);
    expect(await db.campaigns.toArray()).toEqual(before);
  });
});
