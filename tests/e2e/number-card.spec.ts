/**
 * Issue 3: agents act on a number where they see it. The number card (hover, click,
 * context menu, keyboard shortcut), blocking from it in every open tab, the badge,
 * and that the page itself cannot block or unblock.
 */
import { test, expect, HIGHLIGHT, highlightTexts, OVERLAY_TAG, overlayInfo, waitForScan } from './fixtures';
import { blockThroughPage, setAgentName } from './kontaktvern-helpers';
import {
  badge,
  BTN,
  card,
  clickMark,
  contextMenuClick,
  expectCardNextTo,
  focusedInOverlay,
  focusPage,
  grantClipboard,
  hoverMark,
  lookup,
  markRect,
  overlayAlerts,
  scrollMarkIntoView,
  selectText,
  tabOf,
  waitForMark,
} from './card-helpers';

const DEMO = 'demo-crm.html';
/** Plain text numbers on demo-crm.html (contact card and webmail). */
const CARD_PHONE = { text: '55 12 34 56', e164: '+4755123456', national: '55 12 34 56' };
const MAIL_MOBILE = { text: '+47 481 22 334', e164: '+4748122334', national: '481 22 334' };
const MAIL_WIFE = { text: '902 11 223', e164: '+4790211223', national: '902 11 223' };

