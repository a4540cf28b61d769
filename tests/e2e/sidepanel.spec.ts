import { expect, HIGHLIGHT, highlightTexts, OVERLAY_TAG, test, waitForScan } from './fixtures';
import fs from 'node:fs';
import { loadSetup, openPanel, oslo, setClock, SETUP_BROKEN, SETUP_DEMO } from './panel-helpers';
import { BTN, card, clickMark, lookup, overlayAlerts } from './card-helpers';

const CAMPAIGN = 'Strøm Vest – høstkampanje';

test.describe('side panel', () => {
  test('lists why each catalogued field on the CRM page is stored, flags undocumented personal data, and outlines a field on hover', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('fields-crm.html'));
    await waitForScan(page);
    await page.bringToFront();
    const panel = await openPanel(openExtensionPage, CAMPAIGN);
    const fields = panel.getByRole('region', { name: 'Fields on this page' });
    const bank = fields.locator('li[data-field="Bankinnskudd"]');
    await expect(bank).toContainText('Purpose');
    await expect(bank).toContainText('Legal basis');
    for (const label of ['Navn', 'Adresse', 'Tlf.', 'Mobil', 'E-post']) await expect(fields.locator(`li[data-field="${label}"]`)).toBeVisible();
    const undocumented = fields.locator('li[data-undocumented="true"]');
    await expect(undocumented.filter({ hasText: 'Fødselsdato' })).toBeVisible();
    await expect(undocumented.filter({ hasText: 'Kontonr.' })).toBeVisible();
    // Catalogued fields are not listed as undocumented; non-personal labels are not listed at all.
    await expect(undocumented.filter({ hasText: /^Navn$/ })).toHaveCount(0);
    await expect(undocumented.filter({ hasText: /^Status$/ })).toHaveCount(0);

    await expect(page.locator(`${OVERLAY_TAG}`).locator('.field-outline')).toHaveCount(0);
    await bank.hover();
    const outline = page.locator(OVERLAY_TAG).locator('.field-outline');
    await expect(outline).toHaveCount(1);
    const box = await outline.boundingBox();
    const target = await page.locator('#v-bank').boundingBox();
    expect(box && target && Math.abs(box.x - target.x) < 8 && Math.abs(box.y - target.y) < 8).toBe(true);
    await panel.getByRole('heading', { name: 'Log the call' }).hover();
    await expect(outline).toHaveCount(0);
    // The page's own DOM is untouched: its only new element is the overlay host.
    expect(await page.evaluate(() => document.querySelectorAll('[class*="kontaktvern"], [data-kontaktvern]').length)).toBe(0);
  });

  test('logs outcomes by keyboard; "do not call" blocks the number on the open page at once', async ({ page, server, openExtensionPage }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    await page.bringToFront();
    const panel = await openPanel(openExtensionPage, CAMPAIGN);

    // A sale: type the number, press 1 (sale), type the amount, Enter.
    await panel.getByLabel('Or type a number').fill('934 56 789');
    await panel.getByRole('heading', { name: 'Log the call' }).click();
    await panel.keyboard.press('1');
    await expect(panel.getByLabel('Amount (kr)')).toBeFocused();
    await panel.keyboard.type('12 345,50');
    await panel.keyboard.press('Enter');
    await expect(panel.getByTestId('log-saved')).toContainText('Saved: 934 56 789 – Sale.');
    await expect(panel.getByTestId('today-totals')).toContainText('Calls: 1 · Sales: 1 · NOK 12,345.50');

    // A bad amount is refused with a message; nothing is saved.
    await panel.getByRole('heading', { name: 'Log the call' }).click();
    await panel.keyboard.press('1');
    await panel.keyboard.type('tolv');
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('alert').filter({ hasText: 'The amount must be a number of kroner' })).toBeVisible();
    await expect(panel.getByTestId('today-totals')).toContainText('Calls: 1 ·');

    // Do not call (the 5th outcome) for the number on the page: it turns red there without a reload.
    expect(await highlightTexts(page, HIGHLIGHT.blocked)).not.toContain('412 34 567');
    await panel.getByLabel('Or type a number').fill('+47 412 34 567');
    await panel.getByRole('heading', { name: 'Log the call' }).click();
    await panel.keyboard.press('5');
    await panel.keyboard.press('Enter');
    await expect(panel.getByTestId('log-saved')).toContainText('412 34 567 is now on the block list (all clients)');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain('412 34 567');
    await expect(panel.getByTestId('today-totals')).toContainText('Calls: 2 · Sales: 1');
    await expect(panel.locator('ol.today li')).toHaveCount(2);

    // A typo fix within the 5 minutes.
    await panel.locator('ol.today li').first().getByRole('button', { name: 'Fix' }).click();
    await panel.locator('form.edit-call').getByLabel('Note (optional)').fill('Ønsket ikke flere samtaler');
    await panel.locator('form.edit-call').getByRole('button', { name: 'Save fix' }).click();
    await expect(panel.locator('ol.today li').first()).toContainText('Ønsket ikke flere samtaler');
    // Correcting "do not call" to another outcome keeps the block (removing one needs a reason) and says so.
    await panel.locator('ol.today li').first().getByRole('button', { name: 'Fix' }).click();
    await panel.locator('form.edit-call select').selectOption({ label: 'Not interested' });
    await panel.locator('form.edit-call').getByRole('button', { name: 'Save fix' }).click();
    await expect(panel.getByTestId('edit-notice')).toContainText('412 34 567 stays on the block list');
    await expect(panel.locator('ol.today li').first()).toContainText('Not interested');
    expect(await highlightTexts(page, HIGHLIGHT.blocked)).toContain('412 34 567');
  });

  test('calling-hours warnings at a faked Saturday and at 21:30, none on Tuesday 10:00; the dial guard stops calls outside hours', async ({
    page,
    server,
    background,
    openExtensionPage,
  }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    const panel = await openPanel(openExtensionPage, CAMPAIGN);
    const warning = panel.locator('[data-warning="calling-hours"]');

    await setClock(background, oslo('2026-12-01T10:00:00')); // Tuesday
    await expect(panel.locator('[data-hours="allowed"]')).toContainText('Calling allowed until 21:00');
    await expect(warning).toHaveCount(0);

    await setClock(background, oslo('2026-12-05T11:00:00')); // Saturday
    await expect(warning).toContainText('It is Saturday');
    await expect(warning).toContainText('Calls are allowed again Monday, 07/12/2026, 09:00');
    // The dial guard stops the call and says why; the card warns too.
    await page.bringToFront();
    await page.locator('#card-mobile a').click();
    await expect(overlayAlerts(page).filter({ hasText: 'Call stopped: calling is not allowed now' })).toBeVisible();
    await clickMark(page, '55 12 34 56');
    await expect(card(page)).toContainText('Calling is not allowed now');

    await setClock(background, oslo('2026-12-01T21:30:00')); // Tuesday evening
    await expect(warning).toContainText('It is 21:00 or later');

    await setClock(background, oslo('2026-12-25T12:00:00')); // Christmas Day
    await expect(warning).toContainText('public holiday (Christmas Day)');

    // Market research is exempt.
    await panel.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Markedsundersøkelse' });
    await expect(warning).toHaveCount(0);
    await expect(panel.locator('[data-hours="allowed"]')).toContainText('do not apply');

    // Back on Tuesday 10:00 for the consumer campaign: the call goes through.
    await panel.getByLabel('Campaign', { exact: true }).selectOption({ label: CAMPAIGN });
    await setClock(background, oslo('2026-12-01T10:00:00'));
    await expect(warning).toHaveCount(0);
    await page.bringToFront();
    // The card and the alert from before are closed first (Escape: the card, then the alerts).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await expect(overlayAlerts(page)).toHaveCount(0);
    const dialled = page.waitForEvent('framenavigated', { timeout: 3000 }).catch(() => null);
    await page.evaluate(() => {
      (window as unknown as { dialled: string[] }).dialled = [];
      document.addEventListener('click', (e) => {
        const a = (e.target as Element).closest('a');
        if (a) {
          (window as unknown as { dialled: string[] }).dialled.push(a.getAttribute('href') ?? '');
          e.preventDefault();
        }
      });
    });
    await page.locator('#card-mobile a').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { dialled: string[] }).dialled)).toEqual(['tel:+4741234567']);
    await dialled;
  });

  test('a client without an agreement and a missing register are warnings in the header; a broken set-up file changes nothing', async ({
    openExtensionPage,
  }) => {
    await loadSetup(openExtensionPage);
    const panel = await openPanel(openExtensionPage, 'Innsamling vinter');
    await expect(panel.locator('[data-warning="no-agreement"]')).toContainText('No data processing agreement on record for Hjelp for Alle');
    await expect(panel.getByTestId('register-freshness')).toBeVisible();

    const options = await openExtensionPage('options.html');
    await options.getByLabel('Import a set-up file').setInputFiles(SETUP_BROKEN);
    await expect(options.getByRole('alert').first()).toContainText('campaigns[');
    await panel.reload();
    await expect(panel.getByLabel('Campaign', { exact: true })).toHaveValue('innsamling-vinter');
    await expect(panel.getByLabel('Campaign', { exact: true }).locator('option')).toHaveCount(4);
  });

  test('a number selected on the page becomes the current number; a client-scoped "do not call" blocks it only for that client', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    const panel = await openPanel(openExtensionPage, 'Markedsundersøkelse'); // opt-outs for this client only (Vestkraft AS)
    await page.bringToFront();
    await page.locator('#card-phone').selectText();
    const current = panel.getByRole('region', { name: 'Current number' });
    await expect(current.locator('[data-e164="+4755123456"]')).toBeVisible();
    await expect(panel.locator('.log-number')).toContainText('55 12 34 56');

    await panel.getByRole('heading', { name: 'Log the call' }).click();
    const dnc = panel.locator('label.outcome[data-kind="do-not-call"] input');
    await dnc.check();
    await panel.keyboard.press('Enter');
    await expect(panel.getByTestId('log-saved')).toContainText('55 12 34 56 is now on the block list (only Vestkraft AS)');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain('55 12 34 56');

    // Working for another client, the number may be called: it is no longer red on the page.
    await panel.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Innsamling vinter' });
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).not.toContain('55 12 34 56');
    expect(await highlightTexts(page, HIGHLIGHT.number)).toContain('55 12 34 56');
    // Back for Vestkraft: blocked again.
    await panel.getByLabel('Campaign', { exact: true }).selectOption({ label: CAMPAIGN });
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain('55 12 34 56');
  });

  test('selecting another number mid-entry keeps what was typed for the first one, unsaved, and brings it back with that number', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    const panel = await openPanel(openExtensionPage, CAMPAIGN);
    const current = panel.getByRole('region', { name: 'Current number' });
    const form = panel.locator('form').filter({ has: panel.getByLabel('Note (optional)') }).first();
    await page.bringToFront();
    await page.locator('#card-phone').selectText();
    await expect(current.locator('[data-e164="+4755123456"]')).toBeVisible();
    await panel.locator('label.outcome[data-kind="sale"] input').check();
    await panel.getByLabel('Amount (kr)').fill('499');
    await form.getByLabel('Note (optional)').fill('Vil ha tilbudet på e-post');

    // A stray selection of another number: a fresh form, and a word on where the first one went.
    await page.bringToFront();
    await page.locator('#card-mobile').selectText();
    await expect(current.locator('[data-e164="+4741234567"]')).toBeVisible();
    await expect(form.getByLabel('Note (optional)')).toHaveValue('');
    await expect(panel.locator('label.outcome input:checked')).toHaveCount(0);
    await expect(panel.getByTestId('draft-kept')).toContainText('55 12 34 56 is kept, not saved');

    // Back to the first number: everything typed is there, and it saves as one call.
    await page.bringToFront();
    await page.locator('#card-phone').selectText();
    await expect(current.locator('[data-e164="+4755123456"]')).toBeVisible();
    await expect(panel.locator('label.outcome[data-kind="sale"] input')).toBeChecked();
    await expect(panel.getByLabel('Amount (kr)')).toHaveValue('499');
    await expect(form.getByLabel('Note (optional)')).toHaveValue('Vil ha tilbudet på e-post');
    await panel.getByLabel('Amount (kr)').press('Enter');
    await expect(panel.getByTestId('log-saved')).toContainText('55 12 34 56');
    await expect(form.getByLabel('Note (optional)')).toHaveValue('');
  });

  test('a set-up change made on the options page reaches an open CRM page at once: a campaign that becomes consumer telemarketing is held to calling hours', async ({
    page,
    server,
    background,
    openExtensionPage,
  }, testInfo) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    const panel = await openPanel(openExtensionPage, 'Markedsundersøkelse'); // market research: exempt
    await setClock(background, oslo('2026-12-05T11:00:00')); // Saturday
    await expect(panel.locator('[data-hours="allowed"]')).toContainText('do not apply');
    await page.bringToFront();
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault())); // the page's own dialler
    await page.locator('#card-mobile a').click();
    await expect(overlayAlerts(page).filter({ hasText: 'calling is not allowed now' })).toHaveCount(0);

    // The team lead's new set-up file makes the same campaign consumer telemarketing.
    const doc = JSON.parse(fs.readFileSync(SETUP_DEMO, 'utf8')) as { campaigns: { id: string; type: string }[] };
    doc.campaigns.find((c) => c.id === 'markedsundersokelse')!.type = 'consumer-telemarketing';
    const file = testInfo.outputPath('setup-changed.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const options = await openExtensionPage('options.html');
    await options.locator('#setup-file').setInputFiles(file);
    await options.getByTestId('setup-import-confirm').getByRole('button').first().click();
    await expect(options.getByTestId('setup-import-summary')).toBeVisible();

    // Without a reload, the open CRM page now stops the call.
    await page.bringToFront();
    await page.locator('#card-mobile a').click();
    await expect(overlayAlerts(page).filter({ hasText: 'Call stopped: calling is not allowed now' })).toBeVisible();
  });

  test('with campaigns set up but none chosen, the consumer rules apply and the panel says so', async ({ page, server, background, openExtensionPage }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    const panel = await openPanel(openExtensionPage, null);
    await setClock(background, oslo('2026-12-01T21:30:00'));
    await expect(panel.locator('[data-warning="calling-hours"]')).toContainText('No campaign is chosen, so the rules for telemarketing to consumers apply.');
    await page.bringToFront();
    await page.locator('#card-mobile a').click();
    await expect(overlayAlerts(page).filter({ hasText: 'Call stopped: calling is not allowed now' })).toBeVisible();
  });

  test('the popup opens the side panel (in the click itself, as Chrome requires)', async ({ page, context, openExtensionPage }) => {
    const panels = async () => {
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
        return targetInfos.filter((t) => t.url.endsWith('/sidepanel.html')).length;
      } finally {
        await cdp.detach();
      }
    };
    const popup = await openExtensionPage('popup.html');
    expect(await panels()).toBe(0);
    const button = popup.getByRole('button', { name: 'Open side panel' });
    await expect(button).toBeEnabled();
    await button.click();
    await expect.poll(panels).toBe(1);
  });

  test('with a campaign chosen, the number card can block for that client only', async ({ page, server, openExtensionPage }) => {
    await loadSetup(openExtensionPage);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    await openPanel(openExtensionPage, CAMPAIGN);
    await page.bringToFront();
    await clickMark(page, '55 12 34 56');
    const scope = card(page).getByRole('radio', { name: 'Only Vestkraft AS' });
    await expect(scope).toBeEnabled();
    await scope.check();
    await card(page).getByRole('button', { name: BTN.optOut }).click();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain('55 12 34 56');
    const status = await lookup(await openExtensionPage('blocklist.html'), '+4755123456');
    expect(status.entry).toMatchObject({ source: 'opt-out', scope: 'vestkraft' });
  });
});

