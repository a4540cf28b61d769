/**
 * Issue 6, access and erasure: the "Access and erasure" page (rights.html,
 * components/rights) and the printable report (report.html).
 *
 * Data is seeded with the raw IndexedDB API (seed-helpers.ts); the block list
 * is filled through the real block-list page. Screenshots of the pages go to
 * $KV_SCREENS_DIR (default /tmp/kv-screens/rights).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, HIGHLIGHT } from './fixtures';
import { blockThroughPage } from './kontaktvern-helpers';
import { waitForMark } from './card-helpers';
import { callLogRow, campaignRow, clientRow, dumpDatabase, readStore, type Seed, seedDatabase, settingRow, waitForDatabase } from './seed-helpers';

const DAY = 86_400_000;
const NOW = Date.now();

/** The person asking: logged in two campaigns of two clients, not blocked. */
const PERSON = { e164: '+4746813579', national: '46813579', spaced: '468 13 579', typed: '+47 468 13 579', lastFour: '3579' };
/** A person who asked not to be called (on demo-crm.html as `902 11 223`). */
const BLOCKED = { e164: '+4790211223', national: '90211223', spaced: '902 11 223', lastFour: '1223' };
const OTHER = '+4797531864';

const CLIENT_A = { id: 'client-nordlys', name: 'Nordlys Energi AS', orgNumber: '914778271', contact: 'personvern@nordlys.example', agreementReference: 'DBA-2026-014' };
const CLIENT_B = { id: 'client-havbris', name: 'Havbris Forsikring AS', orgNumber: '987654325', contact: 'dpo@havbris.example', agreementReference: null };
const CAMPAIGN_A = {
  id: 'camp-strom',
  clientId: CLIENT_A.id,
  name: 'Strøm vinter',
  logRetentionDays: 365,
  fields: [{ label: 'Strømforbruk', purpose: 'Foreslå riktig strømavtale', legalBasis: 'legitimate-interest', category: 'customer-relationship', retention: '12 måneder etter siste kontakt' }],
} as const;
const CAMPAIGN_B = {
  id: 'camp-innbo',
  clientId: CLIENT_B.id,
  name: 'Innboforsikring',
  logRetentionDays: 180,
  fields: [{ label: 'Bankinnskudd', purpose: 'Vurdere forsikringsbehov', legalBasis: 'consent', category: 'financial', retention: '24 months after last contact' }],
} as const;
const PROCESSOR = { name: 'Ringesenteret Vest AS', contact: 'personvern@ringesenteret.example' };

const PERSON_LOGS = [
  callLogRow({ id: 'log-p1', e164: PERSON.e164, campaignId: CAMPAIGN_A.id, clientId: CLIENT_A.id, agent: 'Kari Tester', outcomeKind: 'sale', amountOre: 129_900, note: 'Vil ha faktura på e-post', at: NOW - 20 * DAY }),
  callLogRow({ id: 'log-p2', e164: PERSON.e164, campaignId: CAMPAIGN_B.id, clientId: CLIENT_B.id, agent: 'Ola Selger', outcomeKind: 'call-back', note: 'Ring etter kl. 17', at: NOW - 10 * DAY }),
  callLogRow({ id: 'log-p3', e164: PERSON.e164, campaignId: CAMPAIGN_A.id, clientId: CLIENT_A.id, agent: 'Ola Selger', outcomeKind: 'not-interested', at: NOW - 5 * DAY }),
];
const BLOCKED_LOGS = [
  callLogRow({ id: 'log-b1', e164: BLOCKED.e164, campaignId: CAMPAIGN_A.id, clientId: CLIENT_A.id, agent: 'Ola Selger', outcomeKind: 'sale', amountOre: 49_900, note: 'Sa ja til fastpris', at: NOW - 30 * DAY }),
  callLogRow({ id: 'log-b2', e164: BLOCKED.e164, campaignId: CAMPAIGN_B.id, clientId: CLIENT_B.id, agent: 'Kari Tester', outcomeKind: 'not-interested', note: 'Vil ikke bli ringt igjen', at: NOW - 2 * DAY }),
];
const OTHER_LOGS = [
  callLogRow({ id: 'log-o1', e164: OTHER, campaignId: CAMPAIGN_A.id, clientId: CLIENT_A.id, agent: 'Kari Tester', outcomeKind: 'sale', amountOre: 250_000, note: 'Kunde i 10 år', at: NOW - 8 * DAY }),
  callLogRow({ id: 'log-o2', e164: OTHER, campaignId: CAMPAIGN_B.id, clientId: CLIENT_B.id, agent: 'Ola Selger', outcomeKind: 'no-answer', at: NOW - 7 * DAY }),
];

