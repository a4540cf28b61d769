import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KontaktvernDb } from '../db';
import { importRegister } from '../register/import-job';
import { setSetting } from '../settings';
import { BlocklistService } from './blocklist-service';
import { blockNumbers } from './store';

let db: KontaktvernDb;

beforeEach(async () => {
  db = new KontaktvernDb(`register-lookup-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const TODAY = new Date('2026-11-29T12:00:00Z');

async function importLines(lines: string[], snapshotDate = '2026-11-28', actor = 'Kari'): Promise<void> {
  const outcome = await importRegister({
    db,
    file: new File([`${lines.join('\n')}\n`], 'register.csv'),
    snapshotDate,
    actor,
    now: () => TODAY.getTime(),
  });
  if (!outcome.ok) throw new Error(outcome.message);
}

function service(now = TODAY): BlocklistService {
  return new BlocklistService(db, { registerName: () => 'Reservasjonsregisteret', now: () => now });
}

describe('BlocklistService with the register', () => {
  it('answers a register hit as blocked: source register, the register name, the importer, Oslo midnight of the snapshot date', async () => {
    await importLines(['41234567', '22123456']);
    const statuses = await service().lookup(['+4741234567', '+4722123456', '+4798765432', '+46701234567']);
    expect(statuses.map((s) => [s.e164, s.blocked])).toEqual([
      ['+4741234567', true],
      ['+4722123456', true],
      ['+4798765432', false],
      ['+46701234567', false],
    ]);
    expect(statuses[0]?.entry).toEqual({
      source: 'register',
      reason: 'Reservasjonsregisteret',
      scope: null,
      addedBy: 'Kari',
      since: Date.parse('2026-11-27T23:00:00Z'),
    });
  });

  it('lets an opt-out or internal entry win over the register', async () => {
    await importLines(['41234567', '22123456']);
    await blockNumbers(db, [
      { e164: '+4741234567', source: 'opt-out', scope: null, reason: 'Asked on the phone', actor: 'Ola' },
      { e164: '+4722123456', source: 'internal', scope: 'client-1', reason: 'Complaint', actor: 'Ola' },
    ]);
    const [a, b] = await service().lookup(['+4741234567', '+4722123456']);
    expect(a?.entry).toMatchObject({ source: 'opt-out', reason: 'Asked on the phone' });
    expect(b?.entry).toMatchObject({ source: 'internal', scope: 'client-1' });
  });

  it('reports the register state: missing, fresh, stale, and the unverified setting', async () => {
    const s = service();
    expect(await s.registerState()).toEqual({ snapshotDate: null, state: 'missing', markUnverified: false });
    await importLines(['41234567'], '2026-11-28');
    await setSetting(db, 'markUnverifiedWhenStale', true);
    s.invalidate();
    expect(await s.registerState()).toEqual({ snapshotDate: '2026-11-28', state: 'fresh', markUnverified: true });
    // The same snapshot seen on 1 December is from an earlier month: stale.
    expect(await service(new Date('2026-12-01T08:00:00Z')).registerState()).toMatchObject({ state: 'stale', snapshotDate: '2026-11-28' });
  });

  it('switches to a new snapshot in one step on invalidation: a dropped number is free, opt-outs stay', async () => {
    await importLines(['41234567', '98765432']);
    await blockNumbers(db, [{ e164: '+4790000000', source: 'opt-out', scope: null, reason: 'r', actor: 'Ola' }]);
    const s = service();
    const numbers = ['+4741234567', '+4798765432', '+4722123456', '+4790000000'];
    expect((await s.lookup(numbers)).map((x) => x.blocked)).toEqual([true, true, false, true]);

    await importLines(['41234567', '22123456'], '2026-11-29', 'Per');
    // Not invalidated yet: the old snapshot keeps answering.
    expect((await s.lookup(numbers)).map((x) => x.blocked)).toEqual([true, true, false, true]);
    s.invalidate();
    const after = await s.lookup(numbers);
    expect(after.map((x) => x.blocked)).toEqual([true, false, true, true]);
    expect(after[0]?.entry).toMatchObject({ addedBy: 'Per', since: Date.parse('2026-11-28T23:00:00Z') });
    expect(await s.registerState()).toMatchObject({ snapshotDate: '2026-11-29', state: 'fresh' });
  });

  it('lookups made while a rebuild runs never see a half-built state, and the newest invalidation wins', async () => {
    await importLines(['41234567']);
    const s = service();
    await s.lookup(['+4741234567']);
    await importLines(['22123456'], '2026-11-29');
    s.invalidate();
    const during = s.lookup(['+4741234567', '+4722123456']);
    s.invalidate();
    const later = s.lookup(['+4741234567', '+4722123456']);
    expect((await during).map((x) => x.blocked)).toEqual([false, true]);
    expect((await later).map((x) => x.blocked)).toEqual([false, true]);
  });

  it('reuses the loaded register when only the entries changed', async () => {
    await importLines(['41234567']);
    const s = service();
    await s.lookup([]);
    expect(s.stats()).toMatchObject({ reusedRegister: false, registerNumbers: 1 });
    await blockNumbers(db, [{ e164: '+4790000000', source: 'opt-out', scope: null, reason: 'r', actor: 'Ola' }]);
    s.invalidate();
    expect((await s.lookup(['+4790000000']))[0]?.blocked).toBe(true);
    expect(s.stats()).toMatchObject({ reusedRegister: true, registerNumbers: 1, entries: 1 });
  });

  it('treats an incomplete stored snapshot as unavailable (missing, with its date), never half-used', async () => {
    await importLines(['41234567', '98765432']);
    await blockNumbers(db, [{ e164: '+4790000000', source: 'opt-out', scope: null, reason: 'r', actor: 'Ola' }]);
    await db.registerChunks.clear();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = service();
    expect((await s.lookup(['+4741234567', '+4790000000'])).map((x) => x.blocked)).toEqual([false, true]);
    expect(await s.registerState()).toEqual({ snapshotDate: '2026-11-28', state: 'missing', markUnverified: false });
  });

  it('looks up 1,000 numbers against 3 million in a few milliseconds, with only a Uint32Array in memory', async () => {
    const numbers = new Uint32Array(3_000_000);
    for (let i = 0; i < numbers.length; i++) numbers[i] = 40_000_000 + i * 3;
    const { chunkify } = await import('../register/snapshot');
    const chunks = chunkify(numbers);
    await db.registerSnapshots.add({
      id: 'big',
      status: 'active',
      snapshotDate: '2026-11-28',
      fileName: 'big.csv',
      importedBy: 'Kari',
      startedAt: 1,
      completedAt: 2,
      lines: numbers.length,
      accepted: numbers.length,
      duplicates: 0,
      rejected: 0,
      chunkCount: chunks.length,
    });
    await db.registerChunks.bulkAdd(chunks.map((data, index) => ({ snapshotId: 'big', index, data })));
    const s = service();
    await s.lookup([]);
    expect(s.stats()?.registerNumbers).toBe(3_000_000);
    const batch = Array.from({ length: 1000 }, (_, i) => `+47${40_000_000 + i * 7}`);
    const t0 = performance.now();
    const statuses = await s.lookup(batch);
    const ms = performance.now() - t0;
    expect(statuses.filter((x) => x.blocked)).toHaveLength(batch.filter((_, i) => (i * 7) % 3 === 0).length);
    expect(ms).toBeLessThan(50);
  });

  it('does not apply the register to work it does not cover (B2B, market research), while direct opt-outs still block', async () => {
    await importLines(['41234567']);
    await blockNumbers(db, [{ e164: '+4798765432', source: 'opt-out', scope: null, reason: 'Asked', actor: 'Kari' }]);
    const numbers = ['+4741234567', '+4798765432'];
    const consumer = await service().lookup(numbers, { clientId: 'k1', register: true });
    const b2b = await service().lookup(numbers, { clientId: 'k1', register: false });
    expect(consumer.map((s) => s.blocked)).toEqual([true, true]);
    expect(b2b.map((s) => s.blocked)).toEqual([false, true]);
  });
});

