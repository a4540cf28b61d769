/**
 * Issue 6, the team lead's popup: results per agent and per campaign for a
 * period, exports of the call logs with the filters applied, and merging
 * other agents' exports (twice = once), with bad input refused and nothing
 * changed. The popup is opened as an extension page in a tab.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
  allRows,
  callLog,
  clearStores,
  downloadOf,
  logCount,
  openPart,
  osloPeriods,
  type SeedLog,
  seedTeam,
  setAgentNameRaw,
  thisWeekNotToday,
  waitForStores,
  writeLogExport,
} from './team-helpers';

const KARI = 'Kari Nordmann';
const OLA = 'Ola Åsen';
const MIN = 60_000;

/** The shared scenario. Today: Kari 3 calls (2 sales, 12 345 kr), Ola 2 calls (1 sale, anonymised, 500 kr). Earlier this week: one more each. 40 days ago: one (never in today/week). */
function scenario(now = Date.now()) {
  const { today } = osloPeriods(now);
  const t0 = today.from + 8 * 60 * MIN; // 08:00 Oslo (07:00 on a 25-hour day: still today)
  const week = thisWeekNotToday(now);
  const logs = {
    kariSaleWinter: callLog({ id: 'log-kari-1', agent: KARI, campaignId: 'camp-winter', outcomeKind: 'sale', amountOre: 123_400, note: 'Ønsker kort på Ålesund-kontoret', at: t0 }),
    kariNoAnswer: callLog({ id: 'log-kari-2', agent: KARI, campaignId: 'camp-winter', outcomeKind: 'no-answer', note: '=1+1', at: t0 + 5 * MIN }),
    kariSalePower: callLog({ id: 'log-kari-3', agent: KARI, campaignId: 'camp-power', outcomeKind: 'sale', amountOre: 1_111_100, at: t0 + 10 * MIN }),
    olaNo: callLog({ id: 'log-ola-1', agent: OLA, campaignId: 'camp-power', outcomeKind: 'not-interested', at: t0 + 15 * MIN }),
    olaSaleAnonymised: callLog({ id: 'log-ola-2', agent: OLA, campaignId: 'camp-power', outcomeKind: 'sale', amountOre: 50_000, at: t0 + 20 * MIN, anonymisedAt: t0 + 30 * MIN, updatedAt: t0 + 30 * MIN }),
    olaWeekSale: callLog({ id: 'log-ola-3', agent: OLA, campaignId: 'camp-winter', outcomeKind: 'sale', amountOre: 100_000, at: week }),
    kariWeekCallBack: callLog({ id: 'log-kari-4', agent: KARI, campaignId: 'camp-winter', outcomeKind: 'call-back', at: week + 5 * MIN }),
    kariOld: callLog({ id: 'log-kari-old', agent: KARI, campaignId: 'camp-winter', outcomeKind: 'sale', amountOre: 999_900, at: now - 40 * 24 * 60 * MIN }),
  };
  return { logs, all: Object.values(logs) };
}

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/** The figures of one row (agent name, campaign id or 'total'); outcomes other than sales as "No answer 1, Call back 1". */
async function row(table: Locator, key: string) {
  const tr = table.locator(`tr[data-key="${key}"]`);
  await expect(tr).toHaveCount(1);
  const cell = async (col: string) => spaces(await tr.locator(`td[data-col="${col}"]`).innerText());
  const kinds = (await table.locator(`tr[data-kinds-of="${key}"] li`).allInnerTexts()).map(spaces).join(', ');
  return { calls: await cell('calls'), sales: await cell('sales'), amount: await cell('amount'), outcomes: kinds };
}

async function openPopup(openExtensionPage: (p: string) => Promise<Page>): Promise<Page> {
  const popup = await openExtensionPage('popup.html');
  await waitForStores(popup);
  return popup;
}

async function choosePeriod(popup: Page, name: 'Today' | 'This week' | 'This month' | 'Dates') {
  await popup.getByRole('radio', { name }).check();
}

