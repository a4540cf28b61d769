/**
 * Issue 5 (set-up): clients with their data processing agreements, campaigns
 * with outcomes and field catalogues, and the set-up file, all through the
 * options page. Screenshots (English and Norwegian) go to $KV_SCREENS_DIR
 * (default /tmp/kv-screens).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { setAgentName } from './kontaktvern-helpers';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const DEMO = path.join(FIXTURES, 'setup-demo.json');
const BROKEN = path.join(FIXTURES, 'setup-broken.json');
const SHOTS = process.env.KV_SCREENS_DIR ?? '/tmp/kv-screens';

type Stored = { clients: { id: string; name: string }[]; campaigns: { id: string; name: string; fields: { label: string }[] }[] };

/** Clients and campaigns as stored in the extension's IndexedDB, sorted by id (read from an extension page). */
async function storedSetup(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((resolve, reject) => {
        const open = indexedDB.open('kontaktvern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['clients', 'campaigns'], 'readonly');
          const clients = tx.objectStore('clients').getAll();
          const campaigns = tx.objectStore('campaigns').getAll();
          tx.oncomplete = () => {
            const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
            resolve({ clients: clients.result.sort(byId), campaigns: campaigns.result.sort(byId) });
            db.close();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function openOptions(openExtensionPage: (p: string) => Promise<Page>): Promise<Page> {
  await (await setAgentName(openExtensionPage)).close();
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Clients and data processing agreements' })).toBeVisible();
  return options;
}

function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import a set-up file').setInputFiles(file);
}

async function importDemo(page: Page): Promise<void> {
  await importFile(page, DEMO);
  await expect(page.getByTestId('setup-import-confirm')).toContainText('setup-demo.json is valid: 2 client(s) and 3 campaign(s)');
  await page.getByRole('button', { name: 'Replace set-up with this file' }).click();
  await expect(page.getByTestId('setup-import-summary')).toBeVisible();
}

test.describe('set-up on the options page', () => {
  test('creates a client, a campaign and a field through the forms, refusing bad input next to each field', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    const clients = region(options, 'Clients and data processing agreements');
    await expect(clients).toContainText('No clients yet');

    // Client: bad input first.
    await clients.getByRole('button', { name: 'Add client' }).click();
    const clientForm = options.getByRole('form', { name: 'New client' });
    await clientForm.getByLabel(/^Client name/).fill('Fjordnett AS');
    await clientForm.getByLabel(/^Organisation number/).fill('123');
    await clientForm.getByRole('button', { name: 'Add client' }).click();
    await expect(clientForm.getByLabel(/^Organisation number/)).toHaveAttribute('aria-invalid', 'true');
    await expect(clientForm).toContainText('Not a valid organisation number: 9 digits with a correct check digit.');
    await expect(clientForm.getByLabel(/^Agreement reference/)).toHaveAttribute('aria-invalid', 'true');
    await expect(clientForm.getByLabel(/^Signed on/)).toHaveAccessibleDescription('Required: must not be empty.');
    await expect(clientForm.getByRole('alert')).toContainText('Nothing was saved');
    expect((await storedSetup(options)).clients).toEqual([]);
    // A wrong check digit is refused too.
    await clientForm.getByLabel(/^Organisation number/).fill('974 760 674');
    await clientForm.getByLabel(/^Agreement reference/).fill('DBA-7');
    await clientForm.getByLabel(/^Signed on/).fill('2026-03-01');
    await clientForm.getByLabel(/^When the data is deleted/).fill('30 days after the assignment ends');
    await clientForm.getByRole('button', { name: 'Add client' }).click();
    await expect(clientForm.getByLabel(/^Organisation number/)).toHaveAccessibleDescription('Not a valid organisation number: 9 digits with a correct check digit.');
    expect((await storedSetup(options)).clients).toEqual([]);
    // Fixed: spaces are fine.
    await clientForm.getByLabel(/^Organisation number/).fill('974 760 673');
    await clientForm.getByRole('button', { name: 'Add client' }).click();
    await expect(clientForm).toBeHidden();
    const clientRow = clients.getByTestId('client-row').filter({ hasText: 'Fjordnett AS' });
    await expect(clientRow).toContainText('Org. no. 974 760 673');
    await expect(clientRow).toContainText('Agreement DBA-7, signed 01/03/2026 · deleted by the call centre (us): 30 days after the assignment ends');
    await expect(clientRow.getByTestId('no-agreement')).toHaveCount(0);

    // Campaign: bad input first.
    const campaigns = region(options, 'Campaigns');
    await campaigns.getByRole('button', { name: 'Add campaign for Fjordnett AS' }).click();
    const campaignForm = options.getByRole('form', { name: 'New campaign' });
    await expect(campaignForm.getByTestId('campaign-type-help')).toContainText('Reservasjonsregisteret and the block list apply');
    await campaignForm.getByLabel(/^Type/).selectOption({ label: 'Business to business' });
    await expect(campaignForm.getByTestId('campaign-type-help')).toHaveText('Calls to businesses are outside Reservasjonsregisteret; direct opt-outs on the block list still apply.');
    await campaignForm.getByLabel(/^Keep call logs for/).fill('0');
    await campaignForm.getByLabel('CRM sites').fill('https://CRM.Fjordnett.no/app\nnot a host');
    await campaignForm.getByRole('button', { name: 'Add custom outcome' }).click();
    await campaignForm.getByRole('button', { name: 'Add campaign' }).click();
    await expect(campaignForm.getByLabel(/^Campaign name/)).toHaveAccessibleDescription('Required: must not be empty.');
    await expect(campaignForm.getByLabel(/^Keep call logs for/)).toHaveAccessibleDescription(/Must be between 1 and 3650\./);
    await expect(campaignForm).toContainText('“not a host”: Not a host name');
    await expect(campaignForm.getByLabel('Name of custom outcome 7')).toHaveAccessibleDescription('Required: must not be empty.');
    expect((await storedSetup(options)).campaigns).toEqual([]);
    // Fixed.
    await campaignForm.getByLabel(/^Campaign name/).fill('Vinterkampanje');
    await campaignForm.getByLabel(/^Keep call logs for/).fill('120');
    await campaignForm.getByLabel('CRM sites').fill('https://CRM.Fjordnett.no/app');
    await campaignForm.getByLabel('Name of custom outcome 7').fill('Tilbud sendt');
    await campaignForm.getByRole('button', { name: 'Remove Wrong number' }).click();
    await campaignForm.getByRole('radio', { name: 'all clients' }).check();
    await campaignForm.getByRole('button', { name: 'Add campaign' }).click();
    await expect(campaignForm).toBeHidden();
    const campaignRow = campaigns.getByTestId('campaign-row').filter({ hasText: 'Vinterkampanje' });
    await expect(campaignRow).toContainText('Business to business');
    await expect(campaignRow).toContainText('120 days');
    await expect(campaignRow).toContainText('crm.fjordnett.no');
    await expect(campaignRow).toContainText('Sale · Not interested · No answer · Call back · Do not call · Tilbud sendt');
    await expect(campaignRow).toContainText('all clients');

    // Field catalogue: bad input first (empty purpose, a selector the browser cannot parse).
    await campaignRow.getByRole('button', { name: 'Field catalogue of Vinterkampanje' }).click();
    await expect(campaignRow).toContainText('No fields documented yet');
    await campaignRow.getByRole('button', { name: 'Add field' }).click();
    const fieldForm = options.getByRole('form', { name: 'New field' });
    await fieldForm.getByLabel(/^Field label/).fill('Mobil');
    await fieldForm.getByLabel(/^CSS selector/).fill('#card-mobile:no-such-pseudo');
    await fieldForm.getByRole('button', { name: 'Add field' }).click();
    await expect(fieldForm.getByLabel(/^Purpose/)).toHaveAccessibleDescription(/Required: must not be empty\./);
    await expect(fieldForm.getByLabel(/^CSS selector/)).toHaveAccessibleDescription(/Not a valid CSS selector/);
    await expect(fieldForm.getByLabel(/^Kept for/)).toHaveAttribute('aria-invalid', 'true');
    // No legal basis or category is chosen for the user.
    await expect(fieldForm.getByLabel('Legal basis')).toHaveValue('');
    await expect(fieldForm.getByLabel('Legal basis')).toHaveAccessibleDescription(/Choose the legal basis/);
    await expect(fieldForm.getByLabel('Category')).toHaveAccessibleDescription(/Choose the category/);
    expect((await storedSetup(options)).campaigns[0]!.fields).toEqual([]);
    await fieldForm.getByLabel(/^CSS selector/).fill('#card-mobile');
    await fieldForm.getByLabel(/^Purpose/).fill('Ringe kunden om tilbudet');
    await fieldForm.getByLabel('Legal basis').selectOption({ label: 'Legitimate interests (Art. 6(1)(f))' });
    await fieldForm.getByLabel('Category').selectOption({ label: 'Contact details' });
    await fieldForm.getByLabel(/^Kept for/).fill('12 months');
    await fieldForm.getByRole('button', { name: 'Add field' }).click();
    await expect(fieldForm).toBeHidden();
    const fieldRow = campaignRow.getByTestId('field-row');
    await expect(fieldRow).toHaveCount(1);
    await expect(fieldRow).toContainText('Mobil');
    await expect(fieldRow).toContainText('#card-mobile');
    await expect(fieldRow).toContainText('Legitimate interests (Art. 6(1)(f))');
    await expect(fieldRow).toContainText('Contact details');
    // The same label twice is refused.
    await campaignRow.getByRole('button', { name: 'Add field' }).click();
    await fieldForm.getByLabel(/^Field label/).fill(' mobil ');
    await fieldForm.getByLabel(/^Purpose/).fill('x');
    await fieldForm.getByLabel(/^Kept for/).fill('x');
    await fieldForm.getByRole('button', { name: 'Add field' }).click();
    await expect(fieldForm.getByLabel(/^Field label/)).toHaveAccessibleDescription(/The same name is used twice\./);
    await fieldForm.getByRole('button', { name: 'Cancel' }).click();

    const stored = await storedSetup(options);
    expect(stored.clients.map((c) => c.name)).toEqual(['Fjordnett AS']);
    expect(stored.campaigns.map((c) => [c.name, c.fields.map((f) => f.label)])).toEqual([['Vinterkampanje', ['Mobil']]]);

    // A client with campaigns cannot be deleted.
    await clientRow.getByRole('button', { name: 'Delete Fjordnett AS' }).click();
    await expect(clientRow.getByRole('alert')).toContainText('This client cannot be deleted: 1 campaign(s)');
  });

  test('the processor (call centre) form refuses empty input and saves', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    const form = options.getByRole('form', { name: 'Call centre (data processor)' });
    await expect(form).toContainText('Not filled in yet');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByLabel(/^Call centre name/)).toHaveAccessibleDescription('Required: must not be empty.');
    await form.getByLabel(/^Call centre name/).fill('Ringesenteret Vest AS');
    await form.getByLabel(/^Contact for data protection questions/).fill('personvern@ringesenteret.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved.');
    await expect(form).not.toContainText('Not filled in yet');
    await options.reload();
    await expect(options.getByLabel(/^Call centre name/)).toHaveValue('Ringesenteret Vest AS');
  });

  test('importing the demo set-up shows a summary, the clients and campaigns, and the missing-agreement warning', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    await importDemo(options);
    const summary = options.getByTestId('setup-import-summary');
    await expect(summary).toContainText('Imported setup-demo.json.');
    await expect(summary).toContainText('Clients: 2 added, 0 changed, 0 unchanged, 0 removed.');
    await expect(summary).toContainText('Campaigns: 3 added, 0 changed, 0 unchanged, 0 removed.');

    const clients = region(options, 'Clients and data processing agreements');
    const vestkraft = clients.getByTestId('client-row').filter({ hasText: 'Vestkraft AS' });
    const hjelp = clients.getByTestId('client-row').filter({ hasText: 'Hjelp for Alle' });
    await expect(vestkraft).toContainText('Agreement DBA-2026-014, signed 15/01/2026');
    await expect(vestkraft.getByTestId('no-agreement')).toHaveCount(0);
    await expect(hjelp.getByTestId('no-agreement')).toContainText('No agreement on record');

    const campaigns = region(options, 'Campaigns');
    await expect(campaigns.getByTestId('campaign-row')).toHaveText([/Innsamling vinter/, /Markedsundersøkelse/, /Strøm Vest – høstkampanje/]);
    await expect(region(options, 'Hjelp for Alle').getByTestId('campaign-row').filter({ hasText: 'Innsamling vinter' }).getByTestId('no-agreement')).toBeVisible();
    await expect(region(options, 'Vestkraft AS').getByTestId('no-agreement')).toHaveCount(0);
    const strom = campaigns.getByRole('listitem', { name: 'Strøm Vest – høstkampanje', exact: true });
    await expect(strom).toContainText('Telemarketing to consumers');
    await expect(strom).toContainText('90 days');
    await expect(strom).toContainText('127.0.0.1, localhost');
    await strom.getByRole('button', { name: 'Field catalogue of Strøm Vest – høstkampanje' }).click();
    await expect(strom.getByTestId('field-row')).toHaveCount(6);
    await expect(strom.getByTestId('field-row').filter({ hasText: 'Bankinnskudd' })).toContainText('Financial');

    // Copy fields: the labels the target has are skipped.
    const research = campaigns.getByRole('listitem', { name: 'Markedsundersøkelse', exact: true });
    await research.getByRole('button', { name: 'Field catalogue of Markedsundersøkelse' }).click();
    await research.getByLabel('Copy fields from campaign …').selectOption({ label: 'Strøm Vest – høstkampanje (6 fields)' });
    await research.getByRole('button', { name: 'Copy fields' }).click();
    await expect(research.getByRole('status')).toHaveText('Copied 5 field(s); 1 skipped because a field with that label already exists.');
    await expect(research.getByTestId('field-row')).toHaveCount(6);

    // Importing the same file again: the copied fields are undone, the rest unchanged.
    await importDemo(options);
    await expect(options.getByTestId('setup-import-summary')).toContainText('Campaigns: 0 added, 1 changed, 2 unchanged, 0 removed.');
  });

  test('importing a broken file lists every problem with its path, and nothing changes', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    await importDemo(options);
    const before = await storedSetup(options);

    await importFile(options, BROKEN);
    const problems = options.getByTestId('setup-import-problems');
    await expect(problems).toContainText('setup-broken.json was not imported: 7 problem(s).');
    await expect(problems.getByRole('listitem')).toHaveText([
      'clients[0].orgNumber: Not a valid organisation number: 9 digits with a correct check digit.',
      'clients[0].agreement.signedDate: Not a real date.',
      'campaigns[1].clientId: Refers to a client that is not in the set-up.',
      'campaigns[2].logRetentionDays: Must be between 1 and 3650.',
      'campaigns[2].outcomes[0].label: Required: must not be empty.',
      'campaigns[2].sites[0]: Not a host name: write e.g. crm.example.no or *.example.no (no https://, port or path).',
      'campaigns[2].fields[0].legalBasis: Required, but missing.',
    ]);
    await expect(problems).toContainText('Nothing was changed.');
    await expect(options.getByRole('button', { name: 'Replace set-up with this file' })).toHaveCount(0);
    expect(await storedSetup(options)).toEqual(before);

    // Not JSON at all, and a file from a newer version: one clear problem each.
    const dir = test.info().outputPath();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes.json'), 'this is not json');
    await importFile(options, path.join(dir, 'notes.json'));
    await expect(problems.getByRole('listitem')).toHaveText(['(the file): The file is not valid JSON.']);
    const newer = { ...JSON.parse(fs.readFileSync(DEMO, 'utf8')), version: 2 };
    fs.writeFileSync(path.join(dir, 'newer.json'), JSON.stringify(newer));
    await importFile(options, path.join(dir, 'newer.json'));
    await expect(problems.getByRole('listitem')).toHaveText([/^version: Unsupported file version: this Kontaktvern reads version 1\./]);
    expect(await storedSetup(options)).toEqual(before);
  });

  test('export downloads a valid set-up document that matches what is stored', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    await importDemo(options);
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export set-up (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kontaktvern-setup-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    await expect(options.getByTestId('setup-export-message')).toHaveText('Exported 2 client(s) and 3 campaign(s).');
    expect(doc).toMatchObject({ format: 'kontaktvern-setup', version: 1 });
    expect(Date.parse(doc.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    const demo = JSON.parse(fs.readFileSync(DEMO, 'utf8'));
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(doc.clients)).toEqual(byId(demo.clients));
    expect(byId(doc.campaigns)).toEqual(byId(demo.campaigns));

    // The exported file imports back cleanly and changes nothing.
    const file = test.info().outputPath('exported.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    await importFile(options, file);
    await options.getByRole('button', { name: 'Replace set-up with this file' }).click();
    await expect(options.getByTestId('setup-import-summary')).toContainText('Clients: 0 added, 0 changed, 2 unchanged, 0 removed.');
  });

  test('screenshot: the set-up in English', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    await options.setViewportSize({ width: 1200, height: 900 });
    await importDemo(options);
    const campaigns = region(options, 'Campaigns');
    await campaigns.getByRole('button', { name: 'Field catalogue of Strøm Vest – høstkampanje' }).click();
    await campaigns.getByRole('button', { name: 'Edit Markedsundersøkelse' }).click();
    await region(options, 'Clients and data processing agreements').getByRole('button', { name: 'Edit Vestkraft AS' }).click();
    await options.getByRole('form', { name: 'Edit client: Vestkraft AS' }).getByLabel(/^Organisation number/).fill('123');
    await options.getByRole('form', { name: 'Edit client: Vestkraft AS' }).getByRole('button', { name: 'Save' }).click();
    fs.mkdirSync(SHOTS, { recursive: true });
    await options.screenshot({ path: path.join(SHOTS, 'options-setup-en.png'), fullPage: true });
    await importFile(options, BROKEN);
    await options.getByTestId('setup-import-problems').screenshot({ path: path.join(SHOTS, 'options-setup-problems-en.png') });
  });
});

