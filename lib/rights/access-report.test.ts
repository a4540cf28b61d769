import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockNumbers, unblockEntry } from '../blocklist/store';
import { logCall } from '../call-log/log-store';
import { DAY, NOW, openTestDb, testCampaign, testClient } from '../call-log/test-fixtures';
import type { KontaktvernDb } from '../db';
import { importRegister } from '../register/import-job';
import { setSetting } from '../settings';
import { type AccessReport, type AccessReportCsvLabels, accessReportCsv, accessReportIsEmpty, accessReportJson, buildAccessReport } from './access-report';
import { anonymise } from './anonymise';

let db: KontaktvernDb;
const PERSON = '+4741234567';
const OTHER = '+4799887766';
const campaign = testCampaign();
const charity = testCampaign({ id: 'campaign-2', clientId: 'client-2', name: 'Innsamling', type: 'charity', logRetentionDays: 30, fields: [] });

beforeEach(async () => {
  db = await openTestDb();
  await db.clients.bulkAdd([testClient(), testClient({ id: 'client-2', name: 'Kreftforeningen', orgNumber: '971277882', contact: 'dpo@example.org', agreement: null })]);
  await db.campaigns.bulkAdd([campaign, charity]);
  await setSetting(db, 'processorName', 'Ring AS');
  await setSetting(db, 'processorContact', 'personvern@ring.example');
});
afterEach(async () => {
  await db.delete();
});

async function history(): Promise<void> {
  await logCall(db, { e164: PERSON, campaign, outcomeId: 'o-sale', amountOre: 49_900, note: '=Vil ha kort', agent: 'Kari' }, NOW - 2 * DAY);
  await logCall(db, { e164: PERSON, campaign: charity, outcomeId: 'o-dnc', amountOre: null, note: 'Nei takk', agent: 'Ola', optOutReason: 'Ba om å ikke bli ringt' }, NOW - DAY);
  await logCall(db, { e164: '+4799887766', campaign, outcomeId: 'o-no', amountOre: null, note: 'other person', agent: 'Kari' }, NOW - DAY);
  const [internal] = await blockNumbers(db, [{ e164: PERSON, source: 'internal', scope: 'client-1', reason: 'Klage', actor: 'Per' }], NOW - 3 * DAY);
  await unblockEntry(db, internal!.id, 'Klagen trukket', 'Per', NOW - 3 * DAY + 1_000);
}

/** Other people's calls and import reports that mention PERSON (and some that only look like they do). */
async function mentions(): Promise<void> {
  await logCall(db, { e164: OTHER, campaign: charity, outcomeId: 'o-no', amountOre: null, note: 'Kona svarer på 412 34 567', agent: 'Ola' }, NOW - DAY);
  await logCall(db, { e164: OTHER, campaign, outcomeId: 'o-sale', amountOre: 10_000, note: 'Ring mannen: 0047 41234567 etter 18', agent: 'Kari' }, NOW - 2 * DAY);
  // Digits pieced together from separate figures, or part of a longer figure: not the number.
  await logCall(db, { e164: OTHER, campaign, outcomeId: 'o-no', amountOre: null, note: '412 kr, ring kl 3, 4567 er postnr', agent: 'Kari' }, NOW - DAY);
  await logCall(db, { e164: OTHER, campaign, outcomeId: 'o-no', amountOre: null, note: 'Kundenr. 2041234567', agent: 'Kari' }, NOW - DAY);
  // An anonymised call that still has a note (e.g. from an older version) counts too.
  await db.callLogs.add({
    id: 'anon-1',
    e164: null,
    campaignId: 'campaign-1',
    clientId: 'client-1',
    agent: 'Per',
    outcomeId: 'o-no',
    outcomeKind: 'not-interested',
    outcomeLabel: '',
    amountOre: null,
    note: '=41234567 er nabo',
    at: NOW - 3 * DAY,
    createdAt: NOW - 3 * DAY,
    updatedAt: NOW - 3 * DAY,
    anonymisedAt: NOW - DAY,
  });
  await db.importReports.bulkAdd([
    {
      id: 'rep-2',
      kind: 'opt-out',
      fileName: 'optout.csv',
      createdAt: NOW - DAY,
      rejected: [
        { line: 9, text: '+47 412 34 567;;', reason: 'bad' },
        { line: 2, text: '412345', reason: 'bad' },
      ],
      rejectedTotal: 2,
    },
    { id: 'rep-1', kind: 'register', fileName: 'reg.csv', createdAt: NOW - 2 * DAY, rejected: [{ line: 4, text: '41234567x', reason: 'bad' }], rejectedTotal: 1 },
  ]);
}

