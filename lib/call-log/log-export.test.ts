import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallLog, KontaktvernDb } from '../db';
import { type LogCsvLabels, exportLogsCsv, exportLogsJson, filterLogs } from './log-export';
import { parseLogExport } from './merge';
import { NOW, openTestDb, testLog } from './test-fixtures';

const log = (o: Partial<CallLog> = {}): CallLog => testLog({ campaignId: 'c1', clientId: 'k1', amountOre: 123_456, ...o });

const labels: LogCsvLabels = {
  header: ['Tid', 'Agent', 'Oppdragsgiver', 'Kampanje', 'Nummer', 'Utfall', 'Beløp (kr)', 'Notat', 'Anonymisert', 'Id'],
  outcome: (kind, label) => label || { sale: 'Salg', 'not-interested': 'Ikke interessert' }[kind as string] || kind,
};

describe('exportLogsJson', () => {
  it('writes the format, version, who and when, and exactly the CallLog fields', () => {
    const withExtra = { ...log(), secret: 'not exported' } as CallLog;
    const out = exportLogsJson([withExtra], { exportedAt: NOW, exportedBy: 'Kari' });
    expect(out).toEqual({ format: 'kontaktvern-call-logs', version: 1, exportedAt: NOW, exportedBy: 'Kari', logs: [log()] });
    const parsed = parseLogExport(JSON.stringify(out, null, 2));
    expect(parsed).toEqual({ ok: true, logs: [log()], exportedAt: NOW, exportedBy: 'Kari' });
  });
});

describe('exportLogsCsv', () => {
  it('is ;-separated with a BOM, Oslo dd.mm.yyyy HH:mm, kroner with a decimal comma, names for ids', () => {
    const csv = exportLogsCsv(
      [log(), log({ id: 'log-2', e164: null, note: '', anonymisedAt: Date.parse('2026-12-01T08:05:00Z'), outcomeKind: 'other', outcomeLabel: 'Sendt tilbud', amountOre: null, campaignId: 'gone' })],
      labels,
      new Map([['c1', 'Vinter; 2026']]),
      { k1: 'Sparebanken Vest' },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Tid;Agent;Oppdragsgiver;Kampanje;Nummer;Utfall;Beløp (kr);Notat;Anonymisert;Id');
    expect(lines[1]).toBe("28.11.2026 14:00;Kari;Sparebanken Vest;\"Vinter; 2026\";'+4741234567;Salg;\"1234,56\";Vil ha kort;;log-1");
    expect(lines[2]).toBe('28.11.2026 14:00;Kari;Sparebanken Vest;gone;;Sendt tilbud;;;01.12.2026 09:05;log-2');
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('neutralises formula cells in notes, agent names and labels', () => {
    const csv = exportLogsCsv([log({ note: '=HYPERLINK("http://x","klikk")', agent: '@Kari', outcomeLabel: '+1', amountOre: 0 })], labels, {}, {});
    const row = csv.split('\r\n')[1] as string;
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""klikk"")"`);
    expect(row).toContain(";'@Kari;");
    // csvCell quotes any cell with a comma; Excel strips the quotes and still reads a number.
    expect(row).toContain(";'+1;\"0,00\";");
  });

  it('writes summer times in CEST', () => {
    const csv = exportLogsCsv([log({ at: Date.parse('2026-07-01T21:59:00Z') })], labels, {}, {});
    expect(csv.split('\r\n')[1]?.startsWith('01.07.2026 23:59;')).toBe(true);
  });
});

describe('filterLogs', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('selects by half-open time range and criteria, oldest first', async () => {
    await db.callLogs.bulkAdd([
      log({ id: 'b', at: NOW + 2 }),
      log({ id: 'a', at: NOW }),
      log({ id: 'c', at: NOW + 10 }),
      log({ id: 'd', at: NOW + 1, agent: 'Ola', campaignId: 'c2', clientId: 'k2' }),
    ]);
    expect((await filterLogs(db, { from: NOW, to: NOW + 10 })).map((l) => l.id)).toEqual(['a', 'd', 'b']);
    expect((await filterLogs(db, { from: NOW, to: NOW + 11, campaignId: 'c1' })).map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect((await filterLogs(db, { from: NOW, to: NOW + 11, clientId: 'k2' })).map((l) => l.id)).toEqual(['d']);
    expect((await filterLogs(db, { from: NOW + 1, to: NOW + 11, agent: 'Kari' })).map((l) => l.id)).toEqual(['b', 'c']);
    expect(await filterLogs(db, { from: NOW + 5, to: NOW })).toEqual([]);
  });
});