test.describe('the team lead\'s popup: results', () => {
  test('today and this week per agent and per campaign, with totals, chart and anonymised logs counted', async ({ openExtensionPage }) => {
    const popup = await openPopup(openExtensionPage);
    await expect(popup.getByTestId('team-no-calls')).toHaveText('No calls in this period.');
    await seedTeam(popup, scenario().all);

    const byAgent = popup.getByTestId('team-by-agent');
    const byCampaign = popup.getByTestId('team-by-campaign');
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 5 · Sales: 3 · Amount: NOK\s12,845$/);
    await expect(popup.getByTestId('team-caption')).toHaveText(/^Calls on \d\d\/\d\d\/\d{4}$/);
    await expect(popup.getByTestId('team-anonymised')).toContainText('Anonymised calls included: 1.');
    expect(await row(byAgent, KARI)).toEqual({ calls: '3', sales: '2', amount: 'NOK 12,345', outcomes: 'No answer 1' });
    expect(await row(byAgent, OLA)).toEqual({ calls: '2', sales: '1', amount: 'NOK 500', outcomes: 'Not interested 1' });
    expect(await row(byAgent, 'total')).toEqual({ calls: '5', sales: '3', amount: 'NOK 12,845', outcomes: 'Not interested 1, No answer 1' });
    expect(await row(byCampaign, 'camp-winter')).toEqual({ calls: '2', sales: '1', amount: 'NOK 1,234', outcomes: 'No answer 1' });
    expect(await row(byCampaign, 'camp-power')).toEqual({ calls: '3', sales: '2', amount: 'NOK 11,611', outcomes: 'Not interested 1' });
    await expect(byCampaign.locator('tr[data-key="camp-power"] th')).toContainText('Strøm og gass');
    await expect(byCampaign.locator('tr[data-key="camp-power"] th')).toContainText('Fjordkraft Øst');
    // The chart: one bar per agent, amount sold by default, the largest bar full width.
    const chart = popup.getByTestId('team-chart');
    await expect(chart).toHaveAttribute('data-metric', 'amount');
    await expect(chart.locator('figcaption')).toHaveText('Amount sold per agent');
    const widths = await chart.locator('.team-bar').evaluateAll((bars) => bars.map((b) => (b as HTMLElement).style.width));
    expect(widths.length).toBe(2);
    expect(widths[0]).toBe('100%'); // Kari, sorted by name
    expect(parseFloat(widths[1]!)).toBeCloseTo((500 / 12345) * 100, 1);
    await chart.getByRole('radio', { name: 'Calls' }).check();
    await expect(chart.locator('figcaption')).toHaveText('Calls per agent');
    await expect(chart.locator('.team-bar-value')).toHaveText(['3', '2']);

    await choosePeriod(popup, 'This week');
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 7 · Sales: 4 · Amount: NOK\s13,845$/);
    expect(await row(byAgent, KARI)).toEqual({ calls: '4', sales: '2', amount: 'NOK 12,345', outcomes: 'No answer 1, Call back 1' });
    expect(await row(byAgent, OLA)).toEqual({ calls: '3', sales: '2', amount: 'NOK 1,500', outcomes: 'Not interested 1' });
    expect(await row(byCampaign, 'camp-winter')).toEqual({ calls: '4', sales: '2', amount: 'NOK 2,234', outcomes: 'No answer 1, Call back 1' });
    expect(await row(byCampaign, 'camp-power')).toEqual({ calls: '3', sales: '2', amount: 'NOK 11,611', outcomes: 'Not interested 1' });

    // Filters: one agent, then one client.
    await popup.getByLabel('Agent', { exact: true }).selectOption(OLA);
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 3 · Sales: 2 · Amount: NOK\s1,500$/);
    await expect(byAgent.locator('tbody tr[data-key]')).toHaveCount(1);
    await popup.getByLabel('Agent', { exact: true }).selectOption('');
    await popup.getByLabel('Client', { exact: true }).selectOption({ label: 'Fjordkraft Øst' });
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 3 · Sales: 2 · Amount: NOK\s11,611$/);
    await expect(byCampaign.locator('tbody tr[data-key]')).toHaveCount(1);
  });

  test('a custom period without calls says so; from after to and an empty date say so and change nothing else', async ({ openExtensionPage }) => {
    const popup = await openPopup(openExtensionPage);
    await seedTeam(popup, scenario().all);
    await choosePeriod(popup, 'This week');
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 7 ·/);
    const caption = await popup.getByTestId('team-caption').innerText();

    await choosePeriod(popup, 'Dates');
    // The dates start as the period shown, so nothing changes yet.
    await expect(popup.getByTestId('team-caption')).toHaveText(caption);
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 7 ·/);

    // From after to: a clear message; the figures, the caption and the exports stay as they were.
    const to = await popup.getByLabel('To', { exact: true }).inputValue();
    const [y, m, d] = to.split('-');
    await popup.getByLabel('From', { exact: true }).fill(`${Number(y) + 1}-01-15`);
    await expect(popup.getByTestId('team-period-problem')).toHaveText(
      `The from date (15/01/${Number(y) + 1}) is after the to date (${d}/${m}/${y}). The figures below are still for the period shown.`,
    );
    await expect(popup.getByTestId('team-period-problem')).toHaveAttribute('role', 'alert');
    await expect(popup.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(popup.getByTestId('team-caption')).toHaveText(caption);
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 7 · Sales: 4 ·/);
    await openPart(popup, 'team-export');
    await expect(popup.getByRole('button', { name: 'Download CSV' })).toBeDisabled();

    // An empty date: the same.
    await popup.getByLabel('From', { exact: true }).fill('');
    await expect(popup.getByTestId('team-period-problem')).toHaveText('Choose both a from date and a to date. The figures below are still for the period shown.');
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 7 · Sales: 4 ·/);

    // A valid period with no calls.
    await popup.getByLabel('From', { exact: true }).fill('2020-01-01');
    await popup.getByLabel('To', { exact: true }).fill('2020-01-31');
    await expect(popup.getByTestId('team-period-problem')).toHaveCount(0);
    await expect(popup.getByTestId('team-caption')).toHaveText('Calls 01/01/2020 – 31/01/2020');
    await expect(popup.getByTestId('team-no-calls')).toHaveText('No calls in this period.');
    await expect(popup.getByTestId('team-stats')).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
    await popup.getByRole('button', { name: 'Download CSV' }).click();
    await expect(popup.getByTestId('team-export-status')).toHaveText('No calls to export in this period.');
  });
});