function seed(withAgentName: boolean): Seed {
  return {
    clients: [clientRow(CLIENT_A), clientRow(CLIENT_B)],
    campaigns: [campaignRow({ ...CAMPAIGN_A, fields: [...CAMPAIGN_A.fields] }), campaignRow({ ...CAMPAIGN_B, fields: [...CAMPAIGN_B.fields] })],
    callLogs: [...PERSON_LOGS, ...BLOCKED_LOGS, ...OTHER_LOGS],
    settings: [
      settingRow('processorName', PROCESSOR.name),
      settingRow('processorContact', PROCESSOR.contact),
      ...(withAgentName ? [settingRow('agentName', 'Kari Tester')] : []),
    ],
  };
}

/** Opens rights.html, seeds, and reloads (liveQuery does not see raw IndexedDB writes). */
async function seededRightsPage(openExtensionPage: (p: string) => Promise<Page>, withAgentName = true, query = ''): Promise<Page> {
  const page = await openExtensionPage('rights.html');
  await waitForDatabase(page);
  await seedDatabase(page, seed(withAgentName));
  await page.goto(page.url().replace(/rights\.html.*$/, `rights.html${query}`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

async function lookUp(page: Page, text: string): Promise<void> {
  await page.getByLabel('Phone number', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Look up' }).click();
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

/** `;`-separated CSV with "…" quoting → rows of cells (BOM dropped). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

type LogRow = { id: string; e164: string | null; agent: string; campaignId: string; outcomeKind: string; amountOre: number | null; note: string; at: number; anonymisedAt: number | null };

/** Per agent and per campaign: calls, sales and amount — what the team lead's stats are made of. */
function tally(logs: LogRow[]) {
  const by = (key: (l: LogRow) => string) => {
    const out: Record<string, { calls: number; sales: number; amountOre: number }> = {};
    for (const l of logs) {
      const t = (out[key(l)] ??= { calls: 0, sales: 0, amountOre: 0 });
      t.calls++;
      if (l.outcomeKind === 'sale') t.sales++;
      t.amountOre += l.amountOre ?? 0;
    }
    return out;
  };
  return { perAgent: by((l) => l.agent), perCampaign: by((l) => l.campaignId) };
}

/** Where a number (E.164, national digits or the spaced form) occurs in a database dump: `store` → matching rows. */
function occurrences(dump: Record<string, unknown[]>, n: { e164: string; national: string; spaced: string }): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [store, rows] of Object.entries(dump)) {
    const hits = rows.filter((r) => {
      const text = JSON.stringify(r);
      return text.includes(n.e164) || text.includes(n.national) || text.includes(n.spaced);
    });
    if (hits.length) out[store] = hits;
  }
  return out;
}

async function sessionCurrentNumber(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await chrome.storage.session.get('currentNumber')).currentNumber ?? null;
  });
}

async function setSessionCurrentNumber(page: Page, e164: string): Promise<void> {
  await page.evaluate(async (n) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
    await chrome.storage.session.set({ currentNumber: { tabId: 1, e164: n, at: Date.now() } });
  }, e164);
}

/** Every session-storage key (the side panel's current number, printable reports' numbers under their tokens). */
async function sessionKeys(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    return chrome.storage.session.get(null);
  });
}

/** Blocked or not, as the background answers an extension page. */
async function lookupBlocked(page: Page, numbers: string[]): Promise<boolean[]> {
  return page.evaluate(async (list) => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ statuses: { blocked: boolean }[] }> } } }).chrome;
    return (await chrome.runtime.sendMessage({ type: 'page:lookup', payload: { numbers: list } })).statuses.map((s) => s.blocked);
  }, numbers);
}

