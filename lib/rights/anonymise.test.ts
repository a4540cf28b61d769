import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlocklistService } from '../blocklist/blocklist-service';
import { blockNumbers, unblockEntry } from '../blocklist/store';
import { logCall } from '../call-log/log-store';
import { callStats } from '../call-log/stats';
import { DAY, NOW, openTestDb, testCampaign, testClient } from '../call-log/test-fixtures';
import type { KontaktvernDb } from '../db';
import { setSetting } from '../settings';
import { anonymise, ERASED_REASON, previewAnonymise, runRetention } from './anonymise';

let db: KontaktvernDb;
const campaign = testCampaign();
const other = testCampaign({ id: 'campaign-2', clientId: 'client-2', name: 'Sommer', logRetentionDays: 30 });
const PERSON = '+4741234567';
const NSN = '41234567';
const SOMEONE_ELSE = '+4799887766';

beforeEach(async () => {
  db = await openTestDb();
  await db.clients.bulkAdd([testClient(), testClient({ id: 'client-2', name: 'Kreftforeningen' })]);
  await db.campaigns.bulkAdd([campaign, other]);
  await setSetting(db, 'agentName', 'Kari');
  await setSetting(db, 'processorName', 'Ring AS');
});
afterEach(async () => {
  await db.delete();
});

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Hit {
  table: string;
  row: Record<string, unknown>;
}

/** Every row of every table whose JSON holds the number: E.164, national digits, spaced, or a SHA-256 hex of either. */
async function findNumberEverywhere(d: KontaktvernDb, e164: string): Promise<Hit[]> {
  const nsn = e164.slice(3);
  const hashes = [await sha256Hex(e164), await sha256Hex(nsn), await sha256Hex(e164.slice(1))];
  const needles = [e164, nsn, `${nsn.slice(0, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5)}`, ...hashes, ...hashes.map((h) => h.toUpperCase())];
  const hits: Hit[] = [];
  for (const table of d.tables) {
    for (const row of await table.toArray()) {
      const json = JSON.stringify(row);
      if (needles.some((n) => json.includes(n))) hits.push({ table: table.name, row: row as Record<string, unknown> });
    }
  }
  return hits;
}

async function callHistory(e164: string, dnc = false) {
  await logCall(db, { e164, campaign, outcomeId: 'o-sale', amountOre: 49_900, note: `Kunde ${e164}, ring etter 18`, agent: 'Kari' }, NOW - 2 * DAY);
  await logCall(db, { e164, campaign: other, outcomeId: 'o-no', amountOre: null, note: 'Ikke nå', agent: 'Ola' }, NOW - DAY);
  if (dnc) await logCall(db, { e164, campaign, outcomeId: 'o-dnc', amountOre: null, note: 'Ville ikke bli ringt igjen', agent: 'Kari' }, NOW - 1_000);
}

async function importReportWith(text: string) {
  await db.importReports.add({ id: 'rep-1', kind: 'opt-out', fileName: 'optout.csv', createdAt: NOW - DAY, rejected: [{ line: 3, text, reason: 'bad' }, { line: 4, text: 'hei', reason: 'bad' }], rejectedTotal: 2 });
}