test.describe('the number card: hover and click', () => {
  test('hovering a number for a moment opens the card next to it, not covering it, with "Not blocked"', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await waitForMark(page, CARD_PHONE.text);
    // Measured in the page (this machine is too slow for test-side timing): the last pointer
    // move, and when the dialog first appears.
    await page.evaluate((tag) => {
      const w = window as unknown as { __lastMove: number; __cardAt: number };
      w.__lastMove = 0;
      w.__cardAt = 0;
      addEventListener('pointermove', () => (w.__lastMove = performance.now()), true);
      const tick = () => {
        if (document.querySelector(tag)?.shadowRoot?.querySelector('[role="dialog"]')) w.__cardAt = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, OVERLAY_TAG);
    await hoverMark(page, CARD_PHONE.text);
    await expect(card(page)).toBeVisible();
    // A moment: the card waits for the pointer to dwell (~450 ms), it does not pop up on every pass.
    const dwell = await page.evaluate(() => {
      const w = window as unknown as { __lastMove: number; __cardAt: number };
      return w.__cardAt - w.__lastMove;
    });
    expect(dwell).toBeGreaterThanOrEqual(400);
    expect(dwell).toBeLessThan(1500);
    await expect(card(page)).toHaveAttribute('data-e164', CARD_PHONE.e164);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    await expect(card(page)).toContainText(CARD_PHONE.national);
    await expect(card(page)).toContainText('+4755123456'); // E.164 beside the national form
    await expect(card(page)).toContainText('Not blocked');
    await expect(card(page).getByRole('button', { name: BTN.optOut })).toBeVisible();
    await expect(card(page).getByRole('button', { name: BTN.other })).toBeVisible();
    await expect(card(page).getByRole('button', { name: BTN.copy })).toBeVisible();
    await expect(card(page).getByRole('button', { name: BTN.sidePanel })).toBeVisible();
    await expect(card(page).getByRole('button', { name: BTN.close })).toBeVisible();
    // Scope: "All clients" by default; "This client" disabled until campaigns exist.
    await expect(card(page).getByRole('radio', { name: 'All clients' })).toBeChecked();
    await expect(card(page).getByRole('radio', { name: 'This client' })).toBeDisabled();
    // Screen-reader labelled: the dialog is named by the number.
    await expect(page.getByRole('dialog', { name: CARD_PHONE.national })).toBeVisible();
    await expectCardNextTo(page, HIGHLIGHT.number, CARD_PHONE.text);
    // Hover does not steal focus from the page.
    expect(await focusedInOverlay(page)).toBeNull();
  });

  test('with no register snapshot imported, the card of a number that is not on the block list warns that the register is missing', async ({
    page,
    server,
  }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    // Issue 3: "a warning when the register snapshot is missing or stale". A fresh profile has none.
    await expect(card(page), 'the card has no register warning').toContainText(/register/i);
  });

  test('clicking a blocked number opens the card with source, reason, scope, who and when', async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, [MAIL_WIFE.text], 'Kona vil ikke bli oppringt');
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, MAIL_WIFE.text, HIGHLIGHT.blocked);
    await clickMark(page, MAIL_WIFE.text, HIGHLIGHT.blocked);
    const c = card(page);
    await expect(c).toBeVisible();
    await expect(c).toHaveAttribute('data-status', 'blocked');
    await expect(c).toContainText('Blocked — do not call');
    await expect(c).toContainText('Customer asked not to be called'); // source
    await expect(c).toContainText('Kona vil ikke bli oppringt'); // reason
    await expect(c).toContainText(/Blocked since \d\d\/\d\d\/\d{4} by Kari Tester/); // when, who
    await expect(c).toContainText('All clients'); // scope
    // A blocked number offers no block buttons; copy and side panel stay.
    await expect(c.getByRole('button', { name: BTN.optOut })).toHaveCount(0);
    await expect(c.getByRole('button', { name: BTN.other })).toHaveCount(0);
    await expect(c.getByRole('button', { name: BTN.copy })).toBeVisible();
    await expectCardNextTo(page, HIGHLIGHT.blocked, MAIL_WIFE.text);
    // Opened by click: focus is in the card.
    expect(await focusedInOverlay(page)).not.toBeNull();
  });

  test('Esc closes the card; a click outside closes it; the × closes it', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);

    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);

    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toBeVisible();
    await page.mouse.click(640, 40); // the page header, far from the card
    await expect(card(page)).toHaveCount(0);

    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toBeVisible();
    await card(page).getByRole('button', { name: BTN.close }).click();
    await expect(card(page)).toHaveCount(0);

    // A click inside the card does not close it.
    await clickMark(page, CARD_PHONE.text);
    await card(page).locator('.status').click();
    await expect(card(page)).toBeVisible();

    // Esc on a hover-opened card (focus still in the page) closes it too.
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await hoverMark(page, MAIL_MOBILE.text);
    await expect(card(page)).toHaveAttribute('data-e164', MAIL_MOBILE.e164);
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
  });

  test('the card follows the number when the page scrolls and when the window is resized', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    const row = '965-09-498';
    await waitForMark(page, row);
    await scrollMarkIntoView(page, HIGHLIGHT.number, row);
    await clickMark(page, row);
    await expect(card(page)).toBeVisible();
    const before = await expectCardNextTo(page, HIGHLIGHT.number, row);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await markRect(page, HIGHLIGHT.number, row)).y).not.toBeCloseTo(before.mark.y, 0);
    // The card moves with the number (it may flip from above to below as room changes).
    await expect
      .poll(async () => {
        try {
          const { card: box } = await expectCardNextTo(page, HIGHLIGHT.number, row);
          return Math.round(box.y) !== Math.round(before.card.y);
        } catch {
          return false;
        }
      })
      .toBe(true);
    await expectCardNextTo(page, HIGHLIGHT.number, row);
    await page.setViewportSize({ width: 900, height: 600 });
    await expect.poll(async () => {
      try {
        await expectCardNextTo(page, HIGHLIGHT.number, row);
        return true;
      } catch {
        return false;
      }
    }).toBe(true);
  });

  test('near the bottom of the window the card opens above the number, still not covering it', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    const row = '91291321'; // the last row of the list
    await waitForMark(page, row);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
    const mark = await markRect(page, HIGHLIGHT.number, row);
    expect(mark.y).toBeGreaterThan(page.viewportSize()!.height - 300);
    await clickMark(page, row);
    await expect(card(page)).toBeVisible();
    const { card: box } = await expectCardNextTo(page, HIGHLIGHT.number, row);
    expect(box.y + box.height).toBeLessThanOrEqual(mark.y);
  });
});

