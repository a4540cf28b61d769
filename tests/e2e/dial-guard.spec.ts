/** Issue 2: dialling a blocked number is stopped at the moment of dialling; everything else passes untouched. */
import { test, expect, HIGHLIGHT, highlightTexts, OVERLAY_TAG, waitForScan } from './fixtures';
import { blockThroughPage } from './kontaktvern-helpers';

type Calls = { __calls: string[]; __submissions: Record<string, string>[] };
const calls = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as Calls).__calls);
const alerts = (page: import('@playwright/test').Page) => page.locator(`${OVERLAY_TAG} [role="alert"]`);

test.describe('dial guard', () => {
  test('edges: a pause after the number, a call button inside a tel: link, a div acting as a call button, a number split over elements, a call dialled from script', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await blockThroughPage(openExtensionPage, ['+47 412 34 567']);
    await page.goto(server.url('guard-edges.html'));
    await waitForScan(page);
    // tel:+4741234567,123 still dials the blocked number.
    await page.click('#pause-link');
    await expect(alerts(page)).toHaveCount(1);
    await expect(alerts(page).first()).toContainText('Call stopped: 412 34 567 is blocked');
    // Closes the alert, and the number card the resting mouse may have opened over the next control.
    const dismiss = async () => {
      await page.mouse.move(1000, 650);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect(alerts(page)).toHaveCount(0);
      await expect(page.locator(`${OVERLAY_TAG} [role="dialog"]`)).toHaveCount(0);
    };
    await dismiss();
    // The "Ring" button inside tel:41234567 has no field of its own: the link decides.
    await page.click('#wrapped-button');
    await expect(alerts(page)).toHaveCount(1);
    await dismiss();
    // Enter and Space on a div acting as the call button next to a field holding the blocked number.
    await page.focus('#key-button');
    await page.keyboard.press('Enter');
    await expect(alerts(page)).toHaveCount(1);
    await expect(alerts(page).first()).toContainText('412 34 567 is blocked');
    await dismiss();
    await page.focus('#key-button');
    await page.keyboard.press(' ');
    await expect(alerts(page)).toHaveCount(1);
    expect(await calls(page)).toEqual([]);
    await dismiss();
    // A link whose number is split over two elements is marked as a whole (its href is the number).
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('98765432');
    await page.click('#split-link');
    expect(await calls(page)).toEqual(['split-link']);
    await dismiss();
    // A page that dials from script (location.href = 'tel:…'): the navigation is where the call is stopped.
    await page.click('#js-call');
    await expect(alerts(page)).toHaveCount(1);
    await expect(alerts(page).first()).toContainText('Call stopped: 412 34 567 is blocked');
  });

  test('a page that dials with window.open: a blocked number is stopped (the page gets null, as for a blocked pop-up) with the alert; other numbers open', async ({
    page,
    context,
    server,
    openExtensionPage,
  }) => {
    await blockThroughPage(openExtensionPage, ['+47 412 34 567']);
    await page.goto(server.url('guard-edges.html'));
    await waitForScan(page);
    const opened = () => page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    // What the browser was asked to open (a tel: URL opens no page here: it goes to the OS).
    const windowOpens: string[] = [];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    cdp.on('Page.windowOpen', (e) => windowOpens.push(e.url));
    await page.click('#open-blocked');
    await expect(alerts(page)).toHaveCount(1);
    await expect(alerts(page).first()).toContainText('Call stopped: 412 34 567 is blocked');
    expect(await opened()).toEqual(['open-blocked:null']);
    await page.keyboard.press('Escape');
    await expect(alerts(page)).toHaveCount(0);
    // A number the page shows and that is not blocked: window.open goes through at once.
    await page.click('#open-known');
    await expect.poll(opened).toEqual(['open-blocked:null', 'open-known:window']);
    await expect.poll(() => windowOpens).toEqual(['tel:98765432']);
    // A number Kontaktvern has not seen yet: held while the block list is asked, then opened.
    await page.click('#open-unknown');
    await expect.poll(() => windowOpens).toEqual(['tel:98765432', 'tel:+4790011223']);
    await expect(alerts(page)).toHaveCount(0);
  });

  test('a click on a tel: link to a blocked number is cancelled before the page sees it, with an alert saying why and since when', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await blockThroughPage(openExtensionPage, ['+47 412 34 567'], 'Ba om å ikke bli ringt 29.11');
    await page.goto(server.url('phone-input.html'));
    await waitForScan(page);
    await page.click('#tel-link');
    await expect(alerts(page)).toHaveCount(1);
    const alert = alerts(page).first();
    await expect(alert).toContainText('Call stopped: 412 34 567 is blocked');
    await expect(alert).toContainText('Ba om å ikke bli ringt 29.11');
    await expect(alert).toContainText(/Blocked since \d\d\/\d\d\/\d{4} by Kari Tester/);
    expect(await calls(page)).toEqual([]);
  });

  test('links to numbers that are not blocked behave exactly as before', async ({ page, server }) => {
    await page.goto(server.url('phone-input.html'));
    await waitForScan(page);
    await page.click('#tel-link');
    expect(await calls(page)).toEqual(['+4741234567']);
    await expect(alerts(page)).toHaveCount(0);
  });

  test('the default action of a blocked tel: link is prevented even for clicks made by page script', async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, ['90011223']);
    await page.goto(server.url('mutations.html'));
    await waitForScan(page);
    const outcome = await page.evaluate(() => {
      const link = document.getElementById('dial-link')!;
      let pageSawIt = false;
      link.addEventListener('click', () => (pageSawIt = true));
      const event = new MouseEvent('click', { bubbles: true, cancelable: true });
      const notCancelled = link.dispatchEvent(event);
      return { notCancelled, pageSawIt };
    });
    expect(outcome).toEqual({ notCancelled: false, pageSawIt: false });
  });

  test('typing or pasting a blocked number into a phone field shows the alert next to it; the call button and Enter are stopped', async ({
    page,
    server,
    openExtensionPage,
  }) => {
    await blockThroughPage(openExtensionPage, ['93456789']);
    await page.goto(server.url('phone-input.html'));
    await waitForScan(page);
    await page.locator('#dial').pressSequentially('934 56 789', { delay: 20 });
    await expect(alerts(page)).toHaveCount(1);
    await expect(alerts(page).first()).toContainText('934 56 789 is blocked — do not call');
    // The alert sits next to the field, not somewhere else on the page.
    const field = (await page.locator('#dial').boundingBox())!;
    const box = (await alerts(page).first().boundingBox())!;
    expect(Math.abs(box.y - (field.y + field.height))).toBeLessThan(40);

    await page.click('#call');
    await page.locator('#dial').press('Enter');
    expect(await calls(page)).toEqual([]);
    await expect(alerts(page).first()).toContainText('Call stopped: 934 56 789 is blocked');

    // Changing the number to one that is not blocked clears the alert and lets the call through.
    await page.fill('#dial', '');
    await page.locator('#dial').pressSequentially('41234567');
    await expect(alerts(page)).toHaveCount(0);
    await page.click('#call');
    expect(await calls(page)).toEqual(['41234567']);
  });

  test('pasting a blocked number shows the alert', async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, ['93456789']);
    await page.goto(server.url('phone-input.html'));
    await waitForScan(page);
    await page.locator('#dial').focus();
    await page.evaluate(() => {
      const dial = document.getElementById('dial') as HTMLInputElement;
      // What a paste does: the value changes and an input event (insertFromPaste) fires.
      dial.value = '+47 934 56 789';
      dial.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    });
    await expect(alerts(page).first()).toContainText('934 56 789 is blocked');
  });

  test('saving an ordinary form that holds a blocked number is not stopped (only calls are)', async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, ['93456789']);
    await page.goto(server.url('phone-input.html'));
    await waitForScan(page);
    await page.fill('#phone', '934 56 789');
    await expect(alerts(page).first()).toContainText('934 56 789 is blocked');
    await page.click('#save');
    await expect(page.locator('#form-status')).toHaveText('Lagret');
    const submissions = await page.evaluate(() => (window as unknown as Calls).__submissions);
    expect(submissions).toHaveLength(1);
  });

  test('a number blocked while the page is open is stopped at the next dial, without reload', async ({ page, server, openExtensionPage }) => {
    await page.goto(server.url('phone-input.html'));
    await waitForScan(page);
    await blockThroughPage(openExtensionPage, ['41234567']);
    await page.bringToFront();
    await page.click('#tel-link');
    expect(await calls(page)).toEqual([]);
    await expect(alerts(page).first()).toContainText('Call stopped');
  });
});
