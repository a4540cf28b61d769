import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallLog, KontaktvernDb } from '../db';
import { exportLogsJson } from '../call-log/log-export';
import { NOW, openTestDb, testCampaign, testLog } from '../call-log/test-fixtures';
import { mergeFiles, type MergeFileInput } from './merge-files';

const log = (o: Partial<CallLog> = {}): CallLog => testLog({ agent: 'Ola', note: 'Ønsker kort', ...o });

const exported = (logs: CallLog[]) => JSON.stringify(exportLogsJson(logs, { exportedAt: NOW, exportedBy: 'Ola' }), null, 2);
const input = (name: string, text: string): MergeFileInput => ({ name, text: async () => text });

let db: KontaktvernDb;
beforeEach(async () => {
  db = await openTestDb();
  await db.campaigns.add(testCampaign());
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('mergeFiles', () => {
  it('merges every file in order, one result per file; a second merge adds nothing', async () => {
    const a = input('ola.json', exported([log(), log({ id: 'log-2', outcomeKind: 'no-answer', outcomeId: 'o-no', amountOre: null })]));
    const b = input('kari.json', exported([log({ id: 'log-2', outcomeKind: 'no-answer', outcomeId: 'o-no', amountOre: null }), log({ id: 'log-3', agent: 'Kari' })]));
    const first = await mergeFiles(db, [a, b], NOW, 'Team Lead');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.files.map((f) => [f.name, f.result.added, f.result.duplicates])).toEqual([
      ['ola.json', 2, 0],
      ['kari.json', 1, 1],
    ]);
    expect(await db.callLogs.count()).toBe(3);
    const again = await mergeFiles(db, [a, b], NOW, 'Team Lead');
    expect(again.ok && again.files.map((f) => [f.result.added, f.result.duplicates])).toEqual([
      [0, 2],
      [0, 2],
    ]);
    expect(await db.callLogs.count()).toBe(3);
  });

  it('changes nothing when any file is bad, and reports each bad file', async () => {
    const good = input('good.json', exported([log()]));
    const outcome = await mergeFiles(
      db,
      [
        good,
        input('notes.txt', 'hello'),
        input('other.json', '{"some":"json"}'),
        input('newer.json', JSON.stringify({ format: 'kontaktvern-call-logs', version: 2, logs: [] })),
        input('broken.json', exported([log(), log({ id: 'log-2', amountOre: -1 })])),
        { name: 'gone.json', text: () => Promise.reject(new Error('NotReadableError')) },
      ],
      NOW,
      'Team Lead',
    );
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { name: 'notes.txt', problem: { ok: false, problem: 'not-json' } },
        { name: 'other.json', problem: { ok: false, problem: 'not-a-kontaktvern-export' } },
        { name: 'newer.json', problem: { ok: false, problem: 'newer-version', version: 2 } },
        { name: 'broken.json', problem: { ok: false, problem: 'invalid-record', index: 1, field: 'amountOre', path: 'logs[1].amountOre' } },
        { name: 'gone.json', problem: { ok: false, problem: 'unreadable' } },
      ],
    });
    expect(await db.callLogs.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('reports conflicts and campaigns unknown here', async () => {
    await db.callLogs.add(log());
    const outcome = await mergeFiles(db, [input('ola.json', exported([log({ note: 'Annet notat' }), log({ id: 'log-9', campaignId: 'elsewhere' })]))], NOW, 'Team Lead');
    expect(outcome.ok && outcome.files[0]!.result).toMatchObject({
      added: 1,
      duplicates: 0,
      conflicts: [{ id: 'log-1', fields: ['note'], resolution: 'kept-local' }],
      unknownCampaigns: ['elsewhere'],
    });
  });
});
