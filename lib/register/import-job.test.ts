import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blockNumbers } from '../blocklist/store';
import { KontaktvernDb, type RegisterSnapshot } from '../db';
import {
  type ImportOptions,
  type ImportOutcome,
  type ImportProgress,
  MAX_REPORTED_REJECTIONS,
  OPT_OUT_BATCH,
  type OptOutImportOptions,
  importOptOuts,
  importRegister,
  loadActiveRegister,
  recoverInterruptedImports,
  reportToCsv,
} from './import-job';
import { chunkify } from './snapshot';

let db: KontaktvernDb;

beforeEach(async () => {
  db = new KontaktvernDb(`register-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const NOW = Date.parse('2026-11-29T10:00:00Z');

/** A clock that moves `step` ms per reading, so progress throttling is deterministic. */
function clock(step = 0): () => number {
  let t = NOW;
  return () => (t += step);
}

function file(content: string | Uint8Array<ArrayBuffer>, name = 'register.csv'): File {
  return new File([content], name);
}

/** A File whose stream() delivers `size`-byte pieces (Node's Blob.stream() gives one piece); optionally errors after `failAfter` pieces. */
class PiecewiseFile extends File {
  constructor(
    content: string | Uint8Array<ArrayBuffer>,
    name: string,
    private readonly size_: number,
    private readonly failAfter = Infinity,
  ) {
    super([content], name);
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const size = this.size_;
    const failAfter = this.failAfter;
    let bytes: Uint8Array | undefined;
    let offset = 0;
    let pieces = 0;
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: async (controller) => {
        bytes ??= new Uint8Array(await this.arrayBuffer());
        if (pieces >= failAfter) {
          controller.error(new Error('disk read error'));
          return;
        }
        if (offset >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
        pieces++;
      },
    });
  }
}

function run(content: string | Uint8Array<ArrayBuffer> | File, extra: Partial<ImportOptions> = {}): Promise<ImportOutcome> {
  return importRegister({
    db,
    file: content instanceof File ? content : file(content),
    snapshotDate: '2026-11-28',
    actor: 'Kari',
    now: clock(),
    ...extra,
  });
}

async function activeNumbers(): Promise<number[]> {
  const loaded = await loadActiveRegister(db);
  return loaded ? Array.from(loaded.numbers) : [];
}

function okSnapshot(outcome: ImportOutcome): RegisterSnapshot {
  if (!outcome.ok) throw new Error(`import failed: ${outcome.reason}: ${outcome.message}`);
  return outcome.snapshot;
}

/** `count` distinct valid mobile numbers 4xxxxxxx, as lines. */
function numberLines(count: number, from = 40000000): string[] {
  return Array.from({ length: count }, (_, i) => String(from + i));
}

describe('importRegister', () => {
  it('imports a one-number-per-line file: counts, sorted numbers, rejections by line, report, audit', async () => {
    const lines = [
      '41234567', // 1
      '412 34 567', // 2 duplicate of 1
      '+47 98765432', // 3
      '', // 4 blank: skipped silently
      '0047 22 12 34 56', // 5
      '12345678', // 6 invalid range
      '+46701234567', // 7 foreign
      '4123456', // 8 too short
      '912 345 678', // 9 too long (organisation number)
      'ring meg', // 10 text
      "=cmd|' /C calc'!A0", // 11 formula
      '4741234568', // 12 +47 with the plus lost
    ];
    const outcome = await run(`${lines.join('\n')}\n`);
    const snapshot = okSnapshot(outcome);
    expect(snapshot).toMatchObject({
      status: 'active',
      snapshotDate: '2026-11-28',
      fileName: 'register.csv',
      importedBy: 'Kari',
      lines: 11,
      accepted: 4,
      duplicates: 1,
      rejected: 6,
      chunkCount: 1,
      startedAt: NOW,
      completedAt: NOW,
    });
    expect(await activeNumbers()).toEqual([22123456, 41234567, 41234568, 98765432]);

    const report = await db.importReports.get(outcome.ok ? outcome.reportId : '');
    expect(report).toMatchObject({ kind: 'register', fileName: 'register.csv', rejectedTotal: 6 });
    expect(report?.rejected).toEqual([
      { line: 6, text: '12345678', reason: 'invalid' },
      { line: 7, text: '+46701234567', reason: 'foreign' },
      { line: 8, text: '4123456', reason: 'too-short' },
      { line: 9, text: '912 345 678', reason: 'too-long' },
      { line: 10, text: 'ring meg', reason: 'text' },
      { line: 11, text: "=cmd|' /C calc'!A0", reason: 'formula' },
    ]);

    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'import',
      actor: 'Kari',
      reason: 'Register snapshot 2026-11-28 (register.csv)',
      detail: { kind: 'register', snapshotId: snapshot.id, lines: 11, accepted: 4, duplicates: 1, rejected: 6, replaced: [] },
    });
  });

  it('replaces the previous snapshot: a number dropped from the new delivery is no longer blocked', async () => {
    const first = okSnapshot(await run('41234567\n98765432\n22123456\n'));
    const second = okSnapshot(await run(file('41234567\n22123456\n90000000\n', 'register-2.csv'), { snapshotDate: '2026-11-29', now: clock(1000) }));
    expect(await activeNumbers()).toEqual([22123456, 41234567, 90000000]);
    const snapshots = await db.registerSnapshots.toArray();
    expect(snapshots.map((s) => [s.id, s.status])).toEqual([[second.id, 'active']]);
    expect(await db.registerChunks.where('snapshotId').equals(first.id).count()).toBe(0);
    expect(await db.registerChunks.count()).toBe(1);
    const audit = await db.audit.orderBy('at').toArray();
    expect(audit.map((a) => a.reason)).toEqual(['Register snapshot 2026-11-28 (register.csv)', 'Register snapshot 2026-11-29 (register-2.csv)']);
    expect(audit[1]?.detail?.replaced).toEqual([{ id: first.id, snapshotDate: '2026-11-28', accepted: 3 }]);
  });

  it('never touches customer opt-outs or internal blocks', async () => {
    await blockNumbers(db, [
      { e164: '+4741234567', source: 'opt-out', scope: null, reason: 'Asked on the phone', actor: 'Ola' },
      { e164: '+4798765432', source: 'internal', scope: 'client-1', reason: 'Complaint', actor: 'Ola' },
    ]);
    const before = await db.blocks.toArray();
    okSnapshot(await run('41234567\n22123456\n'));
    okSnapshot(await run('22123456\n'));
    expect(await db.blocks.toArray()).toEqual(before);
    expect(await activeNumbers()).toEqual([22123456]);
  });

  it('a cancelled import (abort midway) leaves the previous snapshot in force and nothing half-imported', async () => {
    const previous = okSnapshot(await run('41234567\n98765432\n'));
    const lines = numberLines(30000); // ~270 KB: several 64 KB pieces
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const outcome = await run(`${lines.join('\n')}\n`, {
      signal: controller.signal,
      now: clock(200),
      onProgress: (p) => {
        seen.push(p);
        if (p.lines > 0) controller.abort();
      },
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(outcome.ok === false && outcome.message).toMatch(/previous register snapshot stays in force/);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.lines).toBeGreaterThan(0);
    expect(seen[0]?.lines).toBeLessThan(30000);

    const loaded = await loadActiveRegister(db);
    expect(loaded?.snapshot.id).toBe(previous.id);
    expect(Array.from(loaded?.numbers ?? [])).toEqual([41234567, 98765432]);
    const snapshots = await db.registerSnapshots.orderBy('startedAt').toArray();
    expect(snapshots.map((s) => [s.status, s.failure])).toEqual([
      ['active', undefined],
      ['failed', 'cancelled'],
    ]);
    expect(snapshots[1]?.lines).toBe(seen[0]?.lines);
    expect(await db.registerChunks.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
  });

  it('an already aborted signal writes nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await run('41234567\n', { signal: controller.signal })).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(await db.registerSnapshots.count()).toBe(0);
  });

  it('a read error midway fails the import and keeps the previous snapshot', async () => {
    const previous = okSnapshot(await run('41234567\n'));
    const broken = new PiecewiseFile(`${numberLines(2000).join('\n')}\n`, 'broken.csv', 1000, 3);
    const outcome = await run(broken);
    expect(outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(outcome.ok === false && outcome.message).toMatch(/disk read error/);
    expect((await loadActiveRegister(db))?.snapshot.id).toBe(previous.id);
    expect(await activeNumbers()).toEqual([41234567]);
    const failed = await db.registerSnapshots.where('status').equals('failed').toArray();
    expect(failed.map((s) => [s.fileName, s.failure])).toEqual([['broken.csv', 'disk read error']]);
    expect(await db.registerChunks.count()).toBe(1);
  });

  it('a failure inside the commit rolls all of it back: old snapshot and chunks kept, no new chunks, no audit', async () => {
    const previous = okSnapshot(await run('41234567\n98765432\n'));
    vi.spyOn(db.audit, 'add').mockRejectedValue(new Error('quota exceeded'));
    const outcome = await run('22123456\n90000000\n');
    expect(outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(outcome.ok === false && outcome.message).toMatch(/quota exceeded/);
    vi.restoreAllMocks();
    const loaded = await loadActiveRegister(db);
    expect(loaded?.snapshot.id).toBe(previous.id);
    expect(Array.from(loaded?.numbers ?? [])).toEqual([41234567, 98765432]);
    const rows = await db.registerChunks.toArray();
    expect(rows.map((r) => r.snapshotId)).toEqual([previous.id]);
    expect((await db.registerSnapshots.toArray()).map((s) => s.status).sort()).toEqual(['active', 'failed']);
    expect(await db.audit.count()).toBe(1);
  });

  it('a file of only invalid lines never replaces the active snapshot', async () => {
    const previous = okSnapshot(await run('41234567\n'));
    const outcome = await run(file('Telefon\n12345678\nabc\n+46701234567\n=1+1\n', 'bad.csv'));
    expect(outcome).toMatchObject({ ok: false, reason: 'no-valid-numbers' });
    expect(outcome.ok === false && outcome.message).toMatch(/no valid Norwegian number \(4 lines rejected\)/);
    expect((await loadActiveRegister(db))?.snapshot.id).toBe(previous.id);
    const report = await db.importReports.get(outcome.ok ? '' : (outcome.reportId ?? ''));
    expect(report?.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'invalid'],
      [3, 'text'],
      [4, 'foreign'],
      [5, 'formula'],
    ]);
    const failed = await db.registerSnapshots.where('status').equals('failed').first();
    expect(failed).toMatchObject({ fileName: 'bad.csv', failure: 'no-valid-numbers', lines: 4, rejected: 4 });
  });

  it('collapses a file of many duplicates', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => String(41234560 + (i % 10)));
    const s = okSnapshot(await run(lines.join('\r\n')));
    expect(s).toMatchObject({ lines: 5000, accepted: 10, duplicates: 4990, rejected: 0 });
    expect(await activeNumbers()).toEqual(Array.from({ length: 10 }, (_, i) => 41234560 + i));
  });

  it('says empty for an empty or blank file and binary for a workbook or NUL bytes, writing nothing', async () => {
    expect(await run('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await run('\n \r\n\n')).toMatchObject({ ok: false, reason: 'empty' });
    const xlsx = await run(file(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), 'register.xlsx'));
    expect(xlsx).toMatchObject({ ok: false, reason: 'binary' });
    expect(xlsx.ok === false && xlsx.message).toMatch(/save it as CSV/);
    expect(await run(new Uint8Array([0x34, 0x31, 0, 0, 0x32]))).toMatchObject({ ok: false, reason: 'binary' });
    expect(await db.registerSnapshots.count()).toBe(0);
    expect(await db.importReports.count()).toBe(0);
  });

  it('a file with only a header has no valid numbers and no report', async () => {
    const outcome = await run('Telefon\n', { hasHeader: true });
    expect(outcome).toEqual({ ok: false, reason: 'no-valid-numbers', message: expect.stringContaining('0 lines rejected') });
  });

  it.each([
    ['; with header', 'Navn;Telefon;Postnr\nKari;412 34 567;0150\nOla;+47 98765432;5003\nPer;ukjent;7010\n'],
    ['tab with header', 'Navn\tMobil\tPostnr\nKari\t412 34 567\t0150\nOla\t+47 98765432\t5003\nPer\tukjent\t7010\n'],
    [', with header', 'name,phone,zip\nKari,412 34 567,0150\nOla,+47 98765432,5003\nPer,ukjent,7010\n'],
    ['; without header', 'Kari;412 34 567;0150\nOla;+47 98765432;5003\nPer;ukjent;7010\n'],
    ['single column with header', 'Telefon\n412 34 567\n+47 98765432\nukjent\n'],
    ['single column without header', '412 34 567\n+47 98765432\nukjent\n'],
  ])('reads %s using the sniffed layout', async (_name, csv) => {
    const s = okSnapshot(await run(csv));
    expect(s).toMatchObject({ lines: 3, accepted: 2, rejected: 1 });
    expect(await activeNumbers()).toEqual([41234567, 98765432]);
    const report = await db.importReports.toArray();
    const lastLine = csv.trimEnd().split('\n').length;
    expect(report[0]?.rejected.map((r) => [r.line, r.reason])).toEqual([[lastLine, 'text']]);
  });

  it('uses the confirmed column, delimiter and header over the sniff', async () => {
    // Two number columns: the sniff would pick the first; the user chose the second.
    const csv = 'Kari;41234567;98765432\nOla;41234568;22123456\n';
    const s = okSnapshot(await run(csv, { delimiter: ';', column: 2, hasHeader: false }));
    expect(s).toMatchObject({ lines: 2, accepted: 2 });
    expect(await activeNumbers()).toEqual([22123456, 98765432]);
  });

  it('rejects rows without the chosen column as empty', async () => {
    const s = okSnapshot(await run('Kari;41234567\nOla\n', { delimiter: ';', column: 1, hasHeader: false }));
    expect(s).toMatchObject({ lines: 2, accepted: 1, rejected: 1 });
    expect((await db.importReports.toArray())[0]?.rejected).toEqual([{ line: 2, text: 'Ola', reason: 'empty' }]);
  });

  it('reads a UTF-8 BOM file (the BOM does not spoil the header or the first number)', async () => {
    okSnapshot(await run('\ufeff41234567\n98765432\n'));
    expect(await activeNumbers()).toEqual([41234567, 98765432]);
    okSnapshot(await run('\ufeffTelefon;Navn\n41234567;Kåre\n'));
    expect(await activeNumbers()).toEqual([41234567]);
  });

  it('decodes a Latin-1 (windows-1252) file', async () => {
    const bytes = Uint8Array.from('Navn;Mobil\nKåre Ærlig;41234567\nØystein;ikke oppgitt\n', (c) => c.charCodeAt(0));
    const s = okSnapshot(await run(bytes));
    expect(s).toMatchObject({ accepted: 1, rejected: 1 });
    expect((await db.importReports.toArray())[0]?.rejected).toEqual([{ line: 3, text: 'Øystein;ikke oppgitt', reason: 'text' }]);
  });

  it('reads CRLF and CR-only files', async () => {
    const crlf = okSnapshot(await run('Telefon\r\n41234567\r\n"98765432"\r\n\r\nabc\r\n'));
    expect(crlf).toMatchObject({ lines: 3, accepted: 2, rejected: 1 });
    expect((await db.importReports.toArray()).find((r) => r.rejectedTotal === 1)?.rejected).toEqual([{ line: 5, text: 'abc', reason: 'text' }]);
    const cr = okSnapshot(await run('41234567\r98765432\r22123456'));
    expect(cr).toMatchObject({ lines: 3, accepted: 3 });
  });

  it('reads quoted fields: delimiters, doubled quotes and line breaks inside quotes', async () => {
    const csv = [
      'Navn;Adresse;Telefon',
      '"Nordmann; Kari";"Storgata 1";"412 34 567"',
      '"Hansen ""Per""";"Lillegata 2\nOslo";98765432',
      'Berg;Vei 3;"=1+1"',
    ].join('\r\n');
    const s = okSnapshot(await run(csv));
    expect(s).toMatchObject({ lines: 3, accepted: 2, rejected: 1 });
    expect(await activeNumbers()).toEqual([41234567, 98765432]);
    // Line numbers count records (spreadsheet rows): the address with a line break is one record.
    expect((await db.importReports.toArray())[0]?.rejected).toEqual([{ line: 4, text: 'Berg;Vei 3;=1+1', reason: 'formula' }]);
  });

  it('gives the same result when pieces cut quoted fields, CRLF pairs and multi-byte characters', async () => {
    const csv = `Navn;Telefon\r\n${Array.from({ length: 150 }, (_, i) => `"Ærlig, Åse ${i}";"+47 ${40000000 + i * 3}"\r\nØ${i};feil\r\n`).join('')}`;
    const bytes = new TextEncoder().encode(csv);
    const whole = okSnapshot(await run(bytes));
    const wholeNumbers = await activeNumbers();
    expect(whole).toMatchObject({ lines: 300, accepted: 150, rejected: 150 });
    const wholeReport = (await db.importReports.toArray())[0]?.rejected;
    for (const size of [1, 3, 7, 64]) {
      await db.importReports.clear();
      const s = okSnapshot(await run(new PiecewiseFile(bytes, 'pieces.csv', size)));
      expect([size, s.lines, s.accepted, s.rejected]).toEqual([size, 300, 150, 150]);
      expect(await activeNumbers()).toEqual(wholeNumbers);
      expect((await db.importReports.toArray())[0]?.rejected).toEqual(wholeReport);
    }
    expect(wholeReport?.[0]).toEqual({ line: 3, text: 'Ø0;feil', reason: 'text' });
  }, 20000);

  it('a stray quote never swallows the lines after it: each line is imported or reported', async () => {
    const csv = ['Navn;Telefon', 'Kari;41234567', '"Kula" Ola;98765432', 'Per;22123456', 'Lise;45678901', 'Per "Bamse";92345678', 'Åse;93456789', ''].join('\n');
    const s = okSnapshot(await run(csv));
    expect(s).toMatchObject({ lines: 6, accepted: 6, rejected: 0 });
    expect(await activeNumbers()).toEqual([22123456, 41234567, 45678901, 92345678, 93456789, 98765432]);
    // One value per line, a quote that never closes.
    okSnapshot(await run('41234567\n"98765432\n22123456\n45678901\n'));
    expect(await activeNumbers()).toEqual([22123456, 41234567, 45678901, 98765432]);
  });

  it('reads the lines of a stray quote closed lines later one by one, and reports those that are no number', async () => {
    const csv = ['Navn;Telefon', 'Kari;"41234567', 'Ola;98765432', 'Per";22123456', 'Lise;45678901', ''].join('\n');
    const s = okSnapshot(await run(csv));
    expect(s).toMatchObject({ lines: 4, accepted: 4, rejected: 0 });
    expect(await activeNumbers()).toEqual([22123456, 41234567, 45678901, 98765432]);
    const broken = ['Navn;Telefon', 'Kari;"41234567', 'Ola;ukjent', 'Per";22123456', 'Lise;45678901', ''].join('\n');
    expect(okSnapshot(await run(broken))).toMatchObject({ lines: 4, accepted: 3, rejected: 1 });
    expect((await db.importReports.toArray()).find((r) => r.rejectedTotal === 1)?.rejected).toEqual([{ line: 3, text: 'Ola;ukjent', reason: 'text' }]);
  });

  it('gives the same result for a stray quote whatever the pieces', async () => {
    const csv = `Navn;Telefon\n${Array.from({ length: 60 }, (_, i) => `"Kula" Ola ${i};${40000000 + i * 3}\nKari;"${50000000 + i * 3}\n`).join('')}`;
    const bytes = new TextEncoder().encode(csv);
    expect(okSnapshot(await run(bytes))).toMatchObject({ lines: 120, accepted: 120, rejected: 0 });
    const whole = await activeNumbers();
    for (const size of [1, 5, 64]) {
      expect(okSnapshot(await run(new PiecewiseFile(bytes, 'pieces.csv', size)))).toMatchObject({ lines: 120, accepted: 120 });
      expect(await activeNumbers()).toEqual(whole);
    }
  }, 20000);

  it('stops with a clear message on a quote that never closes', async () => {
    const csv = `41234567\n"98765432\n${numberLines(150000).join('\n')}\n`;
    const outcome = await run(csv, { delimiter: null, hasHeader: false });
    expect(outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(outcome.ok === false && outcome.message).toMatch(/Line 2 is longer than 1 MB or opens a quote/);
    expect(await loadActiveRegister(db)).toBeNull();
  });

  it('gives failures a problem code for the UI to translate, without the English message', async () => {
    const tooLong = await run(`41234567\n"98765432\n${numberLines(150000).join('\n')}\n`, { delimiter: null, hasHeader: false });
    expect(tooLong).toMatchObject({ ok: false, reason: 'failed', problem: { code: 'line-too-long', line: 2 } });
    const optOut = await importOptOuts({ db, file: file(`"${'4'.repeat(1_100_000)}`, 'o.csv'), actor: 'Kari', now: clock() });
    expect(optOut).toMatchObject({ ok: false, reason: 'failed', problem: { code: 'line-too-long', line: 1 }, saved: 0 });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const readError = await run(new PiecewiseFile(`${numberLines(10).join('\n')}\n`, 'r.csv', 8, 2));
    expect(readError).toMatchObject({ ok: false, reason: 'failed', problem: { code: 'error', detail: 'disk read error' } });
  });

  it('reports progress at most every 100 ms and once at the end with the totals', async () => {
    const lines = numberLines(40000);
    const seen: ImportProgress[] = [];
    const content = `${lines.join('\n')}\n`;
    okSnapshot(await run(content, { now: clock(40), onProgress: (p) => seen.push(p) }));
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length - 1; i++) expect((seen[i]?.elapsedMs ?? 0) - (seen[i - 1]?.elapsedMs ?? 0)).toBeGreaterThanOrEqual(100);
    expect(seen.at(-1)).toMatchObject({ bytes: content.length, totalBytes: content.length, lines: 40000, accepted: 40000, rejected: 0 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.bytes).toBeGreaterThanOrEqual(seen[i - 1]?.bytes ?? 0);
  });

  it('caps the report at 10,000 lines of at most 200 characters, but counts them all', async () => {
    const long = `x${'y'.repeat(300)}`;
    const lines = ['41234567', ...Array.from({ length: MAX_REPORTED_REJECTIONS + 5 }, () => long)];
    const outcome = await run(lines.join('\n'));
    const s = okSnapshot(outcome);
    expect(s.rejected).toBe(MAX_REPORTED_REJECTIONS + 5);
    const report = await db.importReports.get(outcome.ok ? outcome.reportId : '');
    expect(report?.rejectedTotal).toBe(MAX_REPORTED_REJECTIONS + 5);
    expect(report?.rejected).toHaveLength(MAX_REPORTED_REJECTIONS);
    expect(report?.rejected[0]).toEqual({ line: 2, text: `${long.slice(0, 199)}…`, reason: 'text' });
    expect(report?.rejected[0]?.text).toHaveLength(200);
    expect(report?.rejected.at(-1)?.line).toBe(MAX_REPORTED_REJECTIONS + 1);
  });

  it('refuses a bad or future snapshot date and a missing actor without writing anything', async () => {
    expect(await run('41234567\n', { snapshotDate: '28.11.2026' })).toMatchObject({ ok: false, reason: 'failed', message: expect.stringMatching(/Invalid snapshot date/) });
    expect(await run('41234567\n', { snapshotDate: '2026-11-30' })).toMatchObject({ ok: false, reason: 'failed', message: expect.stringMatching(/in the future/) });
    // 2026-11-29T23:30Z is already 2026-11-30 in Oslo.
    okSnapshot(await run('41234567\n', { snapshotDate: '2026-11-30', now: () => Date.parse('2026-11-29T23:30:00Z') }));
    await db.registerSnapshots.clear();
    expect(await run('41234567\n', { actor: '  ' })).toMatchObject({ ok: false, reason: 'failed' });
    expect(await db.registerSnapshots.count()).toBe(0);
  });

  it('handles a few thousand numbers across several chunks', async () => {
    const lines = numberLines(3000, 90000000).reverse();
    const s = okSnapshot(await run(lines.join('\n')));
    expect(s).toMatchObject({ accepted: 3000, chunkCount: 1 });
    const numbers = await activeNumbers();
    expect(numbers).toHaveLength(3000);
    expect(numbers[0]).toBe(90000000);
    expect(numbers.at(-1)).toBe(90002999);
  });
});

