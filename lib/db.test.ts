import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { KontaktvernDb } from './db';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

function freshName(): string {
  const name = `upgrade-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

describe('database schema', () => {
  it('opens at the latest version with every table', async () => {
    const db = new KontaktvernDb(freshName());
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['audit', 'blocks', 'callLogs', 'campaigns', 'clients', 'importReports', 'registerChunks', 'registerSnapshots', 'settings']);
    db.close();
  });

  it('upgrades a version-1 database without losing the block list, audit trail or settings', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ blocks: 'id, e164, source, createdAt', audit: 'id, at, e164, action', settings: 'key' });
    await v1.open();
    await v1.table('blocks').add({ id: 'b1', e164: '+4741234567', source: 'opt-out', scope: null, reason: 'r', addedBy: 'Kari', createdAt: 1, updatedAt: 1 });
    await v1.table('audit').add({ id: 'a1', at: 1, actor: 'Kari', action: 'block', reason: 'r', e164: '+4741234567' });
    await v1.table('settings').put({ key: 'agentName', value: 'Kari', updatedAt: 1 });
    v1.close();

    const db = new KontaktvernDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.blocks.get('b1')).toMatchObject({ e164: '+4741234567', addedBy: 'Kari' });
    expect(await db.audit.count()).toBe(1);
    expect((await db.settings.get('agentName'))?.value).toBe('Kari');
    expect(await db.registerSnapshots.count()).toBe(0);
    await db.registerChunks.add({ snapshotId: 's', index: 0, data: new Uint32Array([41234567]).buffer });
    expect(await db.registerChunks.where('snapshotId').equals('s').count()).toBe(1);
    db.close();
  });

  it('upgrades a version-2 database without losing the register, and adds empty set-up and call-log tables', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores({ blocks: 'id, e164, source, createdAt', audit: 'id, at, e164, action', settings: 'key' });
    v2.version(2).stores({ registerSnapshots: 'id, status, startedAt', registerChunks: '[snapshotId+index], snapshotId', importReports: 'id, createdAt' });
    await v2.open();
    await v2.table('blocks').add({ id: 'b1', e164: '+4741234567', source: 'register', scope: null, reason: 'r', addedBy: 'Kari', createdAt: 1, updatedAt: 1 });
    await v2.table('registerSnapshots').add({ id: 's1', status: 'active', snapshotDate: '2026-11-01', fileName: 'f', importedBy: 'Kari', startedAt: 1, completedAt: 2, lines: 1, accepted: 1, duplicates: 0, rejected: 0, chunkCount: 1 });
    await v2.table('registerChunks').add({ snapshotId: 's1', index: 0, data: new Uint32Array([41234567]).buffer });
    v2.close();

    const db = new KontaktvernDb(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.blocks.count()).toBe(1);
    expect((await db.registerSnapshots.get('s1'))?.status).toBe('active');
    expect(await db.registerChunks.where('snapshotId').equals('s1').count()).toBe(1);
    expect(await db.clients.count()).toBe(0);
    await db.campaigns.add({ id: 'c1', clientId: 'k1', name: 'Vinter', type: 'charity', logRetentionDays: 90, outcomes: [], sites: [], optOutScope: 'all', fields: [], createdAt: 1, updatedAt: 1 });
    expect(await db.campaigns.where('clientId').equals('k1').count()).toBe(1);
    await db.callLogs.add({ id: 'l1', e164: '+4741234567', campaignId: 'c1', clientId: 'k1', agent: 'Kari', outcomeId: 'o', outcomeKind: 'sale', outcomeLabel: '', amountOre: 100, note: '', at: 5, createdAt: 5, updatedAt: 5, anonymisedAt: null });
    expect(await db.callLogs.where('e164').equals('+4741234567').count()).toBe(1);
    db.close();
  });
});