test.describe('blocking from the card', () => {
  test('"customer asked" turns the number red in this tab and another open tab, increments the badge, and the card shows the block', async ({
    page,
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    const blocklist = await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    const other = await context.newPage();
    await other.goto(server.url(DEMO));
    await waitForMark(other, MAIL_MOBILE.text);
    // The other tab has the same number's card open.
    await focusPage(other);
    await clickMark(other, MAIL_MOBILE.text);
    await expect(card(other)).toHaveAttribute('data-status', 'clear');
    await focusPage(page);
    await waitForMark(page, MAIL_MOBILE.text);
    const tab = await tabOf(background, page);
    const otherTab = await tabOf(background, other);
    await expect.poll(async () => (await badge(background, tab.id)).title).toMatch(/Kontaktvern: \d+ numbers on this page, 0 blocked/);
    expect((await badge(background, tab.id)).text).toBe('');

    await clickMark(page, MAIL_MOBILE.text);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    await card(page).getByRole('button', { name: BTN.optOut }).click();

    // The card now shows the block.
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    await expect(card(page)).toContainText('Blocked — do not call');
    await expect(card(page)).toContainText('Customer asked not to be called');
    await expect(card(page)).toContainText(/Blocked since \d\d\/\d\d\/\d{4} by Kari Tester/);
    await expect(card(page)).toContainText('All clients');
    // Red in this tab and in the other open tab, without reload.
    for (const p of [page, other]) {
      await expect.poll(() => highlightTexts(p, HIGHLIGHT.blocked)).toContain(MAIL_MOBILE.text);
      expect(await highlightTexts(p, HIGHLIGHT.number)).not.toContain(MAIL_MOBILE.text);
    }
    // The card open in the other tab shows the block too.
    await expect(card(other)).toHaveAttribute('data-status', 'blocked');
    await expect(card(other)).toContainText('Blocked — do not call');
    // The badge counts it on both tabs; the tooltip has the counts.
    for (const id of [tab.id, otherTab.id]) {
      await expect.poll(async () => (await badge(background, id)).text).toBe('1');
      expect((await badge(background, id)).title).toMatch(/Kontaktvern: \d+ numbers on this page, 1 blocked/);
    }
    // Recorded as a customer opt-out by the agent on record.
    const status = await lookup(blocklist, MAIL_MOBILE.e164);
    expect(status).toMatchObject({ blocked: true, entry: { source: 'opt-out', scope: null, addedBy: 'Kari Tester' } });
    // A second number increments the badge again.
    await page.keyboard.press('Escape');
    await clickMark(page, CARD_PHONE.text);
    await card(page).getByRole('button', { name: BTN.optOut }).click();
    await expect.poll(async () => (await badge(background, tab.id)).text).toBe('2');
    await expect.poll(async () => (await badge(background, otherTab.id)).text).toBe('2');
  });

  test('"other reason…" blocks with the free text the agent wrote', async ({ page, server, openExtensionPage }) => {
    const blocklist = await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await card(page).getByRole('button', { name: BTN.other }).click();
    const reason = card(page).getByRole('textbox', { name: 'Reason' });
    await expect(reason).toBeVisible();
    // Empty reason: the confirm button is disabled.
    await expect(card(page).getByRole('button', { name: BTN.otherConfirm })).toBeDisabled();
    await reason.fill('Nummeret tilhører et sykehjem');
    await card(page).getByRole('button', { name: BTN.otherConfirm }).click();
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    await expect(card(page)).toContainText('Internal block — Nummeret tilhører et sykehjem');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain(CARD_PHONE.text);
    expect(await lookup(blocklist, CARD_PHONE.e164)).toMatchObject({
      blocked: true,
      entry: { source: 'internal', reason: 'Nummeret tilhører et sykehjem', addedBy: 'Kari Tester' },
    });
  });

  test('without the agent name the card says so and nothing is blocked', async ({ page, server, openExtensionPage }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await card(page).getByRole('button', { name: BTN.optOut }).click();
    await expect(card(page).getByRole('alert')).toContainText("Set your name on Kontaktvern's block-list page first");
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    await page.waitForTimeout(500);
    expect(await highlightTexts(page, HIGHLIGHT.blocked)).toEqual([]);
    const ext = await openExtensionPage('popup.html');
    expect((await lookup(ext, CARD_PHONE.e164)).blocked).toBe(false);
  });

  test('"Open side panel" opens Kontaktvern\'s side panel', async ({ page, context, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    const targets = async () => {
      const cdp = await context.newCDPSession(page);
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
        return targetInfos.filter((t) => t.url.endsWith('/sidepanel.html')).length;
      } finally {
        await cdp.detach();
      }
    };
    expect(await targets()).toBe(0);
    await card(page).getByRole('button', { name: BTN.sidePanel }).click();
    await expect.poll(targets).toBe(1);
  });

  test('Copy number puts the E.164 number on the clipboard and says "Copied"', async ({ page, context, server }) => {
    await grantClipboard(context, server.url('').replace(/\/$/, ''));
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, MAIL_MOBILE.text);
    await clickMark(page, MAIL_MOBILE.text);
    await card(page).getByRole('button', { name: BTN.copy }).click();
    await expect(card(page).getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MAIL_MOBILE.e164);
  });
});