describe('recoverInterruptedImports', () => {
  it('marks leftover building snapshots failed, deletes their chunks and keeps the active one', async () => {
    const active = okSnapshot(await run('41234567\n'));
    const leftover: RegisterSnapshot = {
      id: 'left-over',
      status: 'building',
      snapshotDate: '2026-11-27',
      fileName: 'big.csv',
      importedBy: 'Ola',
      startedAt: 1000,
      completedAt: null,
      lines: 0,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      chunkCount: 0,
    };
    await db.registerSnapshots.add(leftover);
    await db.registerChunks.bulkAdd(chunkify(new Uint32Array([22123456]), 1).map((data, index) => ({ snapshotId: 'left-over', index, data })));
    await db.registerChunks.add({ snapshotId: 'orphan', index: 0, data: new Uint32Array([98765432]).buffer });

    const recovered = await recoverInterruptedImports(db, 5000);
    expect(recovered).toEqual([{ ...leftover, status: 'failed', failure: 'interrupted', completedAt: 5000 }]);
    expect(await db.registerSnapshots.get('left-over')).toMatchObject({ status: 'failed', failure: 'interrupted' });
    expect((await db.registerChunks.toArray()).map((c) => c.snapshotId)).toEqual([active.id]);
    expect(await activeNumbers()).toEqual([41234567]);
    expect(await recoverInterruptedImports(db, 6000)).toEqual([]);
  });
});

