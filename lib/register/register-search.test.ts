import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KontaktvernDb } from '../db';
import { findInRegister } from './register-search';
import { chunkify } from './snapshot';

let db: KontaktvernDb;

beforeEach(async () => {
  db = new KontaktvernDb(`register-search-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function store(numbers: number[], perChunk: number): Promise<void> {
  const chunks = chunkify(Uint32Array.from(numbers), perChunk);
  await db.registerSnapshots.add({
    id: 's1',
    status: 'active',
    snapshotDate: '2026-11-28',
    fileName: 'r.csv',
    importedBy: 'Kari',
    startedAt: 1,
    completedAt: 2,
    lines: numbers.length,
    accepted: numbers.length,
    duplicates: 0,
    rejected: 0,
    chunkCount: chunks.length,
  });
  await db.registerChunks.bulkAdd(chunks.map((data, index) => ({ snapshotId: 's1', index, data })));
}

describe('findInRegister', () => {
  it('finds numbers in any chunk, and not the gaps between them', async () => {
    const numbers = Array.from({ length: 100 }, (_, i) => 40000000 + i * 10);
    await store(numbers, 7);
    for (const n of [numbers[0]!, numbers[6]!, numbers[7]!, numbers[50]!, numbers[99]!]) {
      expect((await findInRegister(db, `+47${n}`))?.snapshotDate).toBe('2026-11-28');
    }
    for (const n of [39999999, 40000005, 40000065, 40000995, 99999999]) expect(await findInRegister(db, `+47${n}`)).toBeNull();
  });

  it('is null without a register, for foreign numbers, and when a chunk is missing', async () => {
    expect(await findInRegister(db, '+4741234567')).toBeNull();
    await store([41234567, 98765432], 1);
    expect(await findInRegister(db, '+46701234567')).toBeNull();
    await db.registerChunks.delete(['s1', 1]);
    expect(await findInRegister(db, '+4798765432')).toBeNull();
  });
});
