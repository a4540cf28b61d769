/**
 * Issue 4: Reservasjonsregisteret at national scale, through the block-list
 * page. Register files are generated into each test's output dir.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { setAgentName } from './kontaktvern-helpers';
import {
  REGISTER_PAGE as N,
  blockOnPage,
  chooseRegisterFile,
  enDate,
  expectBlocked,
  importAnother,
  importRegisterFile,
  osloDaysAgo,
  progressSeen,
  recordProgress,
  startRegisterImport,
  stopServiceWorkers,
  writeBigRegisterFile,
  writeGarbageFile,
  writeRegisterFile,
  waitForRegisterPage,
} from './register-helpers';

/** What the background answers an extension page about the register (an empty lookup). */
async function registerStateFrom(page: Page): Promise<{ snapshotDate: string | null; state: string; markUnverified: boolean }> {
  return page.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ register: never }> } } }).chrome;
    return (await chrome.runtime.sendMessage({ type: 'page:lookup', payload: { numbers: [] } })).register;
  });
}

/** Blocked or not, per number, as the background answers an extension page. */
async function lookupFrom(page: Page, numbers: string[]): Promise<boolean[]> {
  return page.evaluate(async (list) => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ statuses: { blocked: boolean }[] }> } } }).chrome;
    return (await chrome.runtime.sendMessage({ type: 'page:lookup', payload: { numbers: list } })).statuses.map((s) => s.blocked);
  }, numbers);
}

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
}

/** Waits until the running register import has read some lines (it is mid-way). */
async function waitMidway(admin: Page): Promise<void> {
  await expect(admin.getByTestId('register-progress-text')).toHaveText(/[1-9][\d,]* lines read/, { timeout: 20_000 });
}

