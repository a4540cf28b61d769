/**
 * Issue 5: screenshots of the side panel (panel-sized viewport) in English and
 * Norwegian, beside the fixture CRM page, after logging a sale, for review.
 * Saved to /tmp/kv-screens (or $KV_SCREENS_DIR). Each shot also checks that
 * no UI text is an untranslated message key and nothing sticks out sideways.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, waitForScan } from './fixtures';
import { loadSetup, oslo, setClock } from './panel-helpers';

const DIR = process.env.KV_SCREENS_DIR ?? '/tmp/kv-screens';

for (const lang of ['en', 'nb'] as const) {
  test.describe(`side panel in ${lang}`, () => {
    test.use({ uiLocale: lang });
    test(`screenshot (${lang})`, async ({ page, server, background, openExtensionPage }) => {
      fs.mkdirSync(DIR, { recursive: true });
      await loadSetup(openExtensionPage, undefined, 'Kari Tester');
      await page.goto(server.url('fields-crm.html'));
      await waitForScan(page);
      await page.bringToFront();
      await setClock(background, oslo('2026-12-05T11:00:00')); // a Saturday: the calling-hours warning shows
      const panel = await openExtensionPage('sidepanel.html');
      await panel.setViewportSize({ width: 400, height: 1500 });
      await panel.locator('#campaign').selectOption('strom-vest-host');
      await expect(panel.locator('[data-warning="calling-hours"]')).toBeVisible();
      await panel.locator('#check').fill('412 34 567');
      await panel.locator('h2#log-title').click();
      await panel.keyboard.press('1');
      await panel.keyboard.type('1 990');
      await panel.keyboard.press('Enter');
      await expect(panel.getByTestId('log-saved')).toBeVisible();
      await expect(panel.locator('li[data-undocumented="true"]').first()).toBeVisible();
      await panel.screenshot({ path: path.join(DIR, `sidepanel-${lang}.png`), fullPage: true });
      const text = await panel.locator('main').innerText();
      expect(text).not.toMatch(/\b(panel|hours|setup|card)[A-Z]\w+/);
      const overflow = await panel.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(overflow).toBe(false);
    });
  });
}