test.describe('the team lead\'s popup: exports', () => {
  test('CSV and JSON downloads hold exactly the filtered calls; the CSV opens in Excel with Norwegian letters and no formulas', async ({ openExtensionPage }) => {
    const popup = await openPopup(openExtensionPage);
    const { logs } = scenario();
    await seedTeam(popup, Object.values(logs));
    await setAgentNameRaw(popup, 'Teamleder Tone');
    await openPart(popup, 'team-export');

    // Today, Kari only.
    await popup.getByLabel('Agent', { exact: true }).selectOption(KARI);
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 3 ·/);
    const csv = await downloadOf(popup, () => popup.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toMatch(/^kontaktvern-samtaler-\d{4}-\d\d-\d\d\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('Time;Agent;Client;Campaign;Number;Outcome;Amount (kr);Note;Anonymised;Record id');
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((l) => l.split(';').at(-1))).toEqual(['log-kari-1', 'log-kari-2', 'log-kari-3']);
    expect(lines[1]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d;Kari Nordmann;Sparebanken Vest;Vinterkampanje;'\+47\d{8};Sale;"1234,00";Ønsker kort på Ålesund-kontoret;;log-kari-1$/);
    expect(lines[2]).toContain(";No answer;;'=1+1;;log-kari-2");
    expect(lines[3]).toContain('Kari Nordmann;Fjordkraft Øst;Strøm og gass;');
    expect(lines[3]).toContain(';Sale;"11111,00";');
    expect(csv.bytes.toString('utf8')).not.toContain(OLA);
    await expect(popup.getByTestId('team-export-status')).toHaveText(`Downloaded ${csv.name} (calls: 3).`);

    // This week, campaign "Strøm og gass", every agent: JSON.
    await popup.getByLabel('Agent', { exact: true }).selectOption('');
    await choosePeriod(popup, 'This week');
    await popup.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Strøm og gass' });
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 3 ·/);
    const json = await downloadOf(popup, () => popup.getByRole('button', { name: 'Download JSON' }).click());
    expect(json.name).toMatch(/^kontaktvern-samtaler-\d{4}-\d\d-\d\d\.json$/);
    const data = JSON.parse(json.bytes.toString('utf8')) as { format: string; version: number; exportedBy: string; logs: SeedLog[] };
    expect(data).toMatchObject({ format: 'kontaktvern-call-logs', version: 1, exportedBy: 'Teamleder Tone' });
    expect(data.logs).toEqual([logs.kariSalePower, logs.olaNo, logs.olaSaleAnonymised]);
    expect(data.logs[2]).toMatchObject({ e164: null, note: '' });
  });
});

