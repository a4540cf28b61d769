import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unblockEntry } from '../blocklist/store';
import type { CallLog, KontaktvernDb } from '../db';
import { exportLogsJson } from './log-export';
import { mergeLogs, parseLogExport } from './merge';
import { anonymise, runRetention } from '../rights/anonymise';
import { DAY, NOW, openTestDb, testCampaign, testLog } from './test-fixtures';

const log = testLog;

function anonymised(o: Partial<CallLog> = {}): CallLog {
  return log({ e164: null, note: '', anonymisedAt: NOW + 1_000, updatedAt: NOW + 1_000, ...o });
}

function file(logs: unknown[], over: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'kontaktvern-call-logs', version: 1, exportedAt: NOW, exportedBy: 'Kari', logs, ...over });
}

describe('parseLogExport', () => {
  it('reads an export, with or without BOM', () => {
    const text = JSON.stringify(exportLogsJson([log(), anonymised({ id: 'log-2' })], { exportedAt: NOW, exportedBy: 'Kari' }));
    const r = parseLogExport(`\uFEFF${text}`);
    expect(r).toEqual({ ok: true, logs: [log(), anonymised({ id: 'log-2' })], exportedAt: NOW, exportedBy: 'Kari' });
  });

  it.each([
    ['', 'not-json'],
    ['{"format":', 'not-json'],
    ['[]', 'not-a-kontaktvern-export'],
    ['null', 'not-a-kontaktvern-export'],
    [JSON.stringify({ format: 'kontaktvern-access-report', version: 1, logs: [] }), 'not-a-kontaktvern-export'],
    [JSON.stringify({ format: 'kontaktvern-call-logs', logs: [] }), 'not-a-kontaktvern-export'],
    [JSON.stringify({ format: 'kontaktvern-call-logs', version: 1 }), 'not-a-kontaktvern-export'],
    [JSON.stringify({ format: 'kontaktvern-call-logs', version: 0, logs: [] }), 'not-a-kontaktvern-export'],
  ])('refuses %s as %s', (text, problem) => {
    expect(parseLogExport(text)).toEqual({ ok: false, problem });
  });

  it('says when a newer version wrote the file', () => {
    expect(parseLogExport(file([], { version: 2 }))).toEqual({ ok: false, problem: 'newer-version', version: 2 });
  });

  it.each([
    [{ id: '' }, 'id'],
    [{ id: 7 }, 'id'],
    [{ e164: '41234567' }, 'e164'],
    [{ e164: null }, 'e164'], // not anonymised, so the number is required
    [{ campaignId: undefined }, 'campaignId'],
    [{ clientId: 'x'.repeat(101) }, 'clientId'],
    [{ agent: '' }, 'agent'],
    [{ agent: ' Kari' }, 'agent'],
    [{ outcomeId: null }, 'outcomeId'],
    [{ outcomeKind: 'maybe' }, 'outcomeKind'],
    [{ outcomeLabel: 5 }, 'outcomeLabel'],
    [{ amountOre: -5 }, 'amountOre'],
    [{ amountOre: 1.5 }, 'amountOre'],
    [{ amountOre: '100' }, 'amountOre'],
    [{ outcomeKind: 'no-answer', amountOre: 100 }, 'amountOre'],
    [{ note: 'x'.repeat(501) }, 'note'],
    [{ note: null }, 'note'],
    [{ at: -1 }, 'at'],
    [{ at: '2026-11-28' }, 'at'],
    [{ createdAt: Number.NaN }, 'createdAt'],
    [{ updatedAt: null }, 'updatedAt'],
    [{ anonymisedAt: 'yes' }, 'anonymisedAt'],
    // An anonymised record must hold neither number nor note.
    [{ anonymisedAt: NOW, e164: '+4741234567', note: '' }, 'e164'],
    [{ anonymisedAt: NOW, e164: null, note: 'left behind' }, 'note'],
  ])('checks every record fully: %o is bad in %s', (over, field) => {
    const r = parseLogExport(file([log({ id: 'ok' }), { ...log(), ...over }]));
    expect(r).toEqual({ ok: false, problem: 'invalid-record', index: 1, field, path: `logs[1].${field}` });
  });

  it.each([
    [{ at: Date.parse('1999-12-31T23:59:59.999Z') }, 'at'],
    [{ createdAt: 0 }, 'createdAt'],
    [{ updatedAt: 8_700_000_000_000_000 }, 'updatedAt'],
    [{ at: 8_700_000_000_000_000 }, 'at'],
    [{ e164: null, note: '', anonymisedAt: 8_700_000_000_000_000 }, 'anonymisedAt'],
  ])('refuses a time out of range: %o is bad in %s', (over, field) => {
    const r = parseLogExport(file([log({ id: 'ok' }), { ...log(), ...over }]));
    expect(r).toEqual({ ok: false, problem: 'invalid-record', index: 1, field, path: `logs[1].${field}` });
  });

  it('refuses a time more than seven days after the clock it reads the file by', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(NOW);
      expect(parseLogExport(file([log({ at: NOW + 7 * DAY })])).ok).toBe(true);
      expect(parseLogExport(file([log({ id: 'ok' }), log({ at: NOW + 365 * DAY })]))).toEqual({ ok: false, problem: 'invalid-record', index: 1, field: 'at', path: 'logs[1].at' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('names a record that is not an object', () => {
    expect(parseLogExport(file([log(), 'x']))).toEqual({ ok: false, problem: 'invalid-record', index: 1, field: '', path: 'logs[1]' });
  });

  it('drops fields a CallLog does not have', () => {
    const r = parseLogExport(file([{ ...log(), hash: 'abc' }]));
    expect(r.ok && r.logs[0]).toEqual(log());
  });
});

describe('mergeLogs', () => {
  let db: KontaktvernDb;
  beforeEach(async () => {
    db = await openTestDb();
    await db.campaigns.add(testCampaign({ logRetentionDays: 90 }));
  });
  afterEach(async () => {
    await db.delete();
  });

  it('adds new records, skips identical ones, and adds a file once when merged twice', async () => {
    await db.callLogs.add(log({ id: 'same' }));
    const incoming = [log({ id: 'same' }), log({ id: 'new-1' }), log({ id: 'new-2', e164: '+4799999999' })];
    const first = await mergeLogs(db, incoming, NOW);
    expect(first).toMatchObject({ added: 2, duplicates: 1, conflicts: [], unknownCampaigns: [] });
    const second = await mergeLogs(db, incoming, NOW);
    expect(second).toMatchObject({ added: 0, duplicates: 3, conflicts: [] });
    expect(await db.callLogs.count()).toBe(3);
  });

  it('puts the person of a merged "do not call" on the block list, with the campaign\'s scope, once', async () => {
    await db.campaigns.put(testCampaign({ optOutScope: 'client' }));
    const dnc = log({ id: 'dnc-1', e164: '+4790000001', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, agent: 'Ola' });
    const unknownCampaign = log({ id: 'dnc-2', e164: '+4790000002', campaignId: 'elsewhere', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null });
    const first = await mergeLogs(db, [dnc, unknownCampaign, log({ id: 'sale-1' })], NOW, 'Team lead', 'Asked not to be called');
    expect(first.optOuts).toBe(2);
    const blocks = await db.blocks.orderBy('e164').toArray();
    expect(blocks.map((b) => [b.e164, b.source, b.scope, b.addedBy, b.reason])).toEqual([
      ['+4790000001', 'opt-out', 'client-1', 'Ola', 'Asked not to be called'],
      ['+4790000002', 'opt-out', null, 'Kari', 'Asked not to be called'],
    ]);
    expect((await mergeLogs(db, [dnc, unknownCampaign], NOW)).optOuts).toBe(0);
    expect(await db.blocks.count()).toBe(2);
  });

  it('takes the agent\'s later correction to "do not call" (made after an earlier merge) and blocks the number, once', async () => {
    const first = log({ id: 'c-1', e164: '+4790000001', outcomeId: 'o-no', outcomeKind: 'not-interested', amountOre: null, note: '', agent: 'Ola' });
    expect(await mergeLogs(db, [first], NOW)).toMatchObject({ added: 1, optOuts: 0 });
    expect(await db.blocks.count()).toBe(0);
    const corrected = { ...first, outcomeId: 'o-dnc', outcomeKind: 'do-not-call' as const, updatedAt: first.createdAt + 4 * 60_000 };
    const r = await mergeLogs(db, [corrected], NOW + 3_600_000, 'Team lead', 'Asked not to be called');
    expect(r).toMatchObject({ added: 0, duplicates: 0, optOuts: 1 });
    expect(r.conflicts).toEqual([{ id: 'c-1', fields: ['outcomeId', 'outcomeKind', 'updatedAt'], resolution: 'took-correction' }]);
    expect(await db.callLogs.get('c-1')).toEqual(corrected);
    const blocks = await db.blocks.toArray();
    expect(blocks.map((b) => [b.e164, b.source, b.scope, b.addedBy, b.reason, b.createdAt])).toEqual([
      ['+4790000001', 'opt-out', 'client-1', 'Ola', 'Asked not to be called', NOW + 3_600_000],
    ]);
    expect((await db.audit.where('action').equals('block').toArray()).map((e) => e.e164)).toEqual(['+4790000001']);
    // Merging the corrected file again adds nothing.
    expect(await mergeLogs(db, [corrected], NOW + 7_200_000)).toMatchObject({ optOuts: 0 });
    expect(await db.blocks.count()).toBe(1);
  });

  it('blocks a "do not call" whose record is kept anonymised here, with the same scope rules; an exact duplicate adds nothing', async () => {
    const dncElsewhere = log({ id: 'c-2', e164: '+4790000002', campaignId: 'elsewhere', clientId: 'client-9', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '' });
    await db.callLogs.add({ ...dncElsewhere, e164: null, anonymisedAt: NOW, updatedAt: NOW });
    const dncHere = log({ id: 'c-3', e164: '+4790000003', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '' });
    await db.callLogs.add(dncHere);
    const r = await mergeLogs(db, [dncElsewhere, dncHere, dncHere], NOW);
    expect(r).toMatchObject({ added: 0, duplicates: 2, optOuts: 1 });
    expect(r.conflicts).toEqual([{ id: 'c-2', fields: ['e164', 'anonymisedAt'], resolution: 'kept-anonymised' }]);
    expect((await db.callLogs.get('c-2'))?.e164).toBeNull();
    const blocks = await db.blocks.orderBy('e164').toArray();
    // Campaign not set up here: all clients (the safer reading).
    expect(blocks.map((b) => [b.e164, b.source, b.scope])).toEqual([['+4790000002', 'opt-out', null]]);
  });

  it('an opt-out lifted on purpose is not put back by merging the same file again', async () => {
    const dnc = log({ id: 'c-4', e164: '+4790000004', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '' });
    expect(await mergeLogs(db, [dnc], NOW)).toMatchObject({ added: 1, optOuts: 1 });
    const [entry] = await db.blocks.where('e164').equals('+4790000004').toArray();
    await unblockEntry(db, entry!.id, 'Ba selv om å bli ringt igjen', 'Per', NOW + 1_000);
    expect(await mergeLogs(db, [dnc], NOW + 2_000)).toMatchObject({ added: 0, duplicates: 1, optOuts: 0 });
    expect(await db.blocks.where('e164').equals('+4790000004').count()).toBe(0);
  });

  it('an opt-out lifted after the call is not put back when the record comes again after it was anonymised here (retention or an erasure)', async () => {
    const dnc = log({ id: 'c-5', e164: '+4790000005', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '' });
    expect(await mergeLogs(db, [dnc], NOW)).toMatchObject({ added: 1, optOuts: 1 });
    await runRetention(db, NOW + 91 * DAY);
    const [entry] = await db.blocks.where('e164').equals('+4790000005').toArray();
    await unblockEntry(db, entry!.id, 'Ba selv om å bli ringt igjen', 'Per', NOW + 91 * DAY + 1_000);
    // The same record, still with its number in the agent's cumulative export, is now a conflict (anonymised here).
    const again = await mergeLogs(db, [dnc], NOW + 92 * DAY);
    expect(again).toMatchObject({ duplicates: 0, optOuts: 0 });
    expect(await db.blocks.where('e164').equals('+4790000005').count()).toBe(0);

    const erased = log({ id: 'c-6', e164: '+4790000006', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '' });
    await mergeLogs(db, [erased], NOW);
    const [other] = await db.blocks.where('e164').equals('+4790000006').toArray();
    await unblockEntry(db, other!.id, 'Ba om å bli ringt igjen', 'Per', NOW + 1_000);
    await anonymise(db, { kind: 'number', e164: '+4790000006' }, 'Per', NOW + 2_000);
    expect((await mergeLogs(db, [erased], NOW + 3_000)).optOuts).toBe(0);
  });

  it('a new "do not call" after an opt-out was lifted blocks again', async () => {
    const first = log({ id: 'c-7', e164: '+4790000007', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '', at: NOW - DAY });
    await mergeLogs(db, [first], NOW - DAY);
    const [entry] = await db.blocks.where('e164').equals('+4790000007').toArray();
    await unblockEntry(db, entry!.id, 'Ba om å bli ringt igjen', 'Per', NOW - DAY + 1_000);
    const later = log({ id: 'c-8', e164: '+4790000007', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null, note: '', at: NOW });
    expect((await mergeLogs(db, [later], NOW)).optOuts).toBe(1);
  });

  it('takes a sale corrected away by its agent after an earlier merge, so the team\'s figures follow the correction; nothing else may change that way', async () => {
    const sale = log({ id: 's-1', outcomeId: 'o-sale', outcomeKind: 'sale', amountOre: 49_900, note: 'Solgt' });
    await mergeLogs(db, [sale], NOW);
    const correction = { ...sale, outcomeId: 'o-no', outcomeKind: 'not-interested' as const, outcomeLabel: '', amountOre: null, note: 'Feil knapp', updatedAt: sale.createdAt + 2 * 60_000 };
    const r = await mergeLogs(db, [correction], NOW + 3_600_000);
    expect(r.conflicts).toEqual([expect.objectContaining({ id: 's-1', resolution: 'took-correction' })]);
    expect(await db.callLogs.get('s-1')).toMatchObject({ outcomeKind: 'not-interested', amountOre: null, note: 'Feil knapp' });
    // An older version, a change of agent, or one made after the edit window is not a correction.
    expect((await mergeLogs(db, [sale], NOW + 3_700_000)).conflicts[0]?.resolution).toBe('kept-local');
    const otherAgent = { ...correction, agent: 'Mallory', updatedAt: correction.updatedAt + 1 };
    expect((await mergeLogs(db, [otherAgent], NOW + 3_700_000)).conflicts[0]?.resolution).toBe('kept-local');
    const late = { ...correction, note: 'Endret senere', updatedAt: sale.createdAt + 10 * 60_000 };
    expect((await mergeLogs(db, [late], NOW + 3_700_000)).conflicts[0]?.resolution).toBe('kept-local');
    expect(await db.callLogs.get('s-1')).toMatchObject({ agent: sale.agent, note: 'Feil knapp' });
  });

  it('keeps the local record on a conflict and reports the differing fields', async () => {
    await db.callLogs.add(log({ note: 'local' }));
    const r = await mergeLogs(db, [log({ note: 'theirs', amountOre: 20_000 })], NOW);
    expect(r.conflicts).toEqual([{ id: 'log-1', fields: ['amountOre', 'note'], resolution: 'kept-local' }]);
    expect((await db.callLogs.get('log-1'))?.note).toBe('local');
  });

  it('takes an incoming anonymised record over a local one that still has the number, and audits it without the number', async () => {
    await db.callLogs.add(log());
    const r = await mergeLogs(db, [anonymised()], NOW, 'Team lead');
    expect(r.conflicts).toEqual([{ id: 'log-1', fields: ['e164', 'note', 'updatedAt', 'anonymisedAt'], resolution: 'took-anonymised' }]);
    expect(await db.callLogs.get('log-1')).toEqual(anonymised());
    const events = await db.audit.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'anonymise', actor: 'Team lead', detail: { scope: 'merge', id: null, count: 1 } });
    expect(events[0]?.e164).toBeUndefined();
    expect(JSON.stringify(events)).not.toContain('41234567');
    // Merging the same file again changes nothing.
    expect(await mergeLogs(db, [anonymised()], NOW)).toMatchObject({ added: 0, duplicates: 1, conflicts: [] });
  });

  it('takes only the anonymisation from an incoming copy: campaign, client, agent, outcome, amount and times stay local', async () => {
    const mine = log({ amountOre: 250_000, at: NOW - DAY, createdAt: NOW - DAY, updatedAt: NOW - DAY });
    await db.callLogs.add(mine);
    const theirs = log({
      e164: null,
      note: '',
      anonymisedAt: NOW - 60_000,
      updatedAt: NOW - 60_000,
      createdAt: NOW - 2 * DAY,
      at: NOW - 2 * DAY,
      amountOre: 1,
      agent: 'Mallory',
      campaignId: 'elsewhere',
      clientId: 'client-9',
      outcomeId: 'o-x',
    });
    const r = await mergeLogs(db, [theirs], NOW, 'Team lead');
    expect(r).toMatchObject({ added: 0, duplicates: 0, unknownCampaigns: [], optOuts: 0 });
    expect(r.conflicts).toEqual([
      {
        id: 'log-1',
        fields: ['e164', 'campaignId', 'clientId', 'agent', 'outcomeId', 'amountOre', 'note', 'at', 'createdAt', 'updatedAt', 'anonymisedAt'],
        resolution: 'took-anonymised',
      },
    ]);
    expect(await db.callLogs.get('log-1')).toEqual({ ...mine, e164: null, note: '', anonymisedAt: NOW - 60_000, updatedAt: NOW - 60_000 });
    expect(await db.audit.where('action').equals('anonymise').count()).toBe(1);
  });

  it('keeps the later updatedAt when taking an anonymisation', async () => {
    const mine = log({ updatedAt: NOW - 1_000 });
    await db.callLogs.add(mine);
    await mergeLogs(db, [log({ e164: null, note: '', anonymisedAt: NOW - 5_000, updatedAt: NOW - 5_000 })], NOW);
    expect(await db.callLogs.get('log-1')).toEqual({ ...mine, e164: null, note: '', anonymisedAt: NOW - 5_000, updatedAt: NOW - 1_000 });
  });

  it('never puts a number or note back into a locally anonymised record', async () => {
    await db.callLogs.add(anonymised());
    const r = await mergeLogs(db, [log()], NOW);
    expect(r.added).toBe(0);
    expect(r.conflicts).toEqual([{ id: 'log-1', fields: ['e164', 'note', 'updatedAt', 'anonymisedAt'], resolution: 'kept-anonymised' }]);
    expect(await db.callLogs.get('log-1')).toEqual(anonymised());
    expect(await db.callLogs.where('e164').equals('+4741234567').count()).toBe(0);
  });

  it('keeps the first of two records with the same id in one file', async () => {
    const r = await mergeLogs(db, [log({ note: 'first' }), log({ note: 'second' }), log({ note: 'first' })], NOW);
    expect(r).toMatchObject({ added: 1, duplicates: 1, conflicts: [{ id: 'log-1', fields: ['note'], resolution: 'kept-local' }] });
    expect((await db.callLogs.get('log-1'))?.note).toBe('first');
  });

  it('applies retention to what it adds, in the same transaction', async () => {
    const old = log({ id: 'old', at: NOW - 91 * DAY, createdAt: NOW - 91 * DAY, updatedAt: NOW - 91 * DAY });
    const r = await mergeLogs(db, [old, log({ id: 'fresh' })], NOW);
    expect(r.added).toBe(2);
    expect(r.retention).toEqual([{ campaignId: 'campaign-1', count: 1 }]);
    expect(await db.callLogs.get('old')).toMatchObject({ e164: null, note: '', anonymisedAt: NOW, amountOre: 10_000, agent: 'Kari' });
    expect((await db.callLogs.get('fresh'))?.e164).toBe('+4741234567');
    // Merging the old record again does not bring the number back.
    const again = await mergeLogs(db, [old], NOW + 1);
    expect(again.conflicts[0]?.resolution).toBe('kept-anonymised');
    expect((await db.callLogs.get('old'))?.e164).toBeNull();
  });

  it('reports campaigns it does not know', async () => {
    const r = await mergeLogs(db, [log({ id: 'x', campaignId: 'elsewhere' })], NOW);
    expect(r.unknownCampaigns).toEqual(['elsewhere']);
  });

  it('refuses times out of range against its own clock, by path, and stores nothing from the file', async () => {
    const dnc = log({ id: 'dnc', e164: '+4790000001', outcomeId: 'o-dnc', outcomeKind: 'do-not-call', amountOre: null });
    const cases: [Partial<CallLog>, string][] = [
      [{ at: NOW + 365 * DAY }, 'logs[1].at'],
      [{ at: 8_700_000_000_000_000 }, 'logs[1].at'],
      [{ createdAt: NOW + 7 * DAY + 1 }, 'logs[1].createdAt'],
      [{ updatedAt: 946_684_799_999 }, 'logs[1].updatedAt'],
      [{ e164: null, note: '', anonymisedAt: 8_700_000_000_000_000 }, 'logs[1].anonymisedAt'],
    ];
    for (const [over, message] of cases) {
      await expect(mergeLogs(db, [dnc, log({ id: 'bad', ...over })], NOW)).rejects.toMatchObject({ name: 'CallLogError', code: 'invalid-record', message });
    }
    expect(await db.callLogs.count()).toBe(0);
    expect(await db.blocks.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    // Up to seven days ahead of the clock is drift between machines, not an error; the clock is mergeLogs' `now`.
    expect(await mergeLogs(db, [log({ id: 'drift', at: NOW + 7 * DAY })], NOW)).toMatchObject({ added: 1 });
    await expect(mergeLogs(db, [log({ id: 'later', at: NOW + 8 * DAY })], NOW)).rejects.toMatchObject({ message: 'logs[0].at' });
    expect(await mergeLogs(db, [log({ id: 'later', at: NOW + 8 * DAY })], NOW + 8 * DAY)).toMatchObject({ added: 1 });
  });

  it('refuses invalid records and merges nothing', async () => {
    await expect(mergeLogs(db, [log({ id: 'a' }), { ...log({ id: 'b' }), e164: 'nope' }], NOW)).rejects.toMatchObject({ code: 'invalid-record', message: 'logs[1].e164' });
    expect(await db.callLogs.count()).toBe(0);
  });
});
