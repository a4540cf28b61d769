/**
 * Issue 3: where Kontaktvern runs. The popup's per-site switch (marks and overlay go at
 * once, come back, remembered) and the options page's allowlist mode. Two sites:
 * 127.0.0.1 (`server.url`) and localhost (`server.crossSiteUrl`).
 */
import type { Page } from '@playwright/test';
import { test, expect, HIGHLIGHT, highlightNames, highlightTexts, overlayInfo, scanCount, waitForScan } from './fixtures';
import { blockThroughPage } from './kontaktvern-helpers';
import { badge, card, clickMark, focusPage, openPopupFor, tabOf, waitForMark } from './card-helpers';

const DEMO = 'demo-crm.html';
const NUMBER = '55 12 34 56';
const BLOCKED = '902 11 223';

async function marksGone(page: Page): Promise<void> {
  await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toEqual([]);
  expect(await highlightTexts(page, HIGHLIGHT.blocked)).toEqual([]);
  expect((await highlightNames(page)).filter((n) => n.startsWith('kontaktvern'))).toEqual([]);
}

test.describe('the popup: Kontaktvern on this site', () => {
  test('switching the site off removes every mark and the overlay at once; on brings them back; other sites are untouched', async ({
    page,
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await blockThroughPage(openExtensionPage, [BLOCKED]);
    await page.goto(server.url(DEMO));
    const otherSite = await context.newPage();
    await otherSite.goto(server.crossSiteUrl(DEMO));
    await waitForMark(otherSite, NUMBER);
    await focusPage(page);
    await waitForMark(page, NUMBER);
    await waitForMark(page, BLOCKED, HIGHLIGHT.blocked);
    const tab = await tabOf(background, page);
    await expect.poll(async () => (await badge(background, tab.id)).text).toBe('1');
    // An open card and the field boxes: the overlay is there.
    await clickMark(page, NUMBER);
    await expect(card(page)).toBeVisible();
    expect((await overlayInfo(page)).present).toBe(true);

    const popup = await openPopupFor(openExtensionPage, background, page);
    await expect(popup.getByRole('heading', { name: '127.0.0.1' })).toBeVisible();
    await expect(popup.getByTestId('tab-counts')).toHaveText(/\d+ numbers on this page, 1 blocked/);
    const sw = popup.getByRole('switch', { name: 'Kontaktvern on this site' });
    await expect(sw).toBeChecked();
    await sw.click();
    await expect(sw).not.toBeChecked();
    await expect(popup.getByText('Kontaktvern is switched off on this site.')).toBeVisible();

    // At once, in the open tab: no highlight, no overlay, no badge.
    await marksGone(page);
    await expect.poll(async () => (await overlayInfo(page)).present).toBe(false);
    await expect.poll(async () => (await badge(background, tab.id)).text).toBe('');
    // A click on where the number was opens nothing.
    await focusPage(page);
    const box = (await page.locator('#card-phone').boundingBox())!;
    await page.mouse.click(box.x + 20, box.y + box.height / 2);
    await page.keyboard.press('Alt+Shift+B');
    await page.waitForTimeout(700);
    expect((await overlayInfo(page)).present).toBe(false);
    // The other site keeps its marks.
    expect(await highlightTexts(otherSite, HIGHLIGHT.number)).toContain(NUMBER);

    // On again: the marks come back without reload.
    await popup.bringToFront();
    await sw.click();
    await expect(sw).toBeChecked();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain(NUMBER);
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain(BLOCKED);
    await expect.poll(async () => (await badge(background, tab.id)).text).toBe('1');
    await focusPage(page);
    await clickMark(page, NUMBER);
    await expect(card(page)).toBeVisible();
  });

  test('a number blocked while the site was switched off is blocked when it is switched on again (no stale status)', async ({
    page,
    server,
    background,
    openExtensionPage,
  }) => {
    await page.goto(server.url('phone-input.html'));
    await waitForMark(page, '412 34 567');
    const popup = await openPopupFor(openExtensionPage, background, page);
    const sw = popup.getByRole('switch', { name: 'Kontaktvern on this site' });
    await sw.click();
    await expect(sw).not.toBeChecked();
    await marksGone(page);
    await blockThroughPage(openExtensionPage, ['+47 412 34 567']);
    await popup.bringToFront();
    await sw.click();
    await expect(sw).toBeChecked();
    await waitForMark(page, '412 34 567', HIGHLIGHT.blocked);
    await focusPage(page);
    await page.click('#tel-link');
    await expect(page.locator('kontaktvern-overlay [role="alert"]')).toHaveCount(1);
    expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual([]);
  });

  test('the switch is remembered: the site stays off after a reload and in a new tab, and the popup says so', async ({
    page,
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await page.goto(server.url(DEMO));
    await waitForMark(page, NUMBER);
    const popup = await openPopupFor(openExtensionPage, background, page);
    await popup.getByRole('switch', { name: 'Kontaktvern on this site' }).click();
    await marksGone(page);
    await popup.close();

    await page.reload();
    const fresh = await context.newPage();
    await fresh.goto(server.url('places.html'));
    for (const p of [page, fresh]) {
      await p.waitForLoadState('load');
      await p.waitForTimeout(800);
      expect(await highlightTexts(p, HIGHLIGHT.number)).toEqual([]);
      expect(await scanCount(p)).toBe(0);
      expect((await overlayInfo(p)).present).toBe(false);
    }
    const again = await openPopupFor(openExtensionPage, background, page);
    await expect(again.getByRole('switch', { name: 'Kontaktvern on this site' })).not.toBeChecked();
    await expect(again.getByText('Kontaktvern is switched off on this site.')).toBeVisible();
    // Stored in chrome.storage.local as a rule for the host.
    const stored = await again.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await chrome.storage.local.get('siteRules')).siteRules;
    });
    expect(stored).toMatchObject({ mode: 'all-except', disabled: ['127.0.0.1'] });

    // Switched on from the popup: the reloaded page (which never scanned) gets its marks.
    await again.getByRole('switch', { name: 'Kontaktvern on this site' }).click();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain(NUMBER);
    await expect.poll(() => highlightTexts(fresh, HIGHLIGHT.number)).toContain('412 34 567');
  });
});