test.describe('register import', () => {
  test('a 200,000-line register through the page: progress, report, snapshot date, marks turn red at once; a second import replaces the first, opt-outs stay', async ({
    page,
    server,
    openExtensionPage,
  }, testInfo) => {
    test.setTimeout(120_000);
    const dateA = osloDaysAgo(2);
    const today = osloDaysAgo(0);
    const fileA = writeRegisterFile(testInfo.outputPath('reservasjon-a.csv'), { fillers: 199_988, extra: [N.both.nsn, N.dropped.nsn], rejectEvery: 20_000 });
    const fileB = writeRegisterFile(testInfo.outputPath('reservasjon-b.csv'), { fillers: 199_988, extra: [N.both.nsn, N.added.nsn], crlf: true });
    expect(fileA.lines).toBe(200_000);

    await page.goto(server.url('register.html'));
    await waitForRegisterPage(page);
    const admin = await setAgentName(openExtensionPage);
    await expect(admin.getByTestId('register-freshness')).toHaveAttribute('data-state', 'missing');
    await expect(admin.getByTestId('register-freshness')).toHaveAttribute('role', 'alert');
    await blockOnPage(admin, [N.optOut.spelling]);
    await expectBlocked(page, [N.optOut.text]);

    // Preview: semicolon CSV with a header, the Telefon column detected and pre-selected.
    await chooseRegisterFile(admin, fileA.path);
    await expect(admin.getByTestId('register-detected')).toContainText('semicolon');
    await expect(admin.getByLabel('Column with the phone numbers')).toHaveValue('1');
    await expect(admin.getByLabel('Column with the phone numbers').locator('option:checked')).toHaveText(/Telefon — detected/);
    await expect(admin.getByLabel('The first line is a header')).toBeChecked();
    await expect(admin.getByTestId('register-preview').locator('td.chosen').first()).toBeVisible();
    await recordProgress(admin);
    const t0 = Date.now();
    await startRegisterImport(admin, dateA);
    const result = admin.getByTestId('register-result');
    await expect(result).toHaveAttribute('data-outcome', 'ok', { timeout: 60_000 });
    const importMs = Date.now() - t0;
    const seen = await progressSeen(admin);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((s) => /lines read|saving/.test(s.text))).toBe(true);
    const timing = `${importMs} ms from Start to result; ${await result.locator('p').nth(1).textContent()}`;
    testInfo.annotations.push({ type: 'import of 200,000 lines', description: timing });
    console.log(`import of 200,000 lines: ${timing}`);

    await expect(admin.getByTestId('register-imported-date')).toContainText(`the register snapshot of ${enDate(dateA)} is now in force`);
    await expect(result).toContainText('Lines read: 199,999 · numbers accepted: 199,990 · repeated numbers: 0 · lines rejected: 9');
    const report = admin.getByTestId('register-report');
    await expect(report).toContainText('9 lines were rejected');
    await expect(report.locator('li').first()).toHaveText(`Line ${fileA.rejectedLines[0]}: “120000;ring ikke før kl. 10;0150” — text, not a phone number`);
    const reportCsv = await readDownload(admin, () => report.getByRole('button', { name: 'Download report (CSV)' }).click());
    expect(reportCsv.name).toMatch(/^kontaktvern-import-report-reservasjon-a-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(reportCsv.text.startsWith('\uFEFFLine;Text;Reason\r\n')).toBe(true);
    expect(reportCsv.text.trim().split('\r\n')).toHaveLength(10);

    // The open page switches to the new snapshot without a reload.
    await expectBlocked(page, [N.both.text, N.dropped.text, N.optOut.text]);
    await expect(admin.getByTestId('register-freshness')).toContainText(`snapshot ${enDate(dateA)}`);
    await expect(admin.getByTestId('register-in-force')).toContainText(`${enDate(dateA)} (reservasjon-a.csv, 199,990 numbers), imported by Kari Tester`);

    // Second delivery: a number dropped, one added, the opt-out untouched.
    await importAnother(admin);
    const second = await importRegisterFile(admin, fileB.path, today);
    await expect(second).toHaveAttribute('data-outcome', 'ok');
    await expect(second).toContainText(`the register snapshot of ${enDate(today)} is now in force`);
    await expectBlocked(page, [N.both.text, N.added.text, N.optOut.text]);
    await expect(admin.getByTestId('register-freshness')).toHaveAttribute('data-state', 'fresh');
    await expect(admin.getByTestId('register-freshness')).toHaveAttribute('role', 'status');
    await expect(admin.getByTestId('register-freshness')).toContainText(`snapshot ${enDate(today)}, from today`);

    // Search in any spelling: the register hit and its snapshot.
    const search = admin.getByLabel('Find a number (any spelling)');
    await search.fill('+47 22 12 34 56');
    await expect(admin.getByTestId('register-hit')).toContainText(`In Reservasjonsregisteret: snapshot ${enDate(today)} (reservasjon-b.csv, imported by Kari Tester`);
    await search.fill('0047 98765432');
    await expect(admin.getByText('987 65 432 is not blocked.')).toBeVisible();
    await expect(admin.getByTestId('register-hit')).toHaveCount(0);

    // Exports: the register (chunked) and the audit trail, spreadsheet-safe.
    await admin.getByLabel('Which entries').selectOption('register');
    const exported = await readDownload(admin, () => admin.getByRole('button', { name: 'Export the block list (CSV)' }).click());
    expect(exported.name).toBe(`kontaktvern-blocklist-register-${today}.csv`);
    const rows = exported.text.split('\r\n');
    expect(rows[0]).toBe('\uFEFFNumber;Source;Applies to;Reason;Added by;Since');
    expect(rows).toHaveLength(199_990 + 2);
    expect(rows).toContain(`'+4722123456;Reservasjonsregisteret (national register);All clients;;Kari Tester;${today}`);
    await expect(admin.getByTestId('export-message')).toHaveText('Exported 199,990 rows.');
    const audit = await readDownload(admin, () => admin.getByRole('button', { name: 'Export the audit trail (CSV)' }).click());
    expect(audit.name).toBe(`kontaktvern-audit-${today}.csv`);
    const auditRows = audit.text.split('\r\n');
    expect(auditRows[0]).toBe('\uFEFFWhen;Who;What;Reason;Number;Source;Applies to;Detail');
    expect(auditRows.filter((r) => r.includes(';Imported;Register snapshot'))).toHaveLength(2);
    expect(auditRows.some((r) => r.includes(";Blocked;Kunden ba om ikke å bli ringt;'+4790011223;Customer asked not to be called;All clients;"))).toBe(true);
  });

  /** A small first delivery (the snapshot that must stay in force), imported through the page. */
  async function firstDelivery(admin: Page, path: string, date: string): Promise<void> {
    writeRegisterFile(path, { fillers: 1_000, extra: [N.both.nsn, N.dropped.nsn] });
    const result = await importRegisterFile(admin, path, date);
    await expect(result).toHaveAttribute('data-outcome', 'ok');
    await importAnother(admin);
  }

  test('cancelling mid-way leaves the previous snapshot in force', async ({ page, server, openExtensionPage }, testInfo) => {
    test.setTimeout(90_000);
    const dateA = osloDaysAgo(1);
    await page.goto(server.url('register.html'));
    await waitForRegisterPage(page);
    const admin = await setAgentName(openExtensionPage);
    await firstDelivery(admin, testInfo.outputPath('first.csv'), dateA);
    await expectBlocked(page, [N.both.text, N.dropped.text]);

    const big = writeBigRegisterFile(testInfo.outputPath('big.txt'), 1_500_000, [N.added.nsn], 4);
    await chooseRegisterFile(admin, big);
    await startRegisterImport(admin, osloDaysAgo(0));
    await waitMidway(admin);
    await admin.getByRole('button', { name: 'Cancel import' }).click();
    const result = admin.getByTestId('register-result');
    await expect(result).toHaveAttribute('data-outcome', 'cancelled', { timeout: 20_000 });
    await expect(result).toHaveText(`The import was cancelled. The previous snapshot (${enDate(dateA)}) is still in force.`);
    await expect(admin.getByTestId('register-in-force')).toContainText(`${enDate(dateA)} (first.csv, 1,002 numbers)`);
    expect((await registerStateFrom(admin)).snapshotDate).toBe(dateA);
    expect(await lookupFrom(admin, ['+4798765432', '+4722123456'])).toEqual([true, false]);
    await expectBlocked(page, [N.both.text, N.dropped.text]);
  });

  test('stopping the service worker mid-way: lookups come from the previous snapshot until the import completes, then switch at once', async ({
    context,
    page,
    server,
    openExtensionPage,
  }, testInfo) => {
    test.setTimeout(90_000);
    const dateA = osloDaysAgo(1);
    const today = osloDaysAgo(0);
    await page.goto(server.url('register.html'));
    await waitForRegisterPage(page);
    const admin = await setAgentName(openExtensionPage);
    await firstDelivery(admin, testInfo.outputPath('first.csv'), dateA);
    await expectBlocked(page, [N.both.text, N.dropped.text]);

    // 1,000,000 numbers written three times: the import reads 3 million lines, then (mostly
    // repeats) waits for a confirmation before it commits: two moments to stop the background.
    const big = writeBigRegisterFile(testInfo.outputPath('big.txt'), 1_000_000, [N.both.nsn, N.added.nsn], 3);
    await chooseRegisterFile(admin, big);
    await startRegisterImport(admin, today);
    await waitMidway(admin);
    await stopServiceWorkers(context, admin);
    // A restarted background answers from the snapshot in force, never from the half-imported one.
    expect((await registerStateFrom(admin)).snapshotDate).toBe(dateA);
    expect(await lookupFrom(admin, ['+4798765432', '+4722123456'])).toEqual([true, false]);

    const confirm = admin.getByRole('alertdialog');
    await expect(confirm).toContainText('It has 3,000,002 lines but only 1,000,002 different numbers (2,000,000 repeats)', { timeout: 30_000 });
    await stopServiceWorkers(context, admin);
    expect((await registerStateFrom(admin)).snapshotDate).toBe(dateA);
    expect(await lookupFrom(admin, ['+4798765432', '+4722123456'])).toEqual([true, false]);
    await expectBlocked(page, [N.both.text, N.dropped.text]);

    await confirm.getByRole('button', { name: 'Replace anyway' }).click();
    const result = admin.getByTestId('register-result');
    await expect(result).toHaveAttribute('data-outcome', 'ok', { timeout: 30_000 });
    await expect(result).toContainText('numbers accepted: 1,000,002 · repeated numbers: 2,000,000');
    await expectBlocked(page, [N.both.text, N.added.text]);
    expect((await registerStateFrom(admin)).snapshotDate).toBe(today);
    expect(await lookupFrom(admin, ['+4798765432', '+4722123456'])).toEqual([false, true]);
  });

  test('closing the page mid-way: the import is interrupted, the previous snapshot stays, and the page says so next time', async ({
    page,
    server,
    openExtensionPage,
  }, testInfo) => {
    test.setTimeout(90_000);
    const dateA = osloDaysAgo(1);
    await page.goto(server.url('register.html'));
    await waitForRegisterPage(page);
    const admin = await setAgentName(openExtensionPage);
    await firstDelivery(admin, testInfo.outputPath('first.csv'), dateA);

    const big = writeBigRegisterFile(testInfo.outputPath('big.txt'), 1_500_000, [], 4);
    await chooseRegisterFile(admin, big);
    await startRegisterImport(admin, osloDaysAgo(0));
    await waitMidway(admin);
    await admin.close({ runBeforeUnload: false });

    const again = await openExtensionPage('blocklist.html');
    const notice = again.getByTestId('interrupted-imports');
    await expect(notice).toContainText('The import of big.txt started');
    await expect(notice).toContainText(`was interrupted. The previous snapshot (${enDate(dateA)}) is still in force.`);
    await expect(again.getByTestId('register-in-force')).toContainText(`${enDate(dateA)} (first.csv, 1,002 numbers)`);
    expect((await registerStateFrom(again)).snapshotDate).toBe(dateA);
    await expectBlocked(page, [N.both.text, N.dropped.text]);
    // Said once: the interrupted import is recorded as failed, not reported again.
    await again.reload();
    await expect(again.getByTestId('register-in-force')).toBeVisible();
    await expect(again.getByTestId('interrupted-imports')).toHaveCount(0);
  });

  test('bad input gets a clear message and the previous state survives: empty, binary, 100 MB of garbage, only invalid lines, a million duplicates', async ({
    page,
    server,
    openExtensionPage,
  }, testInfo) => {
    test.setTimeout(150_000);
    const dateA = osloDaysAgo(1);
    await page.goto(server.url('register.html'));
    await waitForRegisterPage(page);
    const admin = await setAgentName(openExtensionPage);
    await firstDelivery(admin, testInfo.outputPath('first.csv'), dateA);
    await expectBlocked(page, [N.both.text, N.dropped.text]);
    const inForce = `The previous snapshot (${enDate(dateA)}) is still in force.`;
    const result = admin.getByTestId('register-result');

    const expectUnchanged = async () => {
      await expect(admin.getByTestId('register-in-force')).toContainText(`${enDate(dateA)} (first.csv, 1,002 numbers)`);
      expect((await registerStateFrom(admin)).snapshotDate).toBe(dateA);
      await expectBlocked(page, [N.both.text, N.dropped.text]);
    };

    // Empty: refused before anything starts.
    const empty = testInfo.outputPath('empty.csv');
    fs.writeFileSync(empty, '');
    await chooseRegisterFile(admin, empty);
    await expect(result).toHaveText(`empty.csv is empty: there is nothing to import. ${inForce}`);
    await expectUnchanged();

    // Binary: a workbook saved as .xlsx (zip), and arbitrary bytes.
    const xlsx = testInfo.outputPath('register.xlsx');
    fs.writeFileSync(xlsx, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]));
    await chooseRegisterFile(admin, xlsx);
    await expect(result).toHaveText(`register.xlsx is a spreadsheet workbook: save it as CSV or text and import that. ${inForce}`);
    const bin = testInfo.outputPath('register.bin');
    fs.writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    await chooseRegisterFile(admin, bin);
    await expect(result).toHaveText(`register.bin is not a text file. ${inForce}`);
    await expectUnchanged();

    // 100 MB of text garbage: read through to the end, nothing accepted.
    const garbage = writeGarbageFile(testInfo.outputPath('garbage.txt'), 100 * 1024 * 1024);
    const t0 = Date.now();
    await chooseRegisterFile(admin, garbage);
    await startRegisterImport(admin, osloDaysAgo(0));
    await expect(result).toHaveAttribute('data-outcome', 'no-valid-numbers', { timeout: 90_000 });
    console.log(`100 MB garbage: ${Date.now() - t0} ms to the result`);
    await expect(result).toContainText(/^garbage\.txt holds no valid Norwegian phone number \([\d,]+ lines rejected\)\. /);
    await expect(result).toContainText(inForce);
    await expect(admin.getByTestId('register-report')).toContainText('text, not a phone number');
    await expectUnchanged();
    await importAnother(admin);

    // Only invalid lines.
    const invalid = testInfo.outputPath('invalid.csv');
    fs.writeFileSync(invalid, 'Telefon\n12345678\n+46 70 123 45 67\n=cmd|' + "' /C calc'!A0" + '\n4123456\nring meg\n');
    const invalidResult = await importRegisterFile(admin, invalid, osloDaysAgo(0));
    await expect(invalidResult).toHaveAttribute('data-outcome', 'no-valid-numbers');
    await expect(invalidResult).toContainText(`invalid.csv holds no valid Norwegian phone number (5 lines rejected). ${inForce}`);
    const items = admin.getByTestId('register-report').locator('li');
    await expect(items).toHaveText([
      'Line 2: “12345678” — not a valid Norwegian number',
      'Line 3: “+46 70 123 45 67” — not a Norwegian number',
      "Line 4: “=cmd|' /C calc'!A0” — looks like a spreadsheet formula",
      'Line 5: “4123456” — too short for a phone number',
      'Line 6: “ring meg” — text, not a phone number',
    ]);
    await expectUnchanged();
    await importAnother(admin);

    // A million duplicates of one number: asked to confirm; keeping the snapshot in force.
    const dupes = testInfo.outputPath('duplicates.txt');
    fs.writeFileSync(dupes, `${N.added.nsn}\n`.repeat(1_000_000));
    await chooseRegisterFile(admin, dupes);
    await startRegisterImport(admin, osloDaysAgo(0));
    const confirm = admin.getByRole('alertdialog');
    await expect(confirm).toContainText('It has 1,000,000 lines but only 1 different numbers (999,999 repeats)', { timeout: 30_000 });
    await expect(confirm).toContainText(`The new snapshot would hold 1 numbers; the snapshot in force (${enDate(dateA)}) holds 1,002.`);
    await confirm.getByRole('button', { name: 'Keep the snapshot in force' }).click();
    await expect(result).toHaveText(`The import was not confirmed. ${inForce}`);
    await expectUnchanged();
  });

  test('freshness everywhere an agent decides: a stale register warns on the block-list page and in the popup; the unverified setting reaches the background', async ({
    openExtensionPage,
  }, testInfo) => {
    test.setTimeout(60_000);
    const admin = await setAgentName(openExtensionPage);
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('register-freshness')).toHaveAttribute('data-state', 'missing');
    await expect(popup.getByTestId('register-freshness')).toContainText('no register imported');

    const old = osloDaysAgo(40);
    await firstDelivery(admin, testInfo.outputPath('old.csv'), old);
    const banner = admin.getByTestId('register-freshness');
    await expect(banner).toHaveAttribute('data-state', 'stale');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText(`snapshot ${enDate(old)} is 40 days old: stale (older than 30 days)`);
    await popup.reload();
    await expect(popup.getByTestId('register-freshness')).toContainText(`snapshot ${enDate(old)} is 40 days old: stale`);
    expect(await registerStateFrom(admin)).toEqual({ snapshotDate: old, state: 'stale', markUnverified: false });

    const options = await openExtensionPage('options.html');
    const toggle = options.getByRole('switch', { name: /show unlisted numbers as unverified/i });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect.poll(() => registerStateFrom(admin)).toEqual({ snapshotDate: old, state: 'stale', markUnverified: true });
    await expect(banner).toContainText('Numbers on no list are shown as unverified (amber).');
    await expect(admin.locator('#audit-title + table')).toContainText('Unlisted numbers are shown as unverified while the register is stale or missing');
  });
});

