import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KontaktvernDb } from '../db';
import { BlocklistService } from './blocklist-service';
import { blockNumbers, historyFor, unblockEntry } from './store';

let db: KontaktvernDb;

beforeEach(async () => {
  db = new KontaktvernDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('BlocklistService', () => {
  it('answers blocked and not-blocked numbers in one batch, in request order', async () => {
    await blockNumbers(db, [{ e164: '+4741234567', source: 'opt-out', scope: null, reason: 'Asked on the phone', actor: 'Kari' }]);
    const service = new BlocklistService(db);
    const statuses = await service.lookup(['+4799999999', '+4741234567']);
    expect(statuses.map((s) => [s.e164, s.blocked])).toEqual([
      ['+4799999999', false],
      ['+4741234567', true],
    ]);
    expect(statuses[1]?.entry).toMatchObject({ source: 'opt-out', reason: 'Asked on the phone', addedBy: 'Kari', scope: null });
  });

  it('sees changes only after invalidation, then sees them at once', async () => {
    const service = new BlocklistService(db);
    expect((await service.lookup(['+4741234567']))[0]?.blocked).toBe(false);
    const [entry] = await blockNumbers(db, [{ e164: '+4741234567', source: 'internal', scope: null, reason: 'Test', actor: 'Ola' }]);
    expect((await service.lookup(['+4741234567']))[0]?.blocked).toBe(false);
    service.invalidate();
    expect((await service.lookup(['+4741234567']))[0]?.blocked).toBe(true);
    await unblockEntry(db, entry!.id, 'Entered by mistake', 'Ola');
    service.invalidate();
    expect((await service.lookup(['+4741234567']))[0]?.blocked).toBe(false);
  });

  it('prepare() loads the block list ahead of the first lookup, which then builds nothing again', async () => {
    await blockNumbers(db, [{ e164: '+4741234567', source: 'opt-out', scope: null, reason: 'Asked', actor: 'Kari' }]);
    const service = new BlocklistService(db);
    expect(service.stats()).toBeUndefined();
    service.prepare();
    await expect.poll(() => service.stats()?.entries).toBe(1);
    const built = service.stats();
    expect((await service.lookup(['+4741234567']))[0]?.blocked).toBe(true);
    expect(service.stats()).toBe(built);
  });

  it('prepare() on a closed database throws nothing; the lookup reports the failure', async () => {
    const service = new BlocklistService(db);
    db.close();
    expect(() => service.prepare()).not.toThrow();
    await expect(service.lookup(['+4741234567'])).rejects.toThrow();
  });
});

describe('block list store', () => {
  it('audits every add and removal with who, when and why, in order', async () => {
    const [entry] = await blockNumbers(db, [{ e164: '+4722123456', source: 'internal', scope: 'client-1', reason: 'Complaint', actor: 'Kari' }], 1000);
    await unblockEntry(db, entry!.id, 'Complaint withdrawn', 'Per', 2000);
    const history = await historyFor(db, '+4722123456');
    expect(history.map((h) => [h.action, h.actor, h.at, h.reason, h.scope])).toEqual([
      ['block', 'Kari', 1000, 'Complaint', 'client-1'],
      ['unblock', 'Per', 2000, 'Complaint withdrawn', 'client-1'],
    ]);
    expect(await db.blocks.count()).toBe(0);
  });

  it('refuses a removal without a reason and keeps the entry', async () => {
    const [entry] = await blockNumbers(db, [{ e164: '+4722123456', source: 'internal', scope: null, reason: 'x', actor: 'Kari' }]);
    await expect(unblockEntry(db, entry!.id, '   ', 'Per')).rejects.toMatchObject({ code: 'reason-required' });
    expect(await db.blocks.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
  });

  it('does not duplicate an entry with the same number, source and scope', async () => {
    const req = { e164: '+4741234567', source: 'opt-out' as const, scope: null, reason: 'r', actor: 'a' };
    await blockNumbers(db, [req, req]);
    await blockNumbers(db, [req]);
    expect(await db.blocks.count()).toBe(1);
    await blockNumbers(db, [{ ...req, scope: 'client-2' }]);
    expect(await db.blocks.count()).toBe(2);
  });

  it('gives every entry a random UUID and timestamps', async () => {
    const [a] = await blockNumbers(db, [{ e164: '+4741234567', source: 'opt-out', scope: null, reason: 'r', actor: 'a' }], 5);
    expect(a?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([a?.createdAt, a?.updatedAt]).toEqual([5, 5]);
  });

  it('rejects a number that is not E.164 and writes nothing', async () => {
    await expect(blockNumbers(db, [{ e164: '41234567', source: 'opt-out', scope: null, reason: 'r', actor: 'a' }])).rejects.toMatchObject({
      code: 'invalid-number',
    });
    expect(await db.blocks.count()).toBe(0);
  });
});

describe('client-scoped entries', () => {
  it('block a number only for their client; with no client known every entry blocks', async () => {
    const db = new KontaktvernDb(`scope-${crypto.randomUUID()}`);
    const service = new BlocklistService(db, { registerName: () => 'register' });
    await blockNumbers(db, [
      { e164: '+4741234567', source: 'opt-out', scope: 'client-a', reason: 'Asked client A', actor: 'Kari' },
      { e164: '+4790000001', source: 'opt-out', scope: null, reason: 'Asked everyone', actor: 'Kari' },
      { e164: '+4790000002', source: 'internal', scope: 'client-b', reason: 'Complaint to B', actor: 'Kari' },
      { e164: '+4790000002', source: 'opt-out', scope: 'client-a', reason: 'Asked A', actor: 'Kari' },
    ]);
    const blocked = async (client: string | null) =>
      (await service.lookup(['+4741234567', '+4790000001', '+4790000002'], { clientId: client, register: true })).map((s) => (s.blocked ? s.entry!.reason : null));
    expect(await blocked('client-a')).toEqual(['Asked client A', 'Asked everyone', 'Asked A']);
    expect(await blocked('client-b')).toEqual([null, 'Asked everyone', 'Complaint to B']);
    expect(await blocked('client-c')).toEqual([null, 'Asked everyone', null]);
    expect(await blocked(null)).toEqual(['Asked client A', 'Asked everyone', 'Asked A']);
    db.close();
  });
});