test.describe('the team lead\'s popup: merging other agents\' exports', () => {
  test('merging another agent\'s export twice adds its records once', async ({ openExtensionPage }, testInfo) => {
    const popup = await openPopup(openExtensionPage);
    const { logs } = scenario();
    // Ola's machine: his calls this week, exported from his own popup.
    await seedTeam(popup, [logs.olaNo, logs.olaSaleAnonymised, logs.olaWeekSale]);
    await openPart(popup, 'team-export');
    await choosePeriod(popup, 'This week');
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 3 ·/);
    const exported = await downloadOf(popup, () => popup.getByRole('button', { name: 'Download JSON' }).click());
    const file = testInfo.outputPath('ola-samtaler.json');
    fs.writeFileSync(file, exported.bytes);

    // The team lead's machine: Kari's calls only.
    await clearStores(popup, ['callLogs']);
    await seedTeam(popup, [logs.kariSaleWinter, logs.kariNoAnswer, logs.kariSalePower]);
    expect(await logCount(popup)).toBe(3);
    await openPart(popup, 'team-merge');
    await expect(popup.getByTestId('team-merge-erasure-note')).toContainText('Merging never brings back data erased here');
    await expect(popup.getByTestId('team-merge-erasure-note')).toContainText('an erasure must be carried out on every machine');
    // No agent name yet: the merge asks for it first.
    await expect(popup.getByTestId('team-merge-need-name')).toContainText('Merges are recorded under your name.');
    await popup.getByRole('button', { name: 'Set my name' }).click();
    await popup.getByLabel('Your name').fill('Teamleder Tone');
    await popup.getByRole('button', { name: /save name/i }).click();
    const input = popup.getByLabel('Files to merge (.json)');

    await input.setInputFiles(file);
    await expect(popup.getByTestId('team-merge-file')).toHaveText('“ola-samtaler.json”: added 3, already here 0, conflicts 0.');
    expect(await logCount(popup)).toBe(6);
    await choosePeriod(popup, 'This week');
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Calls: 6 · Sales: 4 ·/);
    expect(await row(popup.getByTestId('team-by-agent'), OLA)).toEqual({ calls: '3', sales: '2', amount: 'NOK 1,500', outcomes: 'Not interested 1' });

    await input.setInputFiles(file);
    await expect(popup.getByTestId('team-merge-file')).toHaveText('“ola-samtaler.json”: added 0, already here 3, conflicts 0.');
    expect(await logCount(popup)).toBe(6);
    const stored = await allRows<SeedLog>(popup, 'callLogs');
    expect(stored.find((l) => l.id === logs.olaSaleAnonymised.id)).toEqual(logs.olaSaleAnonymised);
  });

  test('conflicts and campaigns unknown here are listed by id; an agent\'s later correction replaces the record here', async ({ openExtensionPage }, testInfo) => {
    const popup = await openPopup(openExtensionPage);
    const { logs } = scenario();
    await seedTeam(popup, [logs.kariSaleWinter]);
    await setAgentNameRaw(popup, 'Teamleder Tone');
    await popup.reload();
    // The same record with another note and no newer time: not a correction, the record here stays.
    const changed = { ...logs.kariSaleWinter, note: 'Annen tekst' };
    const foreign = callLog({ id: 'log-foreign', agent: OLA, campaignId: 'camp-elsewhere', clientId: 'client-elsewhere', outcomeKind: 'no-answer', at: Date.now() });
    const file = writeLogExport(testInfo.outputPath('ola.json'), [changed, foreign]);
    await openPart(popup, 'team-merge');
    await popup.getByLabel('Files to merge (.json)').setInputFiles(file);
    const result = popup.getByTestId('team-merge-file');
    await expect(result).toContainText('“ola.json”: added 1, already here 0, conflicts 1.');
    await expect(result).toContainText('log-kari-1 differs in note: the record here was kept');
    await expect(result).toContainText('Campaigns not set up here (their retention period applies once they are): camp-elsewhere');
    expect((await allRows<SeedLog>(popup, 'callLogs')).find((l) => l.id === 'log-kari-1')!.note).toBe(logs.kariSaleWinter.note);

    // Kari corrected the sale within her five minutes, after the lead had merged it: the correction is what happened.
    const corrected = { ...logs.kariSaleWinter, note: 'Feil knapp, ikke salg', updatedAt: logs.kariSaleWinter.createdAt + 2 * 60_000 };
    await popup.getByLabel('Files to merge (.json)').setInputFiles(writeLogExport(testInfo.outputPath('kari.json'), [corrected]));
    await expect(result).toContainText('log-kari-1 differs in note, updatedAt: the agent\'s later correction from the file replaced the one here');
    expect((await allRows<SeedLog>(popup, 'callLogs')).find((l) => l.id === 'log-kari-1')!.note).toBe('Feil knapp, ikke salg');
  });

  test('a file that is not a Kontaktvern export, not JSON, from a newer version, or with a bad record: a clear message and nothing changed', async ({
    openExtensionPage,
  }, testInfo) => {
    const popup = await openPopup(openExtensionPage);
    const { logs } = scenario();
    await seedTeam(popup, [logs.kariSaleWinter, logs.kariNoAnswer]);
    await setAgentNameRaw(popup, 'Teamleder Tone');
    await popup.reload();
    await openPart(popup, 'team-merge');
    const input = popup.getByLabel('Files to merge (.json)');
    const problems = popup.getByTestId('team-merge-problems');
    const before = await allRows(popup, 'callLogs');
    const auditBefore = (await allRows(popup, 'audit')).length;

    const fresh = callLog({ id: 'log-new', agent: OLA, campaignId: 'camp-power', outcomeKind: 'no-answer', at: Date.now() });
    const files = {
      other: testInfo.outputPath('kontakter.json'),
      text: testInfo.outputPath('samtaler.csv'),
      newer: testInfo.outputPath('ny-versjon.json'),
      bad: testInfo.outputPath('feil.json'),
      good: writeLogExport(testInfo.outputPath('god.json'), [fresh]),
    };
    fs.writeFileSync(files.other, JSON.stringify({ contacts: [{ name: 'Per', phone: '+4741234567' }] }));
    fs.writeFileSync(files.text, '\uFEFFTidspunkt;Selger\r\n28.11.2026 14:03;Kari\r\n');
    writeLogExport(files.newer, [fresh], { version: 2 });
    writeLogExport(files.bad, [fresh, { ...fresh, id: 'log-bad', amountOre: -500 }]);

    const cases: [string, string][] = [
      [files.other, '“kontakter.json” is not a Kontaktvern call-log export.'],
      [files.text, '“samtaler.csv” is not a JSON file.'],
      [files.newer, '“ny-versjon.json” was exported by a newer Kontaktvern (file version 2). Update Kontaktvern, then merge it.'],
      [files.bad, '“feil.json”: record logs[1].amountOre is not a valid call log.'],
    ];
    for (const [file, message] of cases) {
      await input.setInputFiles(file);
      await expect(problems).toContainText('Nothing was merged.');
      await expect(problems.locator('li')).toHaveText([message]);
      expect(await allRows(popup, 'callLogs')).toEqual(before);
    }
    // A good file chosen with a bad one: nothing is merged either.
    await input.setInputFiles([files.good, files.newer]);
    await expect(problems.locator('li')).toHaveText(['“ny-versjon.json” was exported by a newer Kontaktvern (file version 2). Update Kontaktvern, then merge it.']);
    expect(await allRows(popup, 'callLogs')).toEqual(before);
    expect((await allRows(popup, 'audit')).length).toBe(auditBefore);
    // The good file alone merges.
    await input.setInputFiles(files.good);
    await expect(popup.getByTestId('team-merge-file')).toHaveText('“god.json”: added 1, already here 0, conflicts 0.');
    expect(await logCount(popup)).toBe(before.length + 1);
  });
});

