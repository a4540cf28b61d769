/** Issue 2: numbers are found in every place, look-alikes are not, and the page is never touched. */
import { test, expect, HIGHLIGHT, highlightTexts, scanMeasures, waitForScan, OVERLAY_TAG } from './fixtures';
import { blockThroughPage } from './kontaktvern-helpers';

test.describe('detection on the page', () => {
  test('marks numbers in text, contenteditable, open shadow roots (also late and nested), late content and links', async ({ page, server }) => {
    await page.goto(server.url('places.html'));
    await page.evaluate(() => (window as unknown as { __allReady: Promise<void> }).__allReady);
    await expect
      .poll(() => highlightTexts(page, HIGHLIGHT.number), { timeout: 5000 })
      .toEqual(expect.arrayContaining(['412 34 567', '413\u200b22\u200b334', '482 22 333', '23 45 67 89', '+47 994 45 566', '0047 41122334', '+4795512345']));
    const marked = await highlightTexts(page, HIGHLIGHT.number);
    // Links whose text is not a number are marked as a whole (their href is the number).
    const linkTexts = await page.$$eval('#tel-link a, #callto-link a, #sip-link a', (as) => as.map((a) => a.textContent ?? ''));
    for (const text of linkTexts) expect(marked).toContain(text);
    // Nothing from scripts, styles, code, pre, hidden elements, templates, noscript or attributes.
    for (const spelled of ['412 99 888', '412 88 777', '412 77 666', '412 66 555', '412 55 444', '412 44 333', '412 33 222', '412 22 111', '412 11 000']) {
      expect(marked.join('|')).not.toContain(spelled);
    }
    const sectionsNone = await page.$$eval('section[data-expect="none"]', (s) => s.length);
    expect(sectionsNone).toBeGreaterThanOrEqual(8);
  });

  test('skips scripts, styles, noscript, options, textareas and the title on a page without code or pre', async ({ page, server }) => {
    await page.goto(server.url('skipped-text.html'));
    await waitForScan(page);
    expect((await highlightTexts(page, HIGHLIGHT.number)).sort()).toEqual(['412 10 009', '412 10 010']);
  });

  test('marks numbers inside a same-origin iframe', async ({ page, server }) => {
    await page.goto(server.url('places.html'));
    const frame = page.frameLocator('#child');
    await expect(frame.locator('body')).toContainText('97 65 43 21');
    const child = page.frames().find((f) => f.url().endsWith('frame-child.html'))!;
    await expect.poll(() => highlightTexts(child, HIGHLIGHT.number)).toContain('97 65 43 21');
  });

  test('counts numbers held in form fields and outlines them in the overlay', async ({ page, server }) => {
    await page.goto(server.url('places.html'));
    await waitForScan(page);
    // The overlay draws a box per field holding a number; the page's own fields are untouched.
    await expect.poll(() => page.locator(`${OVERLAY_TAG} .field-box`).count()).toBeGreaterThanOrEqual(4);
    const values = await page.$$eval('#in-tel, #in-text, #in-search, #ta', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(['934 56 789', '45 67 89 01', '+47 468 12 345', 'Ring tilbake på 915 00 111']);
  });

  test('marks none of the look-alikes', async ({ page, server }) => {
    await page.goto(server.url('lookalikes.html'));
    await page.waitForTimeout(1500);
    expect(await highlightTexts(page, HIGHLIGHT.number)).toEqual([]);
    expect(await highlightTexts(page, HIGHLIGHT.blocked)).toEqual([]);
  });

  test('records a kontaktvern:scan measure with the counts after each pass', async ({ page, server }) => {
    await page.goto(server.url('places.html'));
    await waitForScan(page);
    const measures = await scanMeasures(page);
    expect(measures.length).toBeGreaterThan(0);
    const last = measures.at(-1)!;
    expect(last.blocked).toBe(0);
    expect(last.numbers).toBeGreaterThanOrEqual(8);
  });

  test('blocked numbers get the blocked highlight instead, and turn red in an open tab without reload', async ({ page, server, openExtensionPage }) => {
    await page.goto(server.url('places.html'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('412 34 567');
    const other = await page.context().newPage();
    await other.goto(server.url('places.html'));
    await expect.poll(() => highlightTexts(other, HIGHLIGHT.number)).toContain('412 34 567');

    await blockThroughPage(openExtensionPage, ['+47 412 34 567', '23456789']);

    for (const tab of [page, other]) {
      await expect.poll(() => highlightTexts(tab, HIGHLIGHT.blocked)).toEqual(expect.arrayContaining(['412 34 567', '23 45 67 89']));
      expect(await highlightTexts(tab, HIGHLIGHT.number)).not.toContain('412 34 567');
    }
    const last = (await scanMeasures(page)).at(-1)!;
    expect(last.blocked).toBe(2);
  });
});

test.describe('following the page', () => {
  test('a walk whose current node the page removes goes on to the rest of the page', async ({ page, server }) => {
    await page.goto(server.url('follow-edges.html?remove-bulk'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __bulkRemovedAt: number | null }).__bulkRemovedAt)).not.toBeNull();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('412 70 004');
  });

  test('a shadow root built while its host was detached, holding another shadow host, is scanned', async ({ page, server }) => {
    await page.goto(server.url('follow-edges.html'));
    await waitForScan(page);
    await page.evaluate(() => (window as unknown as { addCard: () => void }).addCard());
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('412 70 001');
    // Taken out of the page, its marks go; put back in, they come back.
    const toggle = () => page.evaluate(() => (window as unknown as { toggleCard: () => void }).toggleCard());
    await toggle();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).not.toContain('412 70 001');
    await toggle();
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('412 70 001');
  });

  test('a menu closed with visibility: hidden is not marked until it opens', async ({ page, server }) => {
    await page.goto(server.url('follow-edges.html'));
    await waitForScan(page);
    expect(await highlightTexts(page, HIGHLIGHT.number)).not.toContain('412 70 002');
    await page.evaluate(() => (document.getElementById('menu')!.style.visibility = 'visible'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('412 70 002');
  });

  test('hidden dial links are not marked or counted until they are shown', async ({ page, server }) => {
    await page.goto(server.url('follow-edges.html'));
    await waitForScan(page);
    const marked = await highlightTexts(page, HIGHLIGHT.number);
    expect(marked).toContain('Ring Kari');
    expect(marked).not.toContain('Ring Ola');
    expect(marked).not.toContain('Ring Per');
    await page.evaluate(() => (document.getElementById('call-menu')!.style.visibility = 'visible'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('Ring Per');
    expect(await highlightTexts(page, HIGHLIGHT.number)).not.toContain('Ring Ola');
  });

  test('a column the page renames from "Kundenr." to "Telefon" has its numbers marked on the next pass', async ({ page, server }) => {
    await page.goto(server.url('follow-edges.html'));
    await waitForScan(page);
    expect(await highlightTexts(page, HIGHLIGHT.number)).not.toContain('41270003');
    await page.evaluate(() => {
      document.getElementById('renamed-header')!.textContent = 'Telefon';
      document.getElementById('renamed-cell')!.textContent = '41270003';
    });
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('41270003');
  });

  type Fixture = { __fixture: Record<string, (...args: unknown[]) => unknown> & { spaRenders: number } };
  const run = (page: import('@playwright/test').Page, op: string) => page.evaluate((name) => (window as unknown as Fixture).__fixture[name]!(), op);

  test('text replaced in place, removed, moved, hidden, added and re-linked stays correct', async ({ page, server }) => {
    await page.goto(server.url('mutations.html'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toEqual(
      expect.arrayContaining(['412 34 567', '934 56 789', '22 33 44 55', '481 11 222', '99887766', 'Ring kunden']),
    );

    await run(page, 'replaceText');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('934 00 111');
    expect(await highlightTexts(page, HIGHLIGHT.number)).not.toContain('412 34 567');

    await run(page, 'clearText');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).not.toContain('934 00 111');

    await run(page, 'removeNode');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).not.toContain('934 56 789');

    await run(page, 'moveNode');
    await page.waitForTimeout(200);
    expect(await highlightTexts(page, HIGHLIGHT.number)).toContain('22 33 44 55');

    await run(page, 'hideNode');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).not.toContain('481 11 222');
    await run(page, 'showNode');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('481 11 222');

    await run(page, 'appendNumber');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('+47 468 00 123');

    await run(page, 'setInnerHTML');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('41 00 22 33');

    // A number split over two text nodes is no longer one number: no stale mark is left behind.
    await run(page, 'splitText');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).not.toContain('99887766');
  });

  test('a changed tel: href is followed (the link now dials a blocked number and is stopped)', async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, ['41234567']);
    await page.goto(server.url('mutations.html'));
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.number)).toContain('Ring kunden');
    await run(page, 'changeHref');
    await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked)).toContain('Ring kunden');
  });

  test('an SPA rewriting its content every 100 ms stays marked correctly', async ({ page, server }) => {
    await page.goto(server.url('mutations.html?spa'));
    await page.waitForTimeout(1500);
    await run(page, 'stopSpa');
    await page.waitForTimeout(300);
    const shown = await page.$$eval('#spa li', (lis) => lis.map((li) => (li.textContent ?? '').replace('Tlf. ', '')));
    const marked = await highlightTexts(page, HIGHLIGHT.number);
    for (const n of shown) expect(marked).toContain(n);
    // Numbers of views no longer on the page are not marked any more.
    const all = ['412 01 001', '22 01 10 01', '934 02 002', '+47 55 02 20 02', '0047 48030003'];
    for (const n of all.filter((x) => !shown.includes(x))) expect(marked).not.toContain(n);
    // Order numbers in the rewritten content stay unmarked.
    expect(marked.some((m) => /^410000\d\d$/.test(m))).toBe(false);
  });
});

