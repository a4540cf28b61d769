/** Helpers for the number-card and site specs (Issue 3): the card, tabs, the badge, lookups. */
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect, HIGHLIGHT, highlightTexts, OVERLAY_TAG } from './fixtures';
import { markCentre } from './kontaktvern-helpers';

/** The bits of the `chrome` global used from the background (no @types/chrome in the project). */
export type ChromeTab = { id?: number; url?: string; active?: boolean; windowId?: number };
type ChromeLike = {
  tabs: { query(q: object): Promise<ChromeTab[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
};

/** The number card (role="dialog") in the overlay's open shadow root. */
export const card = (page: Page): Locator => page.locator(`${OVERLAY_TAG} [role="dialog"]`);
/** Alerts/status messages in the overlay. */
export const overlayAlerts = (page: Page): Locator => page.locator(`${OVERLAY_TAG} [role="alert"], ${OVERLAY_TAG} [role="status"]`);

export const BTN = {
  optOut: /^Block — customer asked not to be called$/,
  other: /^Block — other reason…$/,
  otherConfirm: /^Block with this reason$/,
  copy: /^(Copy number|Copied)$/,
  sidePanel: /^Open side panel$/,
  close: /^Close$/,
} as const;

/** Waits until every mark for `text` is painted (as a number or as blocked). */
export async function waitForMark(page: Page, text: string, name: string = HIGHLIGHT.number): Promise<void> {
  await expect.poll(() => highlightTexts(page, name), { timeout: 10_000 }).toContain(text);
}

/** Viewport rectangle of the first marked range with this text. */
export async function markRect(page: Page, name: string, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const rect = await page.evaluate(
    ([n, wanted]) => {
      for (const r of (CSS.highlights.get(n) ?? []) as Iterable<Range>) {
        if (r.toString() === wanted) {
          const b = r.getBoundingClientRect();
          return { x: b.x, y: b.y, width: b.width, height: b.height };
        }
      }
      return null;
    },
    [name, text] as const,
  );
  if (!rect) throw new Error(`no ${name} range "${text}"`);
  return rect;
}

/** Scrolls the element holding a marked number into the middle of the viewport. */
export async function scrollMarkIntoView(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([n, wanted]) => {
      for (const r of (CSS.highlights.get(n) ?? []) as Iterable<Range>) {
        if (r.toString() === wanted) {
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
      }
    },
    [name, text] as const,
  );
  await page.waitForTimeout(100);
}

/** Pointer moves closer together than this are dropped by the content script (number-pointer.ts). */
const MOVE_THROTTLE_MS = 70;

/**
 * A real (trusted) click in the middle of a marked number: opens the card with focus.
 * Then the pointer moves off to a corner with no number, as a person's hand would, so the
 * hover dwell that the click's pointer move started does not fire later (see the
 * "Esc right after a click" bug test, which keeps the pointer still on purpose).
 */
export async function clickMark(page: Page, text: string, name: string = HIGHLIGHT.number, opts: { stayStill?: boolean } = {}): Promise<void> {
  const { x, y } = await markCentre(page, name, text);
  await page.mouse.click(x, y);
  if (opts.stayStill) return;
  await page.waitForTimeout(MOVE_THROTTLE_MS);
  await page.mouse.move(2, 2);
}

/** Moves the real mouse onto a marked number and leaves it there (one pointermove, after the throttle window). */
export async function hoverMark(page: Page, text: string, name: string = HIGHLIGHT.number): Promise<void> {
  const { x, y } = await markCentre(page, name, text);
  await page.waitForTimeout(MOVE_THROTTLE_MS);
  await page.mouse.move(x, y);
}

type Box = { x: number; y: number; width: number; height: number };
export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
/** Smallest gap between two boxes (0 when they touch or overlap). */
export function gap(a: Box, b: Box): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** Asserts the open card is next to the number (within `max` px) and does not cover it. */
export async function expectCardNextTo(page: Page, name: string, text: string, max = 24): Promise<{ card: Box; mark: Box }> {
  const mark = await markRect(page, name, text);
  const box = (await card(page).boundingBox())!;
  expect(box, 'card is rendered').toBeTruthy();
  expect(intersects(box, mark), `card ${JSON.stringify(box)} covers the number ${JSON.stringify(mark)}`).toBe(false);
  expect(gap(box, mark), `card ${JSON.stringify(box)} is not next to the number ${JSON.stringify(mark)}`).toBeLessThanOrEqual(max);
  return { card: box, mark };
}

/** The tab (as the background sees it) showing this page. */
export async function tabOf(background: Worker, page: Page): Promise<ChromeTab & { id: number }> {
  const url = page.url();
  const tab = await background.evaluate(async (u) => {
    const chrome = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u) ?? null;
  }, url);
  if (!tab || tab.id === undefined) throw new Error(`no tab for ${url}`);
  return tab as ChromeTab & { id: number };
}

export async function badge(background: Worker, tabId: number): Promise<{ text: string; title: string }> {
  return background.evaluate(async (id) => {
    const chrome = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    return { text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) };
  }, tabId);
}

export type Status = { e164: string; blocked: boolean; entry?: { source: string; reason: string; scope: string | null; addedBy: string } };

/** Asks the background (through an extension page, like the block-list page does) for a number's status. */
export async function lookup(extPage: Page, e164: string): Promise<Status> {
  return extPage.evaluate(async (n) => {
    const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ statuses: Status[] }> } } }).chrome;
    const r = await chrome.runtime.sendMessage({ type: 'page:lookup', payload: { numbers: [n] } });
    return r.statuses[0]!;
  }, e164);
}

/** Calls the background's context-menu handler as Chromium would for "Block this number in Kontaktvern". */
export async function contextMenuClick(
  background: Worker,
  page: Page,
  info: { selectionText?: string; linkUrl?: string; frameId?: number },
): Promise<void> {
  const tab = await tabOf(background, page);
  await background.evaluate(
    async ([i, t]) => {
      const hooks = (globalThis as unknown as { kontaktvernTestHooks: { onContextMenuClick(info: unknown, tab: unknown): Promise<void> } })
        .kontaktvernTestHooks;
      await hooks.onContextMenuClick({ menuItemId: 'kontaktvern-block', editable: false, pageUrl: t.url, frameId: 0, ...i }, t);
    },
    [info, tab] as const,
  );
}

/** Selects the text of the first element matching `selector` (a real selection, as the agent would make). */
export async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const range = document.createRange();
    range.selectNodeContents(el);
    const s = getSelection()!;
    s.removeAllRanges();
    s.addRange(range);
    return s.toString();
  }, selector);
}

/** The element focused inside the overlay's shadow root, described for assertions. */
export async function focusedInOverlay(page: Page): Promise<{ tag: string; text: string; label: string | null } | null> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    if (!host || document.activeElement !== host) return null;
    const el = host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!el) return null;
    return { tag: el.localName, text: (el.textContent ?? '').trim(), label: el.getAttribute('aria-label') };
  }, OVERLAY_TAG);
}

/** Opens the popup for a tab as a page (`popup.html?tab=ID`). */
export async function openPopupFor(
  openExtensionPage: (path: string) => Promise<Page>,
  background: Worker,
  page: Page,
): Promise<Page> {
  const tab = await tabOf(background, page);
  return openExtensionPage(`popup.html?tab=${tab.id}`);
}

/** Brings a page to the front (the install-time block-list tab is active otherwise) and waits a frame. */
export async function focusPage(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

export async function grantClipboard(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}