describe('loadActiveRegister', () => {
  it('is null before any import and throws when the stored snapshot is incomplete', async () => {
    expect(await loadActiveRegister(db)).toBeNull();
    const s = okSnapshot(await run('41234567\n'));
    await db.registerChunks.where('snapshotId').equals(s.id).delete();
    await expect(loadActiveRegister(db)).rejects.toThrow(/incomplete/);
  });
});

describe('importOptOuts', () => {
  const optOuts = (content: string | File, extra: Partial<OptOutImportOptions> = {}) =>
    importOptOuts({ db, file: content instanceof File ? content : file(content, 'optouts.csv'), actor: 'Kari', now: clock(), ...extra });

  it('blocks every number of a file with a stray quote in a name', async () => {
    const csv = ['Navn;Telefon', 'Kari;41234567', '"Kula" Ola;98765432', 'Per;22123456', 'Lise;45678901', 'Per "Bamse";92345678', 'Åse;93456789', ''].join('\n');
    expect(await optOuts(csv)).toMatchObject({ ok: true, added: 6, rejected: 0 });
    expect(await db.blocks.count()).toBe(6);
  });

  it('blocks the numbers, not the dates, of a headerless "date;number" file', async () => {
    const outcome = await optOuts('2026-11-28;41234567\n2026-11-27;98765432\n2026-11-26;45678901\n');
    expect(outcome).toMatchObject({ ok: true, added: 3, rejected: 0 });
    expect((await db.blocks.toArray()).map((b) => b.e164).sort()).toEqual(['+4741234567', '+4745678901', '+4798765432']);
  });

  it('keeps the first row of a headerless file whose type column reads "mobil"', async () => {
    expect(await optOuts('Kari;41234567;mobil\nOla;22123456;fasttelefon\nPer;98765432;mobil\n')).toMatchObject({ ok: true, added: 3 });
    expect(await db.blocks.where('e164').equals('+4741234567').count()).toBe(1);
  });

  it('appends opt-outs once each, counting duplicates, existing ones and rejections, all audited', async () => {
    await blockNumbers(db, [{ e164: '+4741234567', source: 'opt-out', scope: null, reason: 'Asked on the phone', actor: 'Ola' }]);
    await blockNumbers(db, [{ e164: '+4798765432', source: 'internal', scope: null, reason: 'Complaint', actor: 'Ola' }]);
    const outcome = await optOuts('Telefon\n41234567\n98765432\n+46 70 123 45 67\n22 12 34 56\n22123456\nukjent\n12345678\n');
    expect(outcome).toEqual({ ok: true, added: 3, already: 1, duplicates: 1, rejected: 2, reportId: expect.any(String) });

    const entries = await db.blocks.where('source').equals('opt-out').toArray();
    expect(entries.map((e) => e.e164).sort()).toEqual(['+4722123456', '+46701234567', '+4741234567', '+4798765432'].sort());
    const imported = entries.filter((e) => e.reason === 'customer opt-out (import)');
    expect(imported).toHaveLength(3);
    for (const e of imported) expect(e).toMatchObject({ scope: null, addedBy: 'Kari', createdAt: NOW });
    // The internal block is kept beside the new opt-out.
    expect(await db.blocks.where('e164').equals('+4798765432').count()).toBe(2);

    const audit = await db.audit.where('action').anyOf('block', 'import').toArray();
    expect(audit.filter((a) => a.action === 'block' && a.reason === 'customer opt-out (import)')).toHaveLength(3);
    const summary = audit.find((a) => a.action === 'import');
    expect(summary).toMatchObject({ actor: 'Kari', reason: 'Customer opt-outs (optouts.csv)', detail: { kind: 'opt-out', added: 3, already: 1, duplicates: 1, rejected: 2 } });
    const report = await db.importReports.get(outcome.ok ? outcome.reportId : '');
    expect(report).toMatchObject({ kind: 'opt-out', rejectedTotal: 2 });
    expect(report?.rejected).toEqual([
      { line: 7, text: 'ukjent', reason: 'text' },
      { line: 8, text: '12345678', reason: 'invalid' },
    ]);
  });

  it('writes in batches (5,000 by default) and is idempotent on a second run', async () => {
    expect(OPT_OUT_BATCH).toBe(5000);
    const lines = numberLines(25, 90000000);
    const spy = vi.spyOn(db.blocks, 'bulkAdd');
    expect(await optOuts(lines.join('\n'), { batchSize: 10 })).toMatchObject({ ok: true, added: 25, already: 0 });
    expect(spy.mock.calls.map((c) => (c[0] as unknown[]).length)).toEqual([10, 10, 5]);
    expect(await optOuts(lines.join('\n'), { batchSize: 10 })).toMatchObject({ ok: true, added: 0, already: 25 });
    expect(await db.blocks.count()).toBe(25);
  });

  it('keeps the batches already written when cancelled while writing', async () => {
    const controller = new AbortController();
    const spy = vi.spyOn(db.blocks, 'bulkAdd');
    spy.mockImplementation(async function (this: unknown, ...args: Parameters<typeof db.blocks.bulkAdd>) {
      controller.abort();
      spy.mockRestore();
      return db.blocks.bulkAdd(...args);
    } as typeof db.blocks.bulkAdd);
    const outcome = await optOuts(numberLines(25, 90000000).join('\n'), { batchSize: 10, signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringContaining('10 opt-outs were saved') });
    // The UI says it in its own language from the count.
    expect(outcome).toMatchObject({ saved: 10 });
    expect(await db.blocks.count()).toBe(10);
  });

  it('survives a register import and is not part of the register', async () => {
    expect(await optOuts('41234567\n')).toMatchObject({ ok: true, added: 1 });
    okSnapshot(await run('98765432\n'));
    okSnapshot(await run('22123456\n'));
    expect(await db.blocks.where('e164').equals('+4741234567').count()).toBe(1);
    expect(await activeNumbers()).toEqual([22123456]);
  });

  it('fails cleanly on empty, binary and all-invalid files, and when cancelled before writing', async () => {
    expect(await optOuts('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(await optOuts(file(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'x.xlsx'))).toMatchObject({ ok: false, reason: 'binary' });
    const bad = await optOuts('abc\n123\n');
    expect(bad).toMatchObject({ ok: false, reason: 'no-valid-numbers', reportId: expect.any(String) });
    const controller = new AbortController();
    const cancelled = await optOuts(`${numberLines(30000).join('\n')}\n`, {
      signal: controller.signal,
      now: clock(200),
      onProgress: () => controller.abort(),
    });
    expect(cancelled).toMatchObject({ ok: false, reason: 'cancelled', message: expect.stringContaining('Nothing was saved') });
    expect(await db.blocks.count()).toBe(0);
  });
});

describe('reportToCsv', () => {
  it('writes a header, one CRLF row per rejection with neutralised formulas, and a note when capped', () => {
    const csv = reportToCsv({
      id: 'r',
      kind: 'register',
      fileName: 'f.csv',
      createdAt: 0,
      rejected: [
        { line: 11, text: "=cmd|' /C calc'!A0", reason: 'formula' },
        { line: 12, text: 'Kari;+46 70', reason: 'foreign' },
        { line: 13, text: '-1', reason: 'formula' },
      ],
      rejectedTotal: 5,
    });
    expect(csv).toBe(["line;text;reason", "11;'=cmd|' /C calc'!A0;formula", `12;"Kari;+46 70";foreign`, "13;'-1;formula", ';2 more rejected lines not listed;', ''].join('\r\n'));
  });

  it('takes translated labels and reason texts', () => {
    const csv = reportToCsv(
      { id: 'r', kind: 'opt-out', fileName: 'f.csv', createdAt: 0, rejected: [{ line: 2, text: 'abc', reason: 'text' }], rejectedTotal: 1 },
      { line: 'Linje', text: 'Innhold', reason: 'Årsak', reasons: { text: 'Ikke et nummer' }, more: (n) => `${n} til` },
    );
    expect(csv).toBe('Linje;Innhold;Årsak\r\n2;abc;Ikke et nummer\r\n');
  });
});
