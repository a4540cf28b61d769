import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KontaktvernDb } from '../db';
import { importRegister } from '../register/import-job';
import { chunkify } from '../register/snapshot';
import { type AuditCsvLabels, type BlockListCsvLabels, RegisterChangedError, auditCsv, blockListCsv, blockListCsvRowCount, exportFileName } from './export-csv';
import { blockNumbers, unblockEntry } from './store';

let db: KontaktvernDb;

beforeEach(async () => {
  db = new KontaktvernDb(`export-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const labels: BlockListCsvLabels = {
  header: ['number', 'source', 'scope', 'reason', 'added by', 'since'],
  source: (s) => s,
  scope: (s) => (s === null ? 'all clients' : `client ${s}`),
};
const auditLabels: AuditCsvLabels = {
  header: ['when', 'who', 'what', 'why', 'number', 'source', 'scope', 'detail'],
  action: (a) => a,
  source: (s) => s,
  scope: (s) => (s === null ? 'all clients' : `client ${s}`),
};

async function collect(parts: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

const AT = Date.parse('2026-11-28T13:00:00Z');

async function setup(): Promise<void> {
  await importRegister({
    db,
    file: new File(['41234567\n22123456\n98765432\n'], 'reg.csv'),
    snapshotDate: '2026-11-28',
    actor: 'Kari',
    now: () => AT,
  });
  await blockNumbers(
    db,
    [
      { e164: '+4790000000', source: 'opt-out', scope: null, reason: '=HYPERLINK("http://x")', actor: 'Ola' },
      { e164: '+4745000000', source: 'internal', scope: 'c1', reason: 'Complaint; rude', actor: '@Per' },
    ],
    AT + 1000,
  );
}

describe('blockListCsv', () => {
  it('exports entries then the register, spreadsheet-safe, with a BOM', async () => {
    await setup();
    const text = (await collect(blockListCsv(db, 'all', labels))).join('');
    expect(text.startsWith('\uFEFFnumber;source;scope;reason;added by;since\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'number;source;scope;reason;added by;since',
      "'+4745000000;internal;client c1;\"Complaint; rude\";'@Per;2026-11-28 14:00:01",
      "'+4790000000;opt-out;all clients;\"'=HYPERLINK(\"\"http://x\"\")\";Ola;2026-11-28 14:00:01",
      "'+4722123456;register;all clients;;Kari;2026-11-28",
      "'+4741234567;register;all clients;;Kari;2026-11-28",
      "'+4798765432;register;all clients;;Kari;2026-11-28",
      '',
    ]);
    expect(await blockListCsvRowCount(db, 'all')).toBe(5);
  });

  it('filters by source', async () => {
    await setup();
    const rows = async (f: 'register' | 'opt-out' | 'internal') => (await collect(blockListCsv(db, f, labels))).join('').split('\r\n').slice(1, -1);
    expect((await rows('register')).map((r) => r.split(';')[0])).toEqual(["'+4722123456", "'+4741234567", "'+4798765432"]);
    expect((await rows('opt-out')).map((r) => r.split(';')[0])).toEqual(["'+4790000000"]);
    expect((await rows('internal')).map((r) => r.split(';')[0])).toEqual(["'+4745000000"]);
    expect(await blockListCsvRowCount(db, 'register')).toBe(3);
    expect(await blockListCsvRowCount(db, 'opt-out')).toBe(1);
  });

  it('yields parts of bounded size', async () => {
    await setup();
    const parts = await collect(blockListCsv(db, 'all', labels, 2));
    expect(parts.length).toBe(3);
    expect(parts.join('').split('\r\n')).toHaveLength(7);
  });

  it('stops with a clear error when the register is replaced during the export', async () => {
    const chunks = chunkify(Uint32Array.from([41234567, 41234568, 41234569]), 1);
    await db.registerSnapshots.add({
      ...{ id: 'old', status: 'active', snapshotDate: '2026-11-27', fileName: 'old.csv', importedBy: 'Kari', startedAt: 1, completedAt: 2 },
      ...{ lines: 3, accepted: 3, duplicates: 0, rejected: 0, chunkCount: chunks.length },
    });
    await db.registerChunks.bulkAdd(chunks.map((data, index) => ({ snapshotId: 'old', index, data })));
    const parts = blockListCsv(db, 'register', labels, 1);
    await parts.next();
    await parts.next();
    await importRegister({ db, file: new File(['41234567\n'], 'new.csv'), snapshotDate: '2026-11-28', actor: 'Kari', now: () => AT });
    await expect(collect(parts)).rejects.toBeInstanceOf(RegisterChangedError);
  });
});

describe('auditCsv', () => {
  it('exports every event oldest first: who, when, what, why, number, source, scope, detail', async () => {
    await setup();
    const [entry] = await db.blocks.where('e164').equals('+4790000000').toArray();
    await unblockEntry(db, entry!.id, 'Entered by mistake', 'Ola', AT + 2000);
    const text = (await collect(auditCsv(db, auditLabels, 2))).join('');
    const rows = text.slice(1).split('\r\n');
    expect(rows[0]).toBe('when;who;what;why;number;source;scope;detail');
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(/^2026-11-28 14:00:00;Kari;import;Register snapshot 2026-11-28 \(reg\.csv\);;;;"\{""kind"":""register""/);
    expect(rows[4]).toBe("2026-11-28 14:00:02;Ola;unblock;Entered by mistake;'+4790000000;opt-out;all clients;");
  });
});

describe('exportFileName', () => {
  it('names the file with what and the date', () => {
    expect(exportFileName('blocklist-opt-out', '2026-11-29')).toBe('kontaktvern-blocklist-opt-out-2026-11-29.csv');
  });
});
