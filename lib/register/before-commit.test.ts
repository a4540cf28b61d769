import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KontaktvernDb } from '../db';
import { type CommitSummary, type ImportOptions, importRegister, loadActiveRegister } from './import-job';
import { replaceWarnings } from './replace-check';

let db: KontaktvernDb;

beforeEach(async () => {
  db = new KontaktvernDb(`before-commit-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const NOW = Date.parse('2026-11-29T10:00:00Z');

function run(content: string, extra: Partial<ImportOptions> = {}) {
  return importRegister({ db, file: new File([content], 'register.csv'), snapshotDate: '2026-11-28', actor: 'Kari', now: () => NOW, ...extra });
}

describe('importRegister beforeCommit', () => {
  it('asks before replacing, with the counts and the snapshot in force; no keeps the previous snapshot', async () => {
    const first = await run('41234567\n98765432\n22123456\n');
    expect(first.ok).toBe(true);
    const seen: CommitSummary[] = [];
    const outcome = await run(`${'41234567\n'.repeat(1000)}abc\n`, {
      beforeCommit: (summary) => {
        seen.push(summary);
        return false;
      },
    });
    expect(seen).toEqual([
      { snapshotDate: '2026-11-28', lines: 1001, accepted: 1, duplicates: 999, rejected: 1, previous: { snapshotDate: '2026-11-28', accepted: 3, fileName: 'register.csv' } },
    ]);
    expect(outcome).toMatchObject({ ok: false, reason: 'declined', message: expect.stringMatching(/not confirmed; the previous register snapshot stays in force/) });
    expect(Array.from((await loadActiveRegister(db))?.numbers ?? [])).toEqual([22123456, 41234567, 98765432]);
    expect((await db.registerSnapshots.where('status').equals('failed').toArray()).map((s) => s.failure)).toEqual(['declined']);
    expect(await db.registerChunks.count()).toBe(1);
  });

  it('asks before an older delivery replaces a newer snapshot', async () => {
    expect((await run('41234567\n98765432\n')).ok).toBe(true);
    const asked: CommitSummary[] = [];
    const outcome = await run('41234567\n98765432\n', {
      snapshotDate: '2026-11-02',
      // What the worker does: ask when there is a warning; the user keeps the snapshot in force.
      beforeCommit: (summary) => {
        if (replaceWarnings(summary).length === 0) return true;
        asked.push(summary);
        return false;
      },
    });
    expect(asked.map((s) => [s.snapshotDate, s.previous?.snapshotDate, replaceWarnings(s)])).toEqual([['2026-11-02', '2026-11-28', ['older-than-previous']]]);
    expect(outcome).toMatchObject({ ok: false, reason: 'declined' });
    expect((await loadActiveRegister(db))?.snapshot.snapshotDate).toBe('2026-11-28');
  });

  it('reports a cancel made while the question is open as cancelled, not declined', async () => {
    expect((await run('41234567\n98765432\n22123456\n')).ok).toBe(true);
    const controller = new AbortController();
    // What the worker does on cancel: abort, then answer the open question with no.
    const outcome = await run('41234567\n', {
      signal: controller.signal,
      beforeCommit: () => {
        controller.abort();
        return false;
      },
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
    expect((await db.registerSnapshots.where('status').equals('failed').toArray()).map((s) => s.failure)).toEqual(['cancelled']);
  });

  it('commits when confirmed (also asynchronously)', async () => {
    const outcome = await run('41234567\n', { beforeCommit: async (s) => s.previous === null });
    expect(outcome.ok).toBe(true);
  });
});

describe('replaceWarnings', () => {
  const base: CommitSummary = { snapshotDate: '2026-11-28', lines: 100, accepted: 100, duplicates: 0, rejected: 0, previous: { snapshotDate: '2026-11-27', accepted: 120, fileName: 'r' } };
  it('is quiet for an ordinary delivery', () => {
    expect(replaceWarnings(base)).toEqual([]);
    expect(replaceWarnings({ ...base, previous: null })).toEqual([]);
  });
  it('flags a file of mostly repeats and one that drops more than half of the numbers in force', () => {
    expect(replaceWarnings({ ...base, lines: 1_000_000, accepted: 1, duplicates: 999_999 })).toEqual(['mostly-duplicates', 'much-smaller']);
    expect(replaceWarnings({ ...base, accepted: 59 })).toEqual(['much-smaller']);
    expect(replaceWarnings({ ...base, accepted: 60 })).toEqual([]);
  });
  it('flags a delivery older than the snapshot in force (same day or newer is fine)', () => {
    expect(replaceWarnings({ ...base, snapshotDate: '2026-11-02' })).toEqual(['older-than-previous']);
    expect(replaceWarnings({ ...base, snapshotDate: '2026-11-27' })).toEqual([]);
    expect(replaceWarnings({ ...base, snapshotDate: '2026-11-02', previous: null })).toEqual([]);
  });
});