test.describe('other ways in', () => {
  test('context menu on a selected number opens the card next to the selection with focus in it', async ({ page, server, background }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForScan(page);
    const selected = await selectText(page, '#card-phone');
    expect(selected).toBe(CARD_PHONE.text);
    await contextMenuClick(background, page, { selectionText: selected });
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toHaveAttribute('data-e164', CARD_PHONE.e164);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Block — customer asked not to be called' });
    await expectCardNextTo(page, HIGHLIGHT.number, CARD_PHONE.text);
  });

  test('context menu on a selection holding a number among other words picks the number', async ({ page, server, background }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForScan(page);
    const text = await page.evaluate(() => {
      const p = [...document.querySelectorAll('#webmail .text p')].find((el) => el.textContent!.includes('481 22 334'))!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    await contextMenuClick(background, page, { selectionText: text });
    await expect(card(page)).toHaveAttribute('data-e164', MAIL_MOBILE.e164);
  });

  test('context menu on a selection without a number says so', async ({ page, server, background }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForScan(page);
    for (const selector of ['#contact-card .name', '#card-customer-no']) {
      const selected = await selectText(page, selector);
      await contextMenuClick(background, page, { selectionText: selector === '#card-customer-no' ? `Kundenr. ${selected}` : selected });
      await expect(overlayAlerts(page).filter({ hasText: 'No phone number here' })).toBeVisible();
      await expect(overlayAlerts(page).first()).toContainText('holds no valid phone number');
      await expect(card(page)).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(overlayAlerts(page)).toHaveCount(0);
    }
  });

  test('context menu on a tel: link opens the card for the number it dials', async ({ page, server, background }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForScan(page);
    await page.locator('#card-mobile a').focus();
    await contextMenuClick(background, page, { linkUrl: 'tel:+4741234567' });
    await expect(card(page)).toHaveAttribute('data-e164', '+4741234567');
    const link = (await page.locator('#card-mobile a').boundingBox())!;
    const box = (await card(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(link.y + link.height);
    expect(box.y - (link.y + link.height)).toBeLessThan(24);
  });
});

test.describe('the page cannot block or unblock', () => {
  test('synthetic (isTrusted: false) clicks from page script on the card buttons do nothing', async ({ page, server, openExtensionPage }) => {
    const blocklist = await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    const outcome = await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const buttons = [...root.querySelectorAll('button')];
      const byText = (t: string) => buttons.find((b) => b.textContent!.trim().startsWith(t))!;
      byText('Block — customer asked').click();
      byText('Block — customer asked').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      byText('Block — other reason').click();
      byText('Block — customer asked').focus();
      byText('Block — customer asked').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return { otherFormOpened: !!root.querySelector('form.other') };
    }, OVERLAY_TAG);
    expect(outcome.otherFormOpened).toBe(false);
    // Nor can page script close it (synthetic Esc, synthetic click on ×).
    await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('button.close')!.click();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      root.querySelector('[role="dialog"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    }, OVERLAY_TAG);
    await expect(card(page)).toBeVisible();
    await page.waitForTimeout(800);
    expect(await highlightTexts(page, HIGHLIGHT.number)).toContain(CARD_PHONE.text);
    expect(await highlightTexts(page, HIGHLIGHT.blocked)).toEqual([]);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    expect((await lookup(blocklist, CARD_PHONE.e164)).blocked).toBe(false);
    await blocklist.reload();
    await expect(blocklist.getByRole('heading', { name: 'Blocked numbers (0)' })).toBeVisible();
  });

  test('synthetic pointer, click and key events from page script do not open the card', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await waitForMark(page, CARD_PHONE.text);
    const { x, y } = await page.evaluate((text) => {
      for (const r of CSS.highlights.get('kontaktvern-number') as unknown as Iterable<Range>) {
        if (r.toString() === text) {
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      throw new Error('no mark');
    }, CARD_PHONE.text);
    await page.evaluate(
      ([px, py]) => {
        const el = document.elementFromPoint(px!, py!)!;
        const init = { bubbles: true, composed: true, clientX: px, clientY: py, pointerType: 'mouse' };
        el.dispatchEvent(new PointerEvent('pointermove', init));
        el.dispatchEvent(new PointerEvent('pointerdown', init));
        el.dispatchEvent(new MouseEvent('click', init));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'B', code: 'KeyB', altKey: true, shiftKey: true, bubbles: true }));
      },
      [x, y],
    );
    await page.waitForTimeout(900);
    await expect(card(page)).toHaveCount(0);
  });

  test('a synthetic submit of the "other reason" form cannot block (page script after the agent opened it)', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    const blocklist = await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    // The agent (trusted) opens the free-text form…
    await card(page).getByRole('button', { name: BTN.other }).click();
    await expect(card(page).getByRole('textbox', { name: 'Reason' })).toBeVisible();
    // …and the page's own script fills and submits it.
    await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const input = root.querySelector<HTMLInputElement>('form.other input')!;
      input.value = 'Page script was here';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }, OVERLAY_TAG);
    await page.waitForTimeout(100);
    await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      root.querySelector<HTMLFormElement>('form.other')!.requestSubmit();
    }, OVERLAY_TAG);
    await page.waitForTimeout(800);
    expect((await lookup(blocklist, CARD_PHONE.e164)).blocked, 'page script blocked the number through requestSubmit()').toBe(false);
    expect(await highlightTexts(page, HIGHLIGHT.blocked)).toEqual([]);
  });

  test('the page has no way to reach the extension; unblocking is only on the block-list page, with a reason, in the audit trail', async ({
    page,
    server,
    extensionId,
    openExtensionPage,
  }) => {
    const blocklist = await blockThroughPage(openExtensionPage, [CARD_PHONE.text], 'Kunden ba om det');
    await page.goto(server.url(DEMO));
    await waitForMark(page, CARD_PHONE.text, HIGHLIGHT.blocked);
    // chrome.runtime is not exposed to the page (no externally_connectable), so no message can reach the background.
    const reach = await page.evaluate(async (id) => {
      const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome;
      let sent = 'not attempted';
      try {
        const rt = c?.runtime as { sendMessage?: (id: string, m: unknown) => Promise<unknown> } | undefined;
        if (rt?.sendMessage) sent = String(await rt.sendMessage(id, { type: 'page:blocklist-changed', payload: {} }));
      } catch (e) {
        sent = `threw: ${String(e)}`;
      }
      return { runtime: typeof c?.runtime, sent };
    }, extensionId);
    expect(reach).toEqual({ runtime: 'undefined', sent: 'not attempted' });
    // The card of a blocked number has no unblock action.
    await focusPage(page);
    await clickMark(page, CARD_PHONE.text, HIGHLIGHT.blocked);
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    await expect(card(page).getByRole('button', { name: /unblock|remove/i })).toHaveCount(0);

    // The block-list page: removing needs a reason.
    await blocklist.bringToFront();
    await blocklist.reload();
    await blocklist.getByRole('button', { name: `Remove block for ${CARD_PHONE.national}` }).click();
    await blocklist.getByRole('button', { name: 'Remove block', exact: true }).click();
    await expect(blocklist.getByRole('alert').filter({ hasText: 'Write a reason' })).toBeVisible();
    expect((await lookup(blocklist, CARD_PHONE.e164)).blocked).toBe(true);
    await blocklist.getByLabel('Reason for removing (required)').fill('Feilregistrert');
    await blocklist.getByRole('button', { name: 'Remove block', exact: true }).click();
    await expect.poll(async () => (await lookup(blocklist, CARD_PHONE.e164)).blocked).toBe(false);
    await expect(blocklist.getByRole('heading', { name: 'Blocked numbers (0)' })).toBeVisible();
    await expect(blocklist.locator('body')).toContainText('Feilregistrert');
    // The page follows.
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain(CARD_PHONE.text);
  });
});

