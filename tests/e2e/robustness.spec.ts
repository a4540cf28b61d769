/** Issue 2: bad input does no harm — huge pages, deep shadow trees, an extension update under an open page — and no network. */
import { test, expect, HIGHLIGHT, highlightTexts, waitForScan, OVERLAY_TAG } from './fixtures';
import { blockThroughPage } from './kontaktvern-helpers';

type Expected = { numbers: string[]; texts?: string[]; textNodes?: number };
const expected = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __expected: Expected }).__expected);

test.describe('bad input does no harm', () => {
  test('a page with 100,000 text nodes is scanned completely and stays responsive', async ({ page, server }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('stress-textnodes.html'));
    const want = await expected(page);
    expect(want.textNodes).toBeGreaterThanOrEqual(100_000);
    await expect.poll(async () => (await highlightTexts(page, HIGHLIGHT.number)).length, { timeout: 20_000 }).toBe(want.numbers.length);
    // The page still answers its own script right away.
    expect(await page.evaluate(() => document.querySelectorAll('.row').length)).toBeGreaterThan(9000);
    expect(errors).toEqual([]);
  });

  test('a single 1 MB text node: every number in it is found, none of the noise', async ({ page, server }) => {
    await page.goto(server.url('stress-bigtext.html'));
    const want = await expected(page);
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number), { timeout: 20_000 }).toEqual([...want.texts!].sort());
  });

  test('a number at the bottom of 200 nested shadow roots is marked', async ({ page, server }) => {
    await page.goto(server.url('stress-shadow.html'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number), { timeout: 20_000 }).toEqual(['412 34 567', '934 56 789']);
  });

  test('an extension update or removal while a page is open: the old script stops cleanly, no errors in the page', async ({
    page,
    server,
    background,
  }) => {
    // Headless Chromium does not bring back an unpacked extension after runtime.reload(), so this
    // covers the half that matters on every update: the orphaned script leaves nothing behind and
    // throws nothing. (The new script is injected into open tabs by the background's onInstalled.)
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && /kontaktvern|extension|context/i.test(m.text()) && errors.push(m.text()));
    await page.goto(server.url('places.html'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('412 34 567');

    await background.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);

    // Marks and overlay go away by themselves, without any page activity.
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number), { timeout: 10_000 }).toEqual([]);
    await expect(page.locator(OVERLAY_TAG)).toHaveCount(0);
    // The page keeps working: its own DOM changes and clicks go on without errors.
    await page.evaluate(() => document.getElementById('ce')!.append(' og 934 56 789'));
    await page.locator('#in-tel').fill('41234567');
    await page.waitForTimeout(500);
    expect(await highlightTexts(page, HIGHLIGHT.number)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('privacy', () => {
  test('the extension makes no network request of its own', async ({ page, server, networkLog, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, ['41234567']);
    await page.goto(server.url('demo-crm.html'));
    await waitForScan(page);
    await page.goto(server.url('places.html'));
    await waitForScan(page);
    await page.waitForTimeout(500);
    expect(networkLog.unexpected()).toEqual([]);
    expect(networkLog.fromServiceWorker()).toEqual([]);
    expect(networkLog.unexpectedProxied()).toEqual([]);
  });
});