test.describe('Norwegian', () => {
  test.use({ uiLocale: 'nb' });
  test('screenshot: the set-up in Norwegian Bokmål', async ({ openExtensionPage }) => {
    const options = await openExtensionPage('options.html');
    await options.setViewportSize({ width: 1200, height: 900 });
    await options.getByLabel('Navnet ditt').fill('Kari Tester');
    await options.getByRole('button', { name: 'Lagre navn' }).click();
    await options.getByLabel('Importer en oppsettfil').setInputFiles(DEMO);
    await expect(options.getByTestId('setup-import-confirm')).toContainText('setup-demo.json er gyldig: 2 oppdragsgiver(e) og 3 kampanje(r)');
    await options.getByRole('button', { name: 'Erstatt oppsettet med denne filen' }).click();
    await expect(options.getByTestId('setup-import-summary')).toContainText('Oppdragsgivere: 2 lagt til');
    await expect(region(options, 'Oppdragsgivere og databehandleravtaler')).toContainText('Avtale DBA-2026-014, signert 15.01.2026');
    await expect(region(options, 'Oppdragsgivere og databehandleravtaler').getByTestId('no-agreement')).toContainText('Ingen databehandleravtale registrert');
    const campaigns = region(options, 'Kampanjer');
    await campaigns.getByRole('button', { name: 'Feltkatalog for Strøm Vest – høstkampanje' }).click();
    await campaigns.getByRole('button', { name: 'Endre Markedsundersøkelse' }).click();
    fs.mkdirSync(SHOTS, { recursive: true });
    await options.screenshot({ path: path.join(SHOTS, 'options-setup-nb.png'), fullPage: true });
    await options.getByLabel('Importer en oppsettfil').setInputFiles(BROKEN);
    await expect(options.getByTestId('setup-import-problems').getByRole('listitem').first()).toHaveText(
      'clients[0].orgNumber: Ikke et gyldig organisasjonsnummer: 9 sifre med riktig kontrollsiffer.',
    );
    await options.getByTestId('setup-import-problems').screenshot({ path: path.join(SHOTS, 'options-setup-problems-nb.png') });
  });
});