test.describe('keyboard only', () => {
  test('Alt+Shift+B opens the next blocked number (scrolled to) with focus in the card; Tab moves through the buttons; Esc closes', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await blockThroughPage(openExtensionPage, [CARD_PHONE.text, '91291321']);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text, HIGHLIGHT.blocked);
    await waitForMark(page, '91291321', HIGHLIGHT.blocked);
    await page.getByRole('searchbox', { name: 'Søk' }).focus();

    await page.keyboard.press('Alt+Shift+B');
    await expect(card(page)).toHaveAttribute('data-e164', CARD_PHONE.e164);
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Copy number' });
    await page.keyboard.press('Tab');
    expect(await focusedInOverlay(page)).toMatchObject({ text: 'Open side panel' });
    await page.keyboard.press('Tab');
    expect(await focusedInOverlay(page)).toMatchObject({ label: 'Close' });
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInOverlay(page)).toMatchObject({ text: 'Open side panel' });

    // Next: the blocked number at the bottom of the list, scrolled into view.
    await page.keyboard.press('Alt+Shift+B');
    await expect(card(page)).toHaveAttribute('data-e164', '+4791291321');
    const mark = await markRect(page, HIGHLIGHT.blocked, '91291321');
    expect(mark.y).toBeGreaterThan(0);
    expect(mark.y + mark.height).toBeLessThan(page.viewportSize()!.height);
    await expectCardNextTo(page, HIGHLIGHT.blocked, '91291321');
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Copy number' });

    // And round again (the row's "Ring" tel: link to the same number is a blocked mark of its own, so it may come first).
    const seen: string[] = [];
    for (let i = 0; i < 2 && seen.at(-1) !== CARD_PHONE.e164; i++) {
      await page.keyboard.press('Alt+Shift+B');
      await page.waitForTimeout(150);
      seen.push((await card(page).getAttribute('data-e164'))!);
    }
    expect(seen.at(-1)).toBe(CARD_PHONE.e164);

    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
  });

  test('Esc returns focus to where it was before the shortcut (once, and after cycling with the shortcut)', async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, [CARD_PHONE.text, MAIL_WIFE.text]);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text, HIGHLIGHT.blocked);
    await waitForMark(page, MAIL_WIFE.text, HIGHLIGHT.blocked);
    const search = page.getByRole('searchbox', { name: 'Søk' });
    await search.focus();
    // Once.
    await page.keyboard.press('Alt+Shift+B');
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Copy number' });
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await expect(search).toBeFocused();
    // Twice: the second card opens while focus is in the first one.
    await page.keyboard.press('Alt+Shift+B');
    await expect(card(page)).toBeVisible();
    const first = await card(page).getAttribute('data-e164');
    await page.keyboard.press('Alt+Shift+B');
    await expect(card(page)).not.toHaveAttribute('data-e164', first!);
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    await expect(search, 'focus returns to the search field the agent was in').toBeFocused();
  });

  test('the commands API path (next-blocked) opens the card the same way', async ({ page, server, background, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, [MAIL_WIFE.text]);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, MAIL_WIFE.text, HIGHLIGHT.blocked);
    await background.evaluate(() =>
      (globalThis as unknown as { kontaktvernTestHooks: { onCommand(c: string): Promise<void> } }).kontaktvernTestHooks.onCommand('next-blocked'),
    );
    await expect(card(page)).toHaveAttribute('data-e164', MAIL_WIFE.e164);
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Copy number' });
  });

  test('Alt+Shift+B on a page without blocked numbers says so', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForScan(page);
    await page.keyboard.press('Alt+Shift+B');
    await expect(overlayAlerts(page)).toContainText('There are no blocked numbers on this page.');
    await expect(card(page)).toHaveCount(0);
  });

  test('an unblocked number: Enter on "Block — customer asked…" blocks it; Tab order covers every control', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    const blocklist = await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, MAIL_MOBILE.text);
    await clickMark(page, MAIL_MOBILE.text);
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Block — customer asked not to be called' });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const f = await focusedInOverlay(page);
      order.push(f?.label ?? f?.text ?? '(left the card)');
    }
    expect(order).toEqual(['Block — other reason…', 'Copy number', 'Open side panel', 'Close']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInOverlay(page)).toMatchObject({ text: 'Block — customer asked not to be called' });
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInOverlay(page)).toMatchObject({ tag: 'input' }); // the "All clients" scope radio
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain(MAIL_MOBILE.text);
    expect((await lookup(blocklist, MAIL_MOBILE.e164)).entry?.source).toBe('opt-out');
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
  });

  test('after blocking with Enter, keyboard focus stays in the card', async ({ page, server, openExtensionPage }) => {
    await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, MAIL_MOBILE.text);
    await clickMark(page, MAIL_MOBILE.text);
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Block — customer asked not to be called' });
    await page.keyboard.press('Enter');
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    // The focused button disappears with the block; focus must land somewhere in the card
    // (the status, or Copy), not fall back to the page's <body>.
    await expect
      .poll(async () => ({ inCard: await focusedInOverlay(page), page: await page.evaluate(() => document.activeElement?.localName) }), {
        message: 'focus after blocking',
      })
      .toMatchObject({ inCard: expect.objectContaining({ tag: expect.any(String) }) });
  });

  test('"Block — other reason…" by keyboard: Enter opens the field with focus in it, typing and Enter blocks', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    const blocklist = await setAgentName(openExtensionPage);
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await expect.poll(() => focusedInOverlay(page)).toMatchObject({ text: 'Block — customer asked not to be called' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(card(page).getByRole('textbox', { name: 'Reason' })).toBeVisible();
    await expect.poll(() => focusedInOverlay(page), { message: 'focus moved into the reason field' }).toMatchObject({ tag: 'input' });
    await page.keyboard.type('Dødsbo');
    await page.keyboard.press('Enter');
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    expect(await lookup(blocklist, CARD_PHONE.e164)).toMatchObject({ blocked: true, entry: { reason: 'Dødsbo' } });
  });
});