test.describe('the team lead\'s popup in Norwegian', () => {
  test.use({ uiLocale: 'nb' });

  test('amounts as kr 12 345, Norwegian words, open-in-tab link, width within a popup', async ({ openExtensionPage }) => {
    const popup = await openPopup(openExtensionPage);
    await seedTeam(popup, scenario().all);
    await expect(popup.getByRole('heading', { name: 'Teamresultater' })).toBeVisible();
    await expect(popup.getByTestId('team-summary')).toHaveText(/^Samtaler: 5 · Salg: 3 · Beløp: kr\s12\s845$/);
    expect(await row(popup.getByTestId('team-by-agent'), KARI)).toEqual({ calls: '3', sales: '2', amount: 'kr 12 345', outcomes: 'Ikke svar 1' });
    await expect(popup.getByTestId('team-caption')).toHaveText(/^Samtaler \d\d\.\d\d\.\d{4}$/);
    await popup.getByRole('radio', { name: 'Datoer' }).check();
    await popup.getByLabel('Fra', { exact: true }).fill('2020-01-01');
    await popup.getByLabel('Til', { exact: true }).fill('2020-01-31');
    await expect(popup.getByTestId('team-no-calls')).toHaveText('Ingen samtaler i denne perioden.');
    const link = popup.getByTestId('team-open-in-tab').first();
    await expect(link).toHaveText('Åpne i en fane');
    expect(await link.getAttribute('href')).toMatch(/^chrome-extension:\/\/[a-p]{32}\/popup\.html\?view=tab/);
    expect(await popup.locator('main.popup').evaluate((m) => m.getBoundingClientRect().width)).toBeLessThanOrEqual(420);
  });
});