async function openPrintable(context: BrowserContext, page: Page, lang: 'nb' | 'en'): Promise<Page> {
  await page.getByLabel(/Printable report in the person's language/).selectOption(lang);
  const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open printable report' }).click()]);
  await report.waitForLoadState();
  await expect(report.locator('main.sheet')).toHaveAttribute('data-state', 'ready');
  return report;
}

test.describe('access report', () => {
  test('a number in two campaigns of two clients: the report lists both with purposes and controllers; JSON, CSV and the printed PDF hold exactly that', async ({
    context,
    openExtensionPage,
  }, testInfo) => {
    const page = await seededRightsPage(openExtensionPage);
    await lookUp(page, PERSON.typed);
    const report = page.getByTestId('access-report');
    await expect(report).toHaveAttribute('data-e164', PERSON.e164);
    await expect(report).toHaveAttribute('data-empty', 'false');

    // On screen: the three calls, both campaigns with controller, agreement (or its absence), purposes, legal bases.
    const rows = report.getByTestId('call-logs').locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(report.getByTestId('call-logs')).toContainText('Vil ha faktura på e-post');
    await expect(report.getByTestId('call-logs')).toContainText('Ring etter kl. 17');
    await expect(report.getByTestId('call-logs')).toContainText('Sale');
    const campA = report.locator(`[data-campaign-id="${CAMPAIGN_A.id}"]`);
    const campB = report.locator(`[data-campaign-id="${CAMPAIGN_B.id}"]`);
    await expect(campA).toContainText(CLIENT_A.name);
    await expect(campA).toContainText(CLIENT_A.agreementReference);
    await expect(campA).toContainText('Foreslå riktig strømavtale');
    await expect(campA).toContainText('Legitimate interests (Art. 6(1)(f))');
    await expect(campA).toContainText('365 days, then anonymised automatically');
    await expect(campB).toContainText(CLIENT_B.name);
    await expect(campB).toContainText('No data processing agreement on record with this client.');
    await expect(campB).toContainText('Vurdere forsikringsbehov');
    await expect(campB).toContainText('Consent (Art. 6(1)(a))');
    await expect(campB).toContainText('Financial');
    for (const c of [campA, campB]) await expect(c).toContainText(PROCESSOR.name);
    await expect(report.getByTestId('block-status')).toHaveText('Not on the block list.');

    // JSON: exactly the person's three logs and the two campaigns, as in the database.
    const json = await readDownload(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
    expect(json.name).toMatch(/^kontaktvern-access-\d{4}-\d\d-\d\d-\d{4}\.json$/); // no number in the file name
    const data = JSON.parse(json.text);
    expect(data.schema).toBe('kontaktvern-access-report');
    expect(data.schemaVersion).toBe(1);
    expect(data.e164).toBe(PERSON.e164);
    expect(data.processor).toEqual(PROCESSOR);
    const stored = (await readStore<LogRow>(page, 'callLogs')).filter((l) => l.e164 === PERSON.e164).sort((a, b) => a.at - b.at);
    expect(data.callLogs).toEqual(
      stored.map((l) => ({
        id: l.id,
        at: new Date(l.at).toISOString(),
        campaignId: l.campaignId,
        clientId: (PERSON_LOGS.find((p) => p.id === l.id) as { clientId: string }).clientId,
        outcomeKind: l.outcomeKind,
        outcomeLabel: '',
        amountOre: l.amountOre,
        note: l.note,
        agent: l.agent,
      })),
    );
    expect(data.blockEntries).toEqual([]);
    expect(data.blockHistory).toEqual([]);
    expect(data.campaigns.map((c: { id: string }) => c.id).sort()).toEqual([CAMPAIGN_A.id, CAMPAIGN_B.id].sort());
    const jsonA = data.campaigns.find((c: { id: string }) => c.id === CAMPAIGN_A.id);
    const jsonB = data.campaigns.find((c: { id: string }) => c.id === CAMPAIGN_B.id);
    expect(jsonA.controller).toEqual({ id: CLIENT_A.id, name: CLIENT_A.name, orgNumber: CLIENT_A.orgNumber, contact: CLIENT_A.contact, agreementReference: CLIENT_A.agreementReference });
    expect(jsonB.controller.agreementReference).toBeNull();
    expect(jsonA.fields).toEqual([{ label: 'Strømforbruk', purpose: 'Foreslå riktig strømavtale', legalBasis: 'legitimate-interest', category: 'customer-relationship', retention: '12 måneder etter siste kontakt' }]);
    expect(jsonB.fields[0].purpose).toBe('Vurdere forsikringsbehov');
    expect(json.text).not.toContain(OTHER.slice(3));
    expect(json.text).not.toContain(BLOCKED.national);

    // CSV: a header and one row per record (the three logs), nobody else's data.
    const csv = await readDownload(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const table = parseCsv(csv.text);
    expect(table[0]).toEqual(['Record type', 'Time', 'Number', 'Campaign', 'Client', 'Outcome', 'Amount (NOK)', 'Note', 'Agent / done by', 'Action', 'Source', 'Applies to', 'Reason', 'Id']);
    expect(table).toHaveLength(1 + 3);
    expect(table.slice(1).map((r) => r[13]).sort()).toEqual(['log-p1', 'log-p2', 'log-p3']);
    for (const r of table.slice(1)) {
      expect(r).toHaveLength(14);
      expect(r[0]).toBe('Call log');
      expect(r[2]).toBe(`'${PERSON.e164}`); // formula-safe
    }
    const p1 = table.find((r) => r[13] === 'log-p1')!;
    expect([p1[3], p1[4], p1[5], p1[6], p1[7], p1[8]]).toEqual([CAMPAIGN_A.name, CLIENT_A.name, 'Sale', '1299,00', 'Vil ha faktura på e-post', 'Kari Tester']);
    expect(table.find((r) => r[13] === 'log-p2')![4]).toBe(CLIENT_B.name);
    expect(csv.text).not.toContain(OTHER.slice(3));

    // The printable report in the person's language (Norwegian, whatever the browser's), printed to PDF.
    const printable = await openPrintable(context, page, 'nb');
    expect(new URL(printable.url()).searchParams.get('lang')).toBe('nb');
    expect(printable.url()).not.toMatch(/4746813579|%2B47/); // the number never goes into a URL (browser history)
    await expect(printable.locator('html')).toHaveAttribute('lang', 'nb');
    const sheet = printable.locator('main.sheet');
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Dette har vi lagret om deg');
    await expect(sheet).toContainText('Telefonnummer +47 468 13 579');
    await expect(sheet.getByTestId('controller')).toHaveCount(2);
    await expect(sheet.getByTestId('controller').filter({ hasText: CLIENT_A.name })).toContainText('Databehandleravtale: DBA-2026-014');
    await expect(sheet.getByTestId('controller').filter({ hasText: CLIENT_B.name })).toContainText(CLIENT_B.contact);
    await expect(sheet.getByTestId('processor')).toContainText(PROCESSOR.name);
    await expect(sheet.getByTestId('processor')).toContainText(PROCESSOR.contact);
    await expect(sheet.getByTestId('call-logs').locator('tbody tr')).toHaveCount(3);
    await expect(sheet.getByTestId('call-logs')).toContainText('kr\u00a01\u00a0299');
    await expect(sheet.getByTestId('call-logs')).toContainText('Ring tilbake');
    for (const text of [
      'Kampanjen «Strøm vinter» for Nordlys Energi AS',
      'Kampanjen «Innboforsikring» for Havbris Forsikring AS',
      'Foreslå riktig strømavtale',
      'Berettiget interesse (art. 6 nr. 1 f)',
      'Vurdere forsikringsbehov',
      'Samtykke (art. 6 nr. 1 a)',
      'Samtalelogger i «Strøm vinter»: 365 dager etter samtalen.',
      'Samtalelogger i «Innboforsikring»: 180 dager etter samtalen.',
      'Nummeret ditt står ikke på sperrelisten vår.',
      'Innsyn (art. 15)',
      'Retting (art. 16)',
      'Sletting (art. 17)',
      'Begrensning (art. 18)',
      'Protest (art. 21)',
      'Dataportabilitet (art. 20)',
      'Klage til Datatilsynet (art. 77)',
      'Hvem du kan kontakte',
    ]) {
      await expect(sheet).toContainText(text);
    }
    expect(await printable.locator('body').innerText()).not.toContain(OTHER.slice(3));
    // In print: no buttons, black on white.
    await printable.emulateMedia({ media: 'print' });
    await expect(printable.getByRole('button', { name: 'Skriv ut / lagre som PDF' })).toBeHidden();
    const colours = await printable.evaluate(() => {
      const s = getComputedStyle(document.body);
      return { color: s.color, background: s.backgroundColor };
    });
    expect(colours).toEqual({ color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
    const pdf = await printable.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(testInfo.outputPath('access-report-nb.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await printable.emulateMedia({ media: 'screen' });
    await expect(printable.getByRole('button', { name: 'Skriv ut / lagre som PDF' })).toBeVisible();

    // The same report in English: the link from the language switcher.
    await printable.getByRole('link', { name: 'English' }).click();
    await expect(printable.locator('main.sheet')).toHaveAttribute('data-state', 'ready');
    await expect(printable.locator('html')).toHaveAttribute('lang', 'en');
    await expect(printable.locator('main.sheet h1')).toHaveText('What we hold about you');
    await expect(printable.locator('main.sheet')).toContainText('Legitimate interests (Art. 6(1)(f))');
    await expect(printable.locator('main.sheet')).toContainText('Complaint to Datatilsynet (Art. 77)');
  });

  test('?n= prefills the lookup; a number with no data says so and still exports an empty report', async ({ context, openExtensionPage }) => {
    const page = await seededRightsPage(openExtensionPage, true, `?n=${encodeURIComponent(PERSON.spaced)}`);
    await expect(page.getByLabel('Phone number', { exact: true })).toHaveValue(PERSON.spaced);
    await expect(page.getByTestId('access-report')).toHaveAttribute('data-e164', PERSON.e164);

    await lookUp(page, '0047 41 00 00 01');
    const report = page.getByTestId('access-report');
    await expect(report).toHaveAttribute('data-e164', '+4741000001');
    await expect(report).toHaveAttribute('data-empty', 'true');
    await expect(report.getByTestId('nothing-held')).toContainText('Kontaktvern holds nothing about this number.');
    const json = JSON.parse((await readDownload(page, () => page.getByRole('button', { name: 'Download JSON' }).click())).text);
    expect(json).toMatchObject({ schema: 'kontaktvern-access-report', e164: '+4741000001', callLogs: [], blockEntries: [], blockHistory: [], campaigns: [] });
    const csv = parseCsv((await readDownload(page, () => page.getByRole('button', { name: 'Download CSV' }).click())).text);
    expect(csv).toHaveLength(1);
    const printable = await openPrintable(context, page, 'en');
    await expect(printable.getByTestId('nothing-held')).toContainText('Kontaktvern holds nothing about this number.');
    await expect(printable.locator('main.sheet')).toContainText('Your rights');
  });

  test('bad input: text that is not a number gives a clear message and nothing else', async ({ openExtensionPage }) => {
    const page = await seededRightsPage(openExtensionPage);
    const before = await dumpDatabase(page);
    await lookUp(page, 'hello');
    await expect(page.getByRole('alert')).toHaveText('Cannot look up “hello”: not a phone number. Nothing was looked up.');
    await expect(page.getByTestId('access-report')).toHaveCount(0);
    await expect(page.getByLabel('Phone number', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    // A valid lookup, then bad input again: the old report goes, so it cannot be taken for the new text.
    await lookUp(page, PERSON.spaced);
    await expect(page.getByTestId('access-report')).toBeVisible();
    await lookUp(page, '912 345 678');
    await expect(page.getByRole('alert')).toContainText('Cannot look up “912 345 678”');
    await expect(page.getByTestId('access-report')).toHaveCount(0);
    await lookUp(page, '   ');
    await expect(page.getByRole('alert')).toHaveText("Write the person's phone number (any spelling).");
    expect(await dumpDatabase(page)).toEqual(before);
  });
});

test.describe('erasure', () => {
  test('erasing a person: stats per agent unchanged, the number nowhere in the database or a fresh export; a blocked person stays blocked', async ({
    page: tab,
    server,
    openExtensionPage,
  }) => {
    // The blocked person asked not to be called, through the real block-list page (sets the agent name too).
    const blocklist = await blockThroughPage(openExtensionPage, [BLOCKED.spaced], 'Ba om å ikke bli ringt');
    await blocklist.close();
    const page = await seededRightsPage(openExtensionPage, false);
    await setSessionCurrentNumber(page, PERSON.e164);
    // Printable reports opened earlier keep their number under a token until the browser closes.
    await page.evaluate(
      async ([person, other]) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
        await chrome.storage.session.set({ 'report:tok-person': person, 'report:tok-other': other });
      },
      [PERSON.e164, OTHER],
    );

    const before = await readStore<LogRow>(page, 'callLogs');
    const statsBefore = tally(before);
    expect(occurrences(await dumpDatabase(page), PERSON)).toHaveProperty('callLogs');

    // --- The person who is not blocked ---
    await lookUp(page, PERSON.spaced);
    await page.getByRole('button', { name: 'Erase (anonymise)…' }).click();
    const erase = page.getByTestId('erase-number');
    await expect(erase.getByRole('heading')).toHaveText('Erase +47 468 13 579 (anonymise)');
    await expect(erase).toContainText('The number and the notes are removed from 3 call log(s).');
    await expect(erase).toContainText('Kept, without the number: outcome, amount, agent, campaign, client and date');
    await expect(erase).toContainText('The number is not on the block list.');
    await expect(erase).toContainText('This cannot be undone.');
    await expect(erase).toContainText('Changes are recorded as Kari Tester.');
    const run = erase.getByRole('button', { name: 'Erase for good' });
    await expect(run).toBeDisabled();
    // Wrong digits: refused, nothing changed.
    await erase.getByLabel('To confirm, type the last 4 digits of the number').fill('1234');
    await run.click();
    await expect(erase.getByRole('alert')).toHaveText('These are not the last 4 digits of the number: nothing was erased.');
    expect((await readStore<LogRow>(page, 'callLogs')).filter((l) => l.e164 === PERSON.e164)).toHaveLength(3);
    // A reference holding the number is refused (the audit trail never keeps it).
    await erase.getByLabel('Reference of the request (optional, without the number)').fill(`Telefon fra ${PERSON.spaced}`);
    await erase.getByLabel('To confirm, type the last 4 digits of the number').fill(PERSON.lastFour);
    await run.click();
    await expect(erase.getByRole('alert')).toHaveText('The reference must not contain the number: the audit trail never keeps it.');
    await erase.getByLabel('Reference of the request (optional, without the number)').fill('Henvendelse 2026-118');
    await run.click();
    await expect(erase.getByTestId('erase-result')).toHaveText('Done: 3 call log(s) anonymised. The erasure is recorded in the audit trail (without the number).');
    await expect(page.getByTestId('access-report')).toHaveAttribute('data-empty', 'true');
    await expect(page.getByTestId('nothing-held')).toBeVisible();

    const afterPerson = await readStore<LogRow>(page, 'callLogs');
    expect(tally(afterPerson)).toEqual(statsBefore);
    for (const id of ['log-p1', 'log-p2', 'log-p3']) {
      const l = afterPerson.find((x) => x.id === id)!;
      expect(l.e164).toBeNull();
      expect(l.note).toBe('');
      expect(l.anonymisedAt).toEqual(expect.any(Number));
    }
    expect(afterPerson.find((x) => x.id === 'log-o1')).toMatchObject({ e164: OTHER, note: 'Kunde i 10 år', anonymisedAt: null });
    expect(occurrences(await dumpDatabase(page), PERSON)).toEqual({});
    const audit = await readStore<{ action: string; actor: string; reason: string; detail?: { scope: string; count: number } }>(page, 'audit');
    expect(audit.filter((e) => e.action === 'anonymise')).toEqual([
      expect.objectContaining({ actor: 'Kari Tester', reason: 'Henvendelse 2026-118', detail: expect.objectContaining({ scope: 'number', count: 3 }) }),
    ]);
    expect(await sessionCurrentNumber(page)).toBeNull();
    // A printable report of the person, reloaded from the browser's history, has no number to show; others keep theirs.
    const session = await sessionKeys(page);
    expect(session['report:tok-person']).toBeUndefined();
    expect(session['report:tok-other']).toBe(OTHER);

    // A fresh export holds no record of the number (only the number asked about, at the top).
    const json = JSON.parse((await readDownload(page, () => page.getByRole('button', { name: 'Download JSON' }).click())).text);
    expect(json.callLogs).toEqual([]);
    expect(json.campaigns).toEqual([]);
    expect(JSON.stringify({ ...json, e164: undefined })).not.toContain(PERSON.national);
    const csvText = (await readDownload(page, () => page.getByRole('button', { name: 'Download CSV' }).click())).text;
    expect(parseCsv(csvText)).toHaveLength(1);
    expect(csvText).not.toContain(PERSON.national);

    // --- The blocked person ---
    await lookUp(page, BLOCKED.spaced);
    const report = page.getByTestId('access-report');
    await expect(report).toHaveAttribute('data-e164', BLOCKED.e164);
    await expect(report.getByTestId('block-entries')).toContainText('Ba om å ikke bli ringt');
    await expect(report.getByTestId('block-history')).toContainText('Blocked');
    await expect(report).toContainText('Block-list entries and their history stay after erasure');
    await page.getByRole('button', { name: 'Erase (anonymise)…' }).click();
    await expect(erase).toContainText('The number and the notes are removed from 2 call log(s).');
    await expect(erase.getByTestId('erase-block-stays')).toHaveText(/^The block-list entry stays: the person asked not to be called/);
    await expect(erase).toContainText('The history of the block stays too');
    await erase.getByLabel('To confirm, type the last 4 digits of the number').fill(BLOCKED.lastFour);
    await erase.getByRole('button', { name: 'Erase for good' }).click();
    await expect(erase.getByTestId('erase-result')).toContainText('Done: 2 call log(s) anonymised.');
    await expect(erase).toContainText('The number stays on the block list: it will not be called.');
    await expect(report.getByTestId('call-logs')).toHaveCount(0);
    await expect(report.getByTestId('block-entries')).toBeVisible();
    await expect(report).toHaveAttribute('data-empty', 'false');
    // What the agent wrote about the person is gone from the entry and its history; the block and who added it stay.
    await expect(report.getByTestId('block-entries')).toContainText('Reason removed at the person’s erasure request');
    await expect(report.getByTestId('block-entries')).not.toContainText('Ba om å ikke bli ringt');
    await expect(report.getByTestId('block-history')).toContainText('Reason removed at the person’s erasure request');
    await expect(report.getByTestId('block-history')).not.toContainText('Ba om å ikke bli ringt');

    const afterBoth = await readStore<LogRow>(page, 'callLogs');
    expect(tally(afterBoth)).toEqual(statsBefore);
    // Only the block-list entry and its block/unblock events keep the number.
    const left = occurrences(await dumpDatabase(page), BLOCKED);
    expect(Object.keys(left).sort()).toEqual(['audit', 'blocks']);
    expect(left.blocks).toHaveLength(1);
    expect((left.audit as { action: string }[]).every((e) => e.action === 'block' || e.action === 'unblock')).toBe(true);
    expect(JSON.stringify(left)).not.toContain('Ba om å ikke bli ringt');
    // Still blocked: the background says so, and a CRM page marks it blocked.
    expect(await lookupBlocked(page, [BLOCKED.e164, PERSON.e164])).toEqual([true, false]);
    await tab.goto(server.url('demo-crm.html'));
    await waitForMark(tab, BLOCKED.spaced, HIGHLIGHT.blocked);
  });

  test('a campaign: preview count, typed confirmation of its name, then exactly its logs are anonymised', async ({ openExtensionPage }) => {
    const page = await seededRightsPage(openExtensionPage);
    const scope = page.getByTestId('erase-scope');
    await expect(scope.getByRole('heading', { level: 2 })).toHaveText("Erase a client's or a campaign's call logs");
    await scope.getByLabel('One campaign').check();
    await scope.getByLabel('Campaign', { exact: true }).selectOption({ label: `${CAMPAIGN_B.name} (${CLIENT_B.name})` });
    const preview = scope.getByTestId('scope-preview');
    // Campaign B: one log of each person and of OTHER.
    await expect(preview).toHaveText(`3 call log(s) of ${CAMPAIGN_B.name} still hold a number or a note and will be anonymised.`);
    const run = scope.getByRole('button', { name: 'Anonymise 3 call log(s) for good' });
    await expect(run).toBeDisabled();
    const confirm = scope.getByLabel(`To confirm, type the name: ${CAMPAIGN_B.name}`);
    await confirm.fill('Innbo');
    await run.click();
    await expect(scope.getByRole('alert')).toHaveText('The name does not match: nothing was erased.');
    expect((await readStore<LogRow>(page, 'callLogs')).filter((l) => l.e164 === null)).toHaveLength(0);
    await confirm.fill(CAMPAIGN_B.name);
    await expect(run).toBeEnabled();
    const before = await readStore<LogRow>(page, 'callLogs');
    await run.click();
    await expect(scope.getByTestId('scope-result')).toHaveText(`Done: 3 call log(s) of ${CAMPAIGN_B.name} anonymised. Recorded in the audit trail.`);
    await expect(preview).toHaveText(`Nothing to anonymise for ${CAMPAIGN_B.name}: its call logs are already anonymised, or there are none.`);

    const after = await readStore<LogRow>(page, 'callLogs');
    expect(tally(after)).toEqual(tally(before));
    for (const l of after) {
      if (l.campaignId === CAMPAIGN_B.id) expect(l).toMatchObject({ e164: null, note: '' });
      else expect(l).toEqual(before.find((b) => b.id === l.id));
    }
    const events = (await readStore<{ action: string; detail?: Record<string, unknown> }>(page, 'audit')).filter((e) => e.action === 'anonymise');
    expect(events.map((e) => e.detail)).toEqual([{ scope: 'campaign', id: CAMPAIGN_B.id, count: 3 }]);

    // The whole client A next: the preview counts its logs; its name confirms.
    await scope.getByLabel('A whole client (all its campaigns)').check();
    await scope.getByLabel('Client', { exact: true }).selectOption({ label: CLIENT_A.name });
    await expect(scope.getByTestId('scope-preview')).toHaveAttribute('data-count', '4');
  });
});

test.describe('screenshots', () => {
  const DIR = process.env.KV_SCREENS_DIR ? path.join(process.env.KV_SCREENS_DIR) : '/tmp/kv-screens/rights';

  async function shoot(context: BrowserContext, page: Page, suffix: string, report: 'nb' | 'en') {
    fs.mkdirSync(DIR, { recursive: true });
    await page.getByTestId('access-report').waitFor();
    await page.getByRole('button', { name: /Erase \(anonymise\)|Slett \(anonymiser\)/ }).click();
    await page.getByTestId('erase-number').getByRole('button').first().waitFor();
    // The campaign erasure with its preview and confirmation field showing.
    const scope = page.getByTestId('erase-scope');
    await scope.getByRole('radio').nth(1).check();
    await scope.locator('select').selectOption({ index: 1 });
    await scope.getByTestId('scope-preview').waitFor();
    // Nothing untranslated: extension i18n returns the key itself when a message is missing.
    expect(await page.locator('body').innerText()).not.toMatch(/\brights[A-Z]\w+/);
    await page.screenshot({ path: path.join(DIR, `rights-page-${suffix}.png`), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(DIR, `rights-page-${suffix}-360px.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const selectLabel = suffix === 'nb' ? /Rapport for utskrift på personens språk/ : /Printable report in the person's language/;
    await page.getByLabel(selectLabel).selectOption(report);
    const [printable] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /Open printable report|Åpne rapport for utskrift/ }).click()]);
    await expect(printable.locator('main.sheet')).toHaveAttribute('data-state', 'ready');
    await printable.setViewportSize({ width: 1000, height: 1200 });
    await printable.screenshot({ path: path.join(DIR, `report-${report}-screen.png`), fullPage: true });
    await printable.emulateMedia({ media: 'print' });
    await printable.screenshot({ path: path.join(DIR, `report-${report}-print.png`), fullPage: true });
    fs.writeFileSync(path.join(DIR, `report-${report}.pdf`), await printable.pdf({ format: 'A4' }));
  }

  test('English UI, report in Norwegian', async ({ context, openExtensionPage }) => {
    const page = await seededRightsPage(openExtensionPage, true, `?n=${encodeURIComponent(PERSON.e164)}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(context, page, 'en', 'nb');
  });

  test.describe('Norwegian', () => {
    test.use({ uiLocale: 'nb' });
    test('Norwegian UI, report in English', async ({ context, openExtensionPage }) => {
      const page = await seededRightsPage(openExtensionPage, true, `?n=${encodeURIComponent(PERSON.e164)}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Innsyn og sletting');
      await expect(page).toHaveTitle('Innsyn og sletting — Kontaktvern');
      await shoot(context, page, 'nb', 'en');
    });
  });
});