describe('anonymise a number', () => {
  it('leaves no trace of a person who was never blocked, in any table, while the statistics stay the same', async () => {
    await callHistory(PERSON);
    await callHistory(SOMEONE_ELSE);
    await importReportWith(`${NSN.slice(0, 3)} ${NSN.slice(3, 5)} ${NSN.slice(5)};Ola Nordmann`);
    const range = { from: 0, to: NOW + 1 };
    const before = await callStats(db, range);
    expect((await findNumberEverywhere(db, PERSON)).length).toBeGreaterThan(0);

    expect(await previewAnonymise(db, { kind: 'number', e164: PERSON })).toBe(2);
    expect(await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW)).toBe(2);

    expect(await findNumberEverywhere(db, PERSON)).toEqual([]);
    expect(await callStats(db, range)).toEqual(before);
    const logs = await db.callLogs.filter((l) => l.anonymisedAt === NOW).sortBy('at');
    expect(logs.map((l) => [l.e164, l.note, l.updatedAt, l.agent, l.outcomeKind, l.amountOre, l.campaignId, l.at])).toEqual([
      [null, '', NOW, 'Kari', 'sale', 49_900, 'campaign-1', NOW - 2 * DAY],
      [null, '', NOW, 'Ola', 'not-interested', null, 'campaign-2', NOW - DAY],
    ]);
    // The other person's logs and the import report's other line are untouched.
    expect(await db.callLogs.where('e164').equals(SOMEONE_ELSE).count()).toBe(2);
    expect((await db.importReports.get('rep-1'))?.rejected).toEqual([{ line: 4, text: 'hei', reason: 'bad' }]);
    expect(await previewAnonymise(db, { kind: 'number', e164: PERSON })).toBe(0);
  });

  it("also clears another person's note that mentions the number, and only that note", async () => {
    await callHistory(PERSON);
    await logCall(db, { e164: SOMEONE_ELSE, campaign, outcomeId: 'o-later', amountOre: null, note: `Kona svarer på ${NSN.slice(0, 3)} ${NSN.slice(3, 5)} ${NSN.slice(5)}`, agent: 'Kari' }, NOW - DAY);
    await logCall(db, { e164: SOMEONE_ELSE, campaign, outcomeId: 'o-later', amountOre: null, note: 'Ring etter kl. 17', agent: 'Kari' }, NOW - DAY);
    // Digits that only piece together into the number, or hold it inside a longer figure, are someone else's.
    const unrelated = ['Bankinnskudd 412 kr, ring kl 3, 4567 er postnr', 'Kundenr. 2041234567'];
    for (const note of unrelated) await logCall(db, { e164: SOMEONE_ELSE, campaign, outcomeId: 'o-later', amountOre: null, note, agent: 'Kari' }, NOW - DAY);
    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW);
    const notes = (await db.callLogs.where('e164').equals(SOMEONE_ELSE).toArray()).map((l) => l.note).sort();
    expect(notes).toEqual(['', 'Ring etter kl. 17', ...unrelated].sort());
  });

  it('keeps a blocked person blocked: the number stays only in the block entry and the audit of blocking', async () => {
    await callHistory(PERSON, true);
    expect(await db.blocks.count()).toBe(1);

    expect(await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW)).toBe(3);

    const hits = await findNumberEverywhere(db, PERSON);
    expect(hits.map((h) => (h.table === 'audit' ? `audit:${String(h.row.action)}` : h.table)).sort()).toEqual(['audit:block', 'blocks']);
    expect(await db.callLogs.where('e164').equals(PERSON).count()).toBe(0);
    // The block entry keeps what honouring the opt-out needs, and not the call's note.
    expect(JSON.stringify(hits)).not.toContain('Ville ikke');
    const service = new BlocklistService(db);
    expect((await service.lookup([PERSON]))[0]).toMatchObject({ blocked: true, entry: { source: 'opt-out', scope: 'client-1' } });
  });

  it('for a person blocked and later unblocked: no call log holds the number; only the audit of blocking and unblocking does', async () => {
    await callHistory(PERSON);
    const [entry] = await blockNumbers(db, [{ e164: PERSON, source: 'opt-out', scope: null, reason: 'Ba om det', actor: 'Kari' }], NOW - DAY);
    await unblockEntry(db, entry!.id, 'Ba selv om å bli ringt igjen', 'Per', NOW - 1_000);

    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW);

    const hits = await findNumberEverywhere(db, PERSON);
    expect(hits.map((h) => `${h.table}:${String(h.row.action)}`).sort()).toEqual(['audit:block', 'audit:unblock']);
    expect(await db.blocks.count()).toBe(0);
    // What the agents wrote about the person goes; who did what, and when, stays.
    expect(hits.map((h) => [h.row.reason, h.row.actor])).toEqual(
      expect.arrayContaining([
        [ERASED_REASON, 'Kari'],
        [ERASED_REASON, 'Per'],
      ]),
    );
    expect(JSON.stringify(hits)).not.toMatch(/Ba om det|Ba selv om/);
  });

  it('removes the free-text reason of the person’s block entries (opt-out and internal) and keeps them blocking; other numbers keep theirs', async () => {
    await blockNumbers(
      db,
      [
        { e164: PERSON, source: 'opt-out', scope: null, reason: 'Sa hun var alvorlig syk', actor: 'Kari' },
        { e164: PERSON, source: 'internal', scope: 'client-1', reason: 'Klaget på selgeren', actor: 'Ola' },
        { e164: SOMEONE_ELSE, source: 'opt-out', scope: null, reason: 'Ba om det', actor: 'Kari' },
      ],
      NOW - DAY,
    );
    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW);
    const entries = await db.blocks.where('e164').equals(PERSON).toArray();
    expect(entries.map((e) => [e.source, e.scope, e.reason, e.addedBy, e.createdAt, e.updatedAt]).sort()).toEqual([
      ['internal', 'client-1', ERASED_REASON, 'Ola', NOW - DAY, NOW],
      ['opt-out', null, ERASED_REASON, 'Kari', NOW - DAY, NOW],
    ]);
    expect((await db.blocks.where('e164').equals(SOMEONE_ELSE).first())?.reason).toBe('Ba om det');
    expect((await db.audit.where('e164').equals(SOMEONE_ELSE).first())?.reason).toBe('Ba om det');
    const service = new BlocklistService(db);
    expect((await service.lookup([PERSON]))[0]).toMatchObject({ blocked: true });
    const run = (await db.audit.where('action').equals('anonymise').toArray())[0];
    expect(run?.detail).toMatchObject({ scope: 'number', blockReasons: 4 });
    // A second request finds nothing left to remove.
    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW + 1);
    const second = (await db.audit.where('action').equals('anonymise').sortBy('at'))[1];
    expect(second?.detail).not.toHaveProperty('blockReasons');
  });

  it('writes one audit event per run that does not keep the number, also when nothing matched', async () => {
    await callHistory(PERSON);
    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW);
    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW + 1, 'Ref. sak 2026-17');
    const events = await db.audit.where('action').equals('anonymise').sortBy('at');
    expect(events.map((e) => [e.actor, e.at, e.detail])).toEqual([
      ['Team lead', NOW, { scope: 'number', id: null, count: 2 }],
      ['Team lead', NOW + 1, { scope: 'number', id: null, count: 0 }],
    ]);
    expect(events[1]?.reason).toBe('Ref. sak 2026-17');
    for (const e of events) expect(e.e164).toBeUndefined();
    expect(await db.audit.where('e164').equals(PERSON).count()).toBe(0);
  });

  it('refuses a reason that holds the number, a missing actor and a malformed number', async () => {
    await callHistory(PERSON);
    await expect(anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW, 'Erasure for 412 34 567')).rejects.toMatchObject({ code: 'reason-contains-number' });
    await expect(anonymise(db, { kind: 'number', e164: PERSON }, ' ', NOW)).rejects.toMatchObject({ code: 'actor-required' });
    await expect(anonymise(db, { kind: 'number', e164: NSN }, 'Team lead', NOW)).rejects.toMatchObject({ code: 'invalid-number' });
    expect(await db.callLogs.where('e164').equals(PERSON).count()).toBe(2);
    expect(await db.audit.where('action').equals('anonymise').count()).toBe(0);
  });
});

