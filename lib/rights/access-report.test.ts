import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockNumbers, unblockEntry } from '../blocklist/store';
import { logCall } from '../call-log/log-store';
import { DAY, NOW, openTestDb, testCampaign, testClient } from '../call-log/test-fixtures';
import type { KontaktvernDb } from '../db';
import { importRegister } from '../register/import-job';
import { setSetting } from '../settings';
import { type AccessReport, type AccessReportCsvLabels, accessReportCsv, accessReportJson, buildAccessReport } from './access-report';
import { anonymise } from './anonymise';

let db: KontaktvernDb;
const PERSON = '+4741234567';
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
    expect(report).toMatchObject({ callLogs: [], blockEntries: [], blockHistory: [], campaigns: [] });
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
});

describe('accessReportCsv', () => {
  const labels: AccessReportCsvLabels = {
    header: ['Type', 'Tid', 'Nummer', 'Kampanje', 'Oppdragsgiver', 'Utfall', 'Beløp (kr)', 'Notat', 'Hvem', 'Handling', 'Kilde', 'Gjelder', 'Grunn', 'Id'],
    recordType: (t) => ({ 'call-log': 'Samtale', 'block-entry': 'Sperre', 'audit-event': 'Logg' })[t],
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
});
