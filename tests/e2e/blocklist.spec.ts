/** Issue 2: the block-list page. Numbers blocked for one client apply to that client's campaigns only. */
import { expect, HIGHLIGHT, highlightTexts, test, waitForScan } from './fixtures';
import { card, clickMark } from './card-helpers';
import { loadSetup, openPanel } from './panel-helpers';

test.describe('block-list page', () => {
  test('numbers blocked for one client, chosen from the set-up’s clients, are blocked while working for that client and not for another', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await loadSetup(openExtensionPage);
    const blocklist = await openExtensionPage('blocklist.html');
    await blocklist.getByLabel(/numbers, one per line/i).fill('55 12 34 56');
    // The client is chosen from the set-up, never typed: a typed name would match no campaign.
    const scope = blocklist.getByLabel('Applies to', { exact: true });
    await expect(scope.locator('option')).toHaveText(['All clients', 'Hjelp for Alle', 'Vestkraft AS']);
    await scope.selectOption({ label: 'Vestkraft AS' });
    await blocklist.getByLabel(/reason \(required\)/i).fill('Ba om ikke å bli ringt av Vestkraft');
    await blocklist.getByRole('button', { name: /^block numbers$/i }).click();
    await expect(blocklist.getByTestId('add-outcome')).toContainText('1 blocked');
    await expect(blocklist.locator('tr[data-e164="+4755123456"]')).toContainText('Client: Vestkraft AS');

    const panel = await openPanel(openExtensionPage, 'Strøm Vest – høstkampanje');
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain('55 12 34 56');
    // The card names the client, not its id.
    await clickMark(page, '55 12 34 56', HIGHLIGHT.blocked);
    await expect(card(page)).toContainText('Client: Vestkraft AS');
    await page.keyboard.press('Escape');
    // So does the side panel's current number.
    await page.locator('#card-phone').selectText();
    await expect(panel.getByRole('region', { name: 'Current number' })).toContainText('Client: Vestkraft AS');
    await page.bringToFront();
    // Another client's campaign: the number may be called.
    await panel.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Innsamling vinter' });
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).not.toContain('55 12 34 56');
    expect(await highlightTexts(page, HIGHLIGHT.number)).toContain('55 12 34 56');
  });
});