test.describe('in Norwegian', () => {
  test.use({ uiLocale: 'nb' });
  test('"Sperr — kunden vil ikke bli ringt" shows the opt-out once, not the same sentence twice in other words', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    const blocklist = await openExtensionPage('blocklist.html');
    await blocklist.getByLabel('Navnet ditt').fill('Kari Tester');
    await blocklist.getByRole('button', { name: 'Lagre navn' }).click();
    await expect(blocklist.getByLabel('Numre, ett per linje')).toBeVisible();
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toContainText('Ikke sperret');
    await card(page).getByRole('button', { name: 'Sperr — kunden vil ikke bli ringt' }).click();
    await expect(card(page)).toContainText('Sperret — ikke ring');
    // The source and the default reason are the same sentence: it is said once, not twice.
    const text = (await card(page).locator('.status.blocked').textContent()) ?? '';
    expect(text.split('Kunden ba om ikke å bli ringt').length - 1).toBe(1);
  });
});

test.describe('pointer details', () => {
  test('Esc right after clicking a number (pointer still on it) closes the card for good', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text, HIGHLIGHT.number, { stayStill: true });
    await expect(card(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
    // The hover dwell started by the click's pointer move must not bring it back.
    await page.waitForTimeout(700);
    await expect(card(page), 'the card re-opened by itself after Esc').toHaveCount(0);
  });

  test('the pointer coming to rest on a number opens that number, not one it passed over', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await waitForMark(page, '412 34 567');
    const passed = await markRect(page, HIGHLIGHT.number, '412 34 567'); // the Mobil link, one row below
    const target = await markRect(page, HIGHLIGHT.number, CARD_PHONE.text);
    await page.mouse.move(passed.x + passed.width / 2, passed.y + passed.height / 2);
    await page.waitForTimeout(100);
    // An ordinary hand movement: four pointer events over ~26 px, then the pointer rests on the target.
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
    await expect(card(page)).toBeVisible();
    await expect(card(page)).toHaveAttribute('data-e164', CARD_PHONE.e164);
  });
});

test.describe('overlay', () => {
  test('one <kontaktvern-overlay> holds the card; closing the card removes the dialog', async ({ page, server }) => {
    await page.goto(server.url(DEMO));
    await focusPage(page);
    await waitForMark(page, CARD_PHONE.text);
    await clickMark(page, CARD_PHONE.text);
    await expect(card(page)).toBeVisible();
    const info = await overlayInfo(page);
    expect(info.count).toBe(1);
    await page.keyboard.press('Escape');
    await expect(card(page)).toHaveCount(0);
  });
});