test.describe('options: only on the sites listed', () => {
  async function onlyListed(openExtensionPage: (p: string) => Promise<Page>, sites: string): Promise<Page> {
    const options = await openExtensionPage('options.html');
    await options.getByRole('radio', { name: /^Only on the sites listed/ }).check();
    const list = options.getByLabel('Sites where Kontaktvern runs, one per line');
    await list.fill(sites);
    await options.getByRole('button', { name: 'Save', exact: true }).last().click();
    return options;
  }

  test('allowlist mode runs on the listed site and leaves other sites untouched, also tabs already open', async ({
    page,
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await page.goto(server.url(DEMO));
    const other = await context.newPage();
    await other.goto(server.crossSiteUrl(DEMO));
    await waitForMark(page, NUMBER);
    await waitForMark(other, NUMBER);

    const options = await onlyListed(openExtensionPage, '127.0.0.1');
    await expect(options.getByText('Saved.')).toBeVisible();

    // The open tab on the other site loses its marks at once; the listed one keeps them.
    await marksGone(other);
    await expect.poll(async () => (await overlayInfo(other)).present).toBe(false);
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain(NUMBER);

    // New pages: listed site marked, other site untouched (no scan, no overlay, no badge).
    const listed = await context.newPage();
    await listed.goto(server.url('places.html'));
    await waitForScan(listed);
    expect(await highlightTexts(listed, HIGHLIGHT.number)).toContain('412 34 567');
    const unlisted = await context.newPage();
    await unlisted.goto(server.crossSiteUrl('places.html'));
    await unlisted.waitForLoadState('load');
    await unlisted.waitForTimeout(1000);
    expect(await scanCount(unlisted)).toBe(0);
    expect(await highlightNames(unlisted)).toEqual([]);
    expect((await overlayInfo(unlisted)).present).toBe(false);
    const unlistedTab = await tabOf(background, unlisted);
    expect((await badge(background, unlistedTab.id)).text).toBe('');

    // The popup on the unlisted site says why, and its switch adds the site to the list.
    const popup = await openPopupFor(openExtensionPage, background, unlisted);
    await expect(popup.getByText('This site is not on the list of sites Kontaktvern runs on.')).toBeVisible();
    const sw = popup.getByRole('switch', { name: 'Kontaktvern on this site' });
    await expect(sw).not.toBeChecked();
    await sw.click();
    await expect.poll(() => highlightTexts(unlisted, HIGHLIGHT.number)).toContain('412 34 567');
    await options.reload();
    await expect(options.getByLabel('Sites where Kontaktvern runs, one per line')).toHaveValue('127.0.0.1\nlocalhost');
  });

  test('a frame follows the site in the address bar: a listed page marks its cross-site frame, an unlisted page does not mark its listed frame', async ({
    page,
    context,
    server,
    openExtensionPage,
  }) => {
    await onlyListed(openExtensionPage, '127.0.0.1');
    await page.goto(server.url(`frames.html?site=${encodeURIComponent(server.crossSiteUrl('frame-child.html'))}`));
    await waitForMark(page, '412 34 567');
    const crossChild = () => page.frames().find((f) => f.url().startsWith(server.crossSiteUrl('')))!;
    await expect.poll(() => crossChild() && highlightTexts(crossChild(), HIGHLIGHT.number)).toContain('97 65 43 21');

    const other = await context.newPage();
    await other.goto(server.crossSiteUrl(`frames.html?site=${encodeURIComponent(server.url('frame-child.html'))}`));
    await other.waitForLoadState('load');
    await other.waitForTimeout(1000);
    expect(await highlightTexts(other, HIGHLIGHT.number)).toEqual([]);
    const listedChild = other.frames().find((f) => f.url().startsWith(server.url('')))!;
    expect(listedChild).toBeTruthy();
    expect(await highlightTexts(listedChild, HIGHLIGHT.number)).toEqual([]);
  });

  test('a line that is not a host name is listed back and nothing is saved', async ({ page, server, openExtensionPage }) => {
    const options = await onlyListed(openExtensionPage, '127.0.0.1\nnot a host!');
    await expect(options.getByRole('alert')).toContainText('These lines are not host names');
    await expect(options.getByRole('alert')).toContainText('not a host!');
    // Only the mode changed (nothing listed yet): Kontaktvern runs nowhere.
    await page.goto(server.url(DEMO));
    await page.waitForTimeout(1000);
    expect(await scanCount(page)).toBe(0);
  });
});