test.describe('register import in Norwegian', () => {
  test.use({ uiLocale: 'nb' });

  test('the report and the freshness speak Norwegian Bokmål, with Norwegian dates', async ({ openExtensionPage }, testInfo) => {
    const admin = await openExtensionPage('blocklist.html');
    await admin.getByLabel('Navnet ditt').fill('Kari Tester');
    await admin.getByRole('button', { name: 'Lagre navn' }).click();
    const today = osloDaysAgo(0);
    const [y, m, d] = today.split('-');
    const file = testInfo.outputPath('reservasjon.csv');
    fs.writeFileSync(file, 'Telefon\n412 34 567\n+46 70 123 45 67\nring meg\n=1+1\n');
    await admin.getByLabel('Registerfil').setInputFiles(file);
    await expect(admin.getByTestId('register-detected')).toContainText('Funnet: UTF-8');
    await admin.getByRole('button', { name: 'Importer og erstatt registeret' }).click();
    const result = admin.getByTestId('register-result');
    await expect(result).toContainText(`reservasjon.csv er importert: registerutdraget ${d}.${m}.${y} gjelder nå.`);
    await expect(admin.getByTestId('register-report').locator('li')).toHaveText([
      'Linje 3: «+46 70 123 45 67» — ikke et norsk nummer',
      'Linje 4: «ring meg» — tekst, ikke et telefonnummer',
      'Linje 5: «=1+1» — ser ut som en regnearkformel',
    ]);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Last ned rapporten (CSV)' }).click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')).toEqual(['\uFEFFLinje;Tekst;Årsak', "3;'+46 70 123 45 67;ikke et norsk nummer", '4;ring meg;"tekst, ikke et telefonnummer"', "5;'=1+1;ser ut som en regnearkformel", '']);
    await expect(admin.getByTestId('register-freshness')).toContainText(`utdrag ${d}.${m}.${y}, fra i dag`);
  });
});