describe('buildAccessReport', () => {
  it('holds the data, its history, the controllers and the purposes for one number', async () => {
    await history();
    const report = await buildAccessReport(db, PERSON, NOW);
    expect(report).toMatchObject({
      schemaVersion: 1,
      e164: PERSON,
      generatedAt: '2026-11-28T13:00:00.000Z',
      processor: { name: 'Ring AS', contact: 'personvern@ring.example' },
      reservationRegister: { listed: false, snapshotDate: null },
    });
    expect(report.callLogs).toEqual([
      { id: expect.any(String), at: '2026-11-26T13:00:00.000Z', campaignId: 'campaign-1', clientId: 'client-1', outcomeKind: 'sale', outcomeLabel: '', amountOre: 49_900, note: '=Vil ha kort', agent: 'Kari' },
      { id: expect.any(String), at: '2026-11-27T13:00:00.000Z', campaignId: 'campaign-2', clientId: 'client-2', outcomeKind: 'do-not-call', outcomeLabel: '', amountOre: null, note: 'Nei takk', agent: 'Ola' },
    ]);
    expect(report.blockEntries).toEqual([
      { id: expect.any(String), source: 'opt-out', scope: 'client-2', scopeClientName: 'Kreftforeningen', reason: 'Ba om å ikke bli ringt', addedBy: 'Ola', createdAt: '2026-11-27T13:00:00.000Z' },
    ]);
    expect(report.blockHistory.map((e) => [e.action, e.actor, e.reason, e.scope])).toEqual([
      ['block', 'Per', 'Klage', 'client-1'],
      ['unblock', 'Per', 'Klagen trukket', 'client-1'],
      ['block', 'Ola', 'Ba om å ikke bli ringt', 'client-2'],
    ]);
    expect(report.campaigns).toEqual([
      {
        id: 'campaign-1',
        name: 'Vinterkampanje',
        type: 'consumer-telemarketing',
        logRetentionDays: 90,
        controller: { id: 'client-1', name: 'Sparebanken Vest', orgNumber: '832554332', contact: 'personvern@example.no', agreementReference: 'DPA-2026-01' },
        fields: [{ label: 'Bankinnskudd', purpose: 'Tilpasse tilbud', legalBasis: 'legitimate-interest', category: 'financial', retention: '24 måneder etter siste kontakt' }],
      },
      {
        id: 'campaign-2',
        name: 'Innsamling',
        type: 'charity',
        logRetentionDays: 30,
        controller: { id: 'client-2', name: 'Kreftforeningen', orgNumber: '971277882', contact: 'dpo@example.org', agreementReference: null },
        fields: [],
      },
    ]);
    expect(JSON.stringify(report)).not.toContain('other person');
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('says whether the number is in the imported register', async () => {
    await importRegister({ db, file: new File(['41234567\n22123456\n'], 'reg.csv'), snapshotDate: '2026-11-27', actor: 'Kari', now: () => NOW });
    expect((await buildAccessReport(db, PERSON, NOW)).reservationRegister).toEqual({ listed: true, snapshotDate: '2026-11-27' });
    expect((await buildAccessReport(db, '+4790000000', NOW)).reservationRegister).toEqual({ listed: false, snapshotDate: '2026-11-27' });
  });

  it('no longer finds anonymised calls; a campaign whose client is gone has no controller', async () => {
    await history();
    await anonymise(db, { kind: 'campaign', campaignId: 'campaign-1' }, 'Team lead', NOW);
    await db.clients.delete('client-2');
    const report = await buildAccessReport(db, PERSON, NOW);
    expect(report.callLogs.map((l) => l.campaignId)).toEqual(['campaign-2']);
    expect(report.campaigns.map((c) => [c.id, c.controller])).toEqual([['campaign-2', null]]);
    expect(report.blockEntries[0]?.scopeClientName).toBeNull();
  });

  it('is empty (but complete) for a number never seen', async () => {
    const report = await buildAccessReport(db, '+4790000000', NOW);
    expect(report).toMatchObject({ callLogs: [], blockEntries: [], blockHistory: [], campaigns: [], mentions: [], importLines: [] });
    expect(accessReportIsEmpty(report)).toBe(true);
  });

  it("lists other calls' notes and rejected import lines that mention the number, as erasure matches them", async () => {
    await history();
    await mentions();
    const report = await buildAccessReport(db, PERSON, NOW);
    expect(report.mentions).toEqual([
      { id: 'anon-1', at: '2026-11-25T13:00:00.000Z', campaignId: 'campaign-1', clientId: 'client-1', note: '=41234567 er nabo', agent: 'Per' },
      { id: expect.any(String), at: '2026-11-26T13:00:00.000Z', campaignId: 'campaign-1', clientId: 'client-1', note: 'Ring mannen: 0047 41234567 etter 18', agent: 'Kari' },
      { id: expect.any(String), at: '2026-11-27T13:00:00.000Z', campaignId: 'campaign-2', clientId: 'client-2', note: 'Kona svarer på 412 34 567', agent: 'Ola' },
    ]);
    expect(report.importLines).toEqual([
      { reportId: 'rep-1', line: 4, text: '41234567x' },
      { reportId: 'rep-2', line: 9, text: '+47 412 34 567;;' },
    ]);
    // The person's own call logs are not repeated as mentions; the other person is not in the report.
    expect(report.callLogs).toHaveLength(2);
    const text = JSON.stringify(report);
    expect(text).not.toContain(OTHER);
    expect(text).not.toContain('99887766');
    expect(text).not.toContain('postnr');
    expect(text).not.toContain('Kundenr');
    expect(report.callLogs.map((l) => l.note)).not.toContain('other person');
    expect(JSON.parse(text)).toEqual(report);
  });

  it('lists a mention of a number that has no call log of its own, and is then not empty', async () => {
    await mentions();
    const report = await buildAccessReport(db, PERSON, NOW);
    expect(report.callLogs).toEqual([]);
    expect(report.mentions.map((m) => m.note)).toEqual(['=41234567 er nabo', 'Ring mannen: 0047 41234567 etter 18', 'Kona svarer på 412 34 567']);
    // The campaigns of the notes are there, with their controllers (who to ask, how long it is kept).
    expect(report.campaigns.map((c) => [c.id, c.controller?.name])).toEqual([
      ['campaign-1', 'Sparebanken Vest'],
      ['campaign-2', 'Kreftforeningen'],
    ]);
    expect(accessReportIsEmpty(report)).toBe(false);
    await db.callLogs.clear();
    const onlyLines = await buildAccessReport(db, PERSON, NOW);
    expect(onlyLines).toMatchObject({ mentions: [], campaigns: [] });
    expect(onlyLines.importLines).toHaveLength(2);
    expect(accessReportIsEmpty(onlyLines)).toBe(false);
  });

  it('agrees with erasure: after anonymising the number, no mention or import line is left', async () => {
    await history();
    await mentions();
    const before = await buildAccessReport(db, PERSON, NOW);
    expect(before.mentions).toHaveLength(3);
    expect(before.importLines).toHaveLength(2);
    await anonymise(db, { kind: 'number', e164: PERSON }, 'Team lead', NOW);
    const after = await buildAccessReport(db, PERSON, NOW);
    expect(after).toMatchObject({ callLogs: [], mentions: [], importLines: [] });
    // Exactly what the report showed was erased, nothing else.
    const cleared = (await db.callLogs.bulkGet(before.mentions.map((m) => m.id))).map((l) => l?.note);
    expect(cleared).toEqual(['', '', '']);
    expect((await db.callLogs.where('e164').equals(OTHER).toArray()).map((l) => l.note).sort()).toEqual(['', '', '412 kr, ring kl 3, 4567 er postnr', 'Kundenr. 2041234567', 'other person']);
    expect((await db.importReports.get('rep-2'))?.rejected.map((r) => r.line)).toEqual([2]);
    expect((await db.importReports.get('rep-1'))?.rejected).toEqual([]);
    // The block list stays, as the report says.
    expect(after.blockEntries).toHaveLength(1);
  });
});

describe('accessReportJson', () => {
  it('starts with the schema name and version and is the same text for the same report', async () => {
    await history();
    const report = await buildAccessReport(db, PERSON, NOW);
    const json = accessReportJson(report);
    expect(json.startsWith('{\n  "schema": "kontaktvern-access-report",\n  "schemaVersion": 1,\n  "e164": "+4741234567",')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(accessReportJson(await buildAccessReport(db, PERSON, NOW))).toBe(json);
    const reordered = Object.fromEntries(Object.entries(report).reverse()) as unknown as AccessReport;
    expect(accessReportJson(reordered)).toBe(json);
    const { schema, ...rest } = JSON.parse(json) as { schema: string } & AccessReport;
    expect(schema).toBe('kontaktvern-access-report');
    expect(rest).toEqual(report);
  });

  it('carries the mentions and the import lines, after the campaigns', async () => {
    await mentions();
    const json = accessReportJson(await buildAccessReport(db, PERSON, NOW));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(-3)).toEqual(['campaigns', 'mentions', 'importLines']);
    expect((parsed.mentions as { note: string }[]).map((m) => m.note)).toContain('Kona svarer på 412 34 567');
    expect(parsed.importLines).toEqual([
      { reportId: 'rep-1', line: 4, text: '41234567x' },
      { reportId: 'rep-2', line: 9, text: '+47 412 34 567;;' },
    ]);
    expect(json).not.toContain(OTHER);
  });
});

describe('accessReportCsv', () => {
  const labels: AccessReportCsvLabels = {
    header: ['Type', 'Tid', 'Nummer', 'Kampanje', 'Oppdragsgiver', 'Utfall', 'Beløp (kr)', 'Notat', 'Hvem', 'Handling', 'Kilde', 'Gjelder', 'Grunn', 'Id'],
    recordType: (t) => ({ 'call-log': 'Samtale', 'block-entry': 'Sperre', 'audit-event': 'Logg', mention: 'Nevnt', 'import-line': 'Importlinje' })[t],
    outcome: (kind, label) => label || kind,
    action: (a) => a,
    source: (s) => s,
    scope: (scope, name) => (scope === null ? 'Alle' : (name ?? scope)),
  };

  it('has one row per call, block entry and audit event, with a BOM, spreadsheet-safe', async () => {
    await history();
    const csv = accessReportCsv(await buildAccessReport(db, PERSON, NOW), labels);
    expect(csv.startsWith('\uFEFFType;Tid;Nummer;')).toBe(true);
    const rows = csv.slice(1).split('\r\n').slice(1, -1);
    expect(rows.map((r) => r.split(';')[0])).toEqual(['Samtale', 'Samtale', 'Sperre', 'Logg', 'Logg', 'Logg']);
    expect(rows[0]).toMatch(/^Samtale;26\.11\.2026 14:00;'\+4741234567;Vinterkampanje;Sparebanken Vest;sale;"499,00";'=Vil ha kort;Kari;;;;;[0-9a-f-]{36}$/);
    expect(rows[2]).toMatch(/^Sperre;27\.11\.2026 14:00;'\+4741234567;;;;;;Ola;;opt-out;Kreftforeningen;Ba om å ikke bli ringt;/);
    expect(rows[3]).toMatch(/^Logg;25\.11\.2026 14:00;'\+4741234567;;;;;;Per;block;internal;Sparebanken Vest;Klage;/);
  });

  it('has one row per mention and per import line, in the same columns, spreadsheet-safe, without the other number', async () => {
    await history();
    await mentions();
    const csv = accessReportCsv(await buildAccessReport(db, PERSON, NOW), labels);
    const rows = csv.slice(1).split('\r\n').slice(1, -1);
    expect(rows.map((r) => r.split(';')[0])).toEqual(['Samtale', 'Samtale', 'Sperre', 'Logg', 'Logg', 'Logg', 'Nevnt', 'Nevnt', 'Nevnt', 'Importlinje', 'Importlinje']);
    expect(rows[6]).toBe("Nevnt;25.11.2026 14:00;'+4741234567;Vinterkampanje;Sparebanken Vest;;;'=41234567 er nabo;Per;;;;;anon-1");
    expect(rows[8]).toMatch(/^Nevnt;27\.11\.2026 14:00;'\+4741234567;Innsamling;Kreftforeningen;;;Kona svarer på 412 34 567;Ola;;;;;[0-9a-f-]{36}$/);
    expect(rows[9]).toBe("Importlinje;;'+4741234567;;;;;41234567x;;;;;;rep-1:4");
    expect(rows[10]).toBe(`Importlinje;;'+4741234567;;;;;"'+47 412 34 567;;";;;;;;rep-2:9`);
    expect(csv).not.toContain('99887766');
  });
});