test.describe('never touching the page', () => {
  test('a page that keeps references to its own text nodes finds them unchanged', async ({ page, server }) => {
    await page.goto(server.url('framework-refs.html'));
    await waitForScan(page);
    await page.waitForTimeout(500);
    const result = await page.evaluate(() => {
      const w = window as unknown as { __refsIntact: () => boolean; __foreignMutations: number; __foreignMutationLog: string[] };
      return { intact: w.__refsIntact(), foreign: w.__foreignMutations, log: w.__foreignMutationLog };
    });
    expect(result.log).toEqual([]);
    expect(result.intact).toBe(true);
    expect(await highlightTexts(page, HIGHLIGHT.number)).not.toEqual([]);
  });

  test('adds no element but <kontaktvern-overlay>, and no attribute, anywhere', async ({ page, server }) => {
    await page.goto(server.url('phone-input.html'));
    const snapshot = () => page.evaluate(() => [...document.querySelectorAll('*')].map((e) => `${e.localName}[${[...e.attributes].map((a) => `${a.name}=${a.value}`).join(',')}]`));
    await waitForScan(page);
    const before = await snapshot();
    await page.fill('#dial', '+47 412 34 567');
    await page.waitForTimeout(300);
    const after = (await snapshot()).filter((s) => !s.startsWith(OVERLAY_TAG));
    // Only the page's own typing changed something: the input value is a property, not an attribute.
    expect(after).toEqual(before.filter((s) => !s.startsWith(OVERLAY_TAG)));
  });
});