describe('anonymise a campaign or a client', () => {
  it('anonymises every log of the scope and nothing else', async () => {
    await callHistory(PERSON);
    await callHistory(SOMEONE_ELSE);
    expect(await previewAnonymise(db, { kind: 'campaign', campaignId: 'campaign-2' })).toBe(2);
    expect(await anonymise(db, { kind: 'campaign', campaignId: 'campaign-2' }, 'Team lead', NOW)).toBe(2);
    expect(await db.callLogs.filter((l) => l.e164 === null).count()).toBe(2);
    expect(await anonymise(db, { kind: 'client', clientId: 'client-1' }, 'Team lead', NOW + 1)).toBe(2);
    expect(await db.callLogs.filter((l) => l.e164 !== null).count()).toBe(0);
    expect(await anonymise(db, { kind: 'client', clientId: 'client-1' }, 'Team lead', NOW + 2)).toBe(0);
    const details = (await db.audit.where('action').equals('anonymise').sortBy('at')).map((e) => e.detail);
    expect(details).toEqual([
      { scope: 'campaign', id: 'campaign-2', count: 2 },
      { scope: 'client', id: 'client-1', count: 2 },
      { scope: 'client', id: 'client-1', count: 0 },
    ]);
  });

  it('refuses an empty id', async () => {
    await expect(anonymise(db, { kind: 'campaign', campaignId: '' }, 'Team lead', NOW)).rejects.toMatchObject({ code: 'invalid-scope' });
  });
});

describe('runRetention', () => {
  it('anonymises logs past each campaign’s retention, once, auditing only runs that changed something', async () => {
    // campaign-1 keeps 90 days, campaign-2 keeps 30 days.
    const add = (id: string, campaignId: string, at: number) =>
      db.callLogs.add({ id, e164: PERSON, campaignId, clientId: 'c', agent: 'Kari', outcomeId: 'o-no', outcomeKind: 'not-interested', outcomeLabel: '', amountOre: null, note: 'n', at, createdAt: at, updatedAt: at, anonymisedAt: null });
    await add('c1-old', 'campaign-1', NOW - 90 * DAY - 1);
    await add('c1-edge', 'campaign-1', NOW - 90 * DAY); // exactly at the limit: kept
    await add('c2-old', 'campaign-2', NOW - 31 * DAY);
    await add('c2-new', 'campaign-2', NOW - 29 * DAY);

    expect(await previewAnonymise(db, { kind: 'retention', campaignId: 'campaign-1', olderThan: NOW - 90 * DAY })).toBe(1);
    const first = await runRetention(db, NOW);
    expect(first).toEqual([
      { campaignId: 'campaign-1', count: 1 },
      { campaignId: 'campaign-2', count: 1 },
    ]);
    expect((await db.callLogs.bulkGet(['c1-old', 'c1-edge', 'c2-old', 'c2-new'])).map((l) => l?.e164 ?? null)).toEqual([null, PERSON, null, PERSON]);
    const events = await db.audit.where('action').equals('anonymise').toArray();
    expect(events.map((e) => [e.actor, (e.detail as { id: string }).id, (e.detail as { count: number }).count]).sort()).toEqual([
      ['system', 'campaign-1', 1],
      ['system', 'campaign-2', 1],
    ]);

    const second = await runRetention(db, NOW);
    expect(second.every((r) => r.count === 0)).toBe(true);
    expect(await db.audit.where('action').equals('anonymise').count()).toBe(2);

    // A day later the edge log is due.
    expect(await runRetention(db, NOW + DAY, 'Kari')).toEqual([
      { campaignId: 'campaign-1', count: 1 },
      { campaignId: 'campaign-2', count: 0 },
    ]);
  });
});
