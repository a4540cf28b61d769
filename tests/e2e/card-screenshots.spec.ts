/**
 * Issue 3: screenshots of the number card on a light and a dark page, unblocked and
 * blocked, saved to /tmp/kv-screens (or $KV_SCREENS_DIR) for review. Each shot also
 * checks what can be measured: the card is inside the window, does not cover the
 * number, nothing in it is clipped, and its text has WCAG AA contrast.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, HIGHLIGHT, OVERLAY_TAG } from './fixtures';
import { blockThroughPage } from './kontaktvern-helpers';
import { card, clickMark, expectCardNextTo, focusPage, waitForMark } from './card-helpers';

const DIR = process.env.KV_SCREENS_DIR ?? '/tmp/kv-screens';

type Problem = { what: string; text: string; detail: string };

/** Clipped elements and low-contrast text inside the card. */
async function cardProblems(page: Page): Promise<Problem[]> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)!.shadowRoot!;
    const cardEl = root.querySelector<HTMLElement>('[role="dialog"]')!;
    const problems: { what: string; text: string; detail: string }[] = [];
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/);
      return m ? { r: +m[1]!, g: +m[2]!, b: +m[3]!, a: m[4] === undefined ? 1 : +m[4] } : { r: 0, g: 0, b: 0, a: 0 };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const bgOf = (el: Element | null): { r: number; g: number; b: number } => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255 };
    };
    const cardBox = cardEl.getBoundingClientRect();
    if (cardBox.left < 0 || cardBox.top < 0 || cardBox.right > innerWidth || cardBox.bottom > innerHeight) {
      problems.push({ what: 'card outside window', text: '', detail: JSON.stringify(cardBox) });
    }
    for (const el of cardEl.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent!.trim()).join(' ').trim();
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
        problems.push({ what: 'clipped', text: el.textContent!.trim().slice(0, 60), detail: `${el.scrollWidth} > ${el.clientWidth}` });
      }
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > cardBox.right + 0.5 || box.left < cardBox.left - 0.5)) {
        problems.push({ what: 'sticks out of the card', text: el.textContent!.trim().slice(0, 60), detail: `${box.left}-${box.right} vs ${cardBox.left}-${cardBox.right}` });
      }
      if (!own) continue;
      const fg = parse(style.color);
      const bg = bgOf(el);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      const ratio = (l1! + 0.05) / (l2! + 0.05);
      const large = parseFloat(style.fontSize) >= 18.66 || (parseFloat(style.fontSize) >= 14 && Number(style.fontWeight) >= 700);
      const disabled = (el as HTMLButtonElement).disabled === true;
      if (!disabled && ratio < (large ? 3 : 4.5)) problems.push({ what: 'low contrast', text: own.slice(0, 60), detail: ratio.toFixed(2) });
    }
    return problems;
  }, OVERLAY_TAG);
}

async function shoot(page: Page, name: string, number: string, highlight: string): Promise<Problem[]> {
  await expect(card(page)).not.toHaveAttribute('data-status', 'unknown');
  await page.waitForTimeout(600); // the card re-measures itself once; let it settle
  fs.mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: path.join(DIR, `${name}.png`) });
  const { card: c, mark } = await expectCardNextTo(page, highlight, number);
  const x = Math.max(0, Math.min(c.x, mark.x) - 24);
  const y = Math.max(0, Math.min(c.y, mark.y) - 24);
  const vp = page.viewportSize()!;
  const width = Math.min(vp.width - x, Math.max(c.x + c.width, mark.x + mark.width) - x + 24);
  const height = Math.min(vp.height - y, Math.max(c.y + c.height, mark.y + mark.height) - y + 24);
  await page.screenshot({ path: path.join(DIR, `${name}-detail.png`), clip: { x, y, width, height } });
  return cardProblems(page);
}

for (const [label, pageName, unblocked, blocked] of [
  ['light', 'demo-crm.html', '+47 481 22 334', '902 11 223'],
  ['dark', 'dark-crm.html', '481 22 334', '902 11 223'],
] as const) {
  test(`screenshots: the card on the ${label} page, unblocked and blocked`, async ({ page, server, openExtensionPage }) => {
    await blockThroughPage(openExtensionPage, [blocked], 'Ektefellen vil ikke bli oppringt');
    await page.goto(server.url(pageName));
    await focusPage(page);
    await waitForMark(page, unblocked);
    await waitForMark(page, blocked, HIGHLIGHT.blocked);

    await clickMark(page, unblocked);
    await expect(card(page)).toHaveAttribute('data-status', 'clear');
    const p1 = await shoot(page, `${label}-unblocked`, unblocked, HIGHLIGHT.number);
    await page.keyboard.press('Escape');

    await clickMark(page, blocked, HIGHLIGHT.blocked);
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    const p2 = await shoot(page, `${label}-blocked`, blocked, HIGHLIGHT.blocked);
    await page.keyboard.press('Escape');

    expect([...p1, ...p2]).toEqual([]);
  });
}

test.describe('Norwegian', () => {
  test.use({ uiLocale: 'nb' });
  test('screenshots: the card in Norwegian Bokmål (longer labels) on the light and dark page', async ({ page, server, openExtensionPage }) => {
    // setAgentName() reads English labels: the same steps in Norwegian.
    const blocklist = await openExtensionPage('blocklist.html');
    await blocklist.getByLabel('Navnet ditt').fill('Kari Tester');
    await blocklist.getByRole('button', { name: 'Lagre navn' }).click();
    await expect(blocklist.getByLabel('Numre, ett per linje')).toBeVisible();
    await page.goto(server.url('demo-crm.html'));
    await focusPage(page);
    await waitForMark(page, '55 12 34 56');
    await clickMark(page, '55 12 34 56');
    await expect(card(page)).toContainText('Ikke sperret');
    await expect(card(page).getByRole('button', { name: 'Sperr — kunden vil ikke bli ringt' })).toBeVisible();
    const p1 = await shoot(page, 'light-unblocked-nb', '55 12 34 56', HIGHLIGHT.number);
    await card(page).getByRole('button', { name: 'Sperr — kunden vil ikke bli ringt' }).click();
    await expect(card(page)).toHaveAttribute('data-status', 'blocked');
    await expect(card(page)).toContainText('Sperret — ikke ring');
    await expect(card(page)).toContainText(/Sperret siden \d\d\.\d\d\.\d{4} av Kari Tester/);
    await expect(card(page)).toContainText('Alle oppdragsgivere');
    const p2 = await shoot(page, 'light-blocked-nb', '55 12 34 56', HIGHLIGHT.blocked);

    await page.goto(server.url('dark-crm.html'));
    await waitForMark(page, '22 33 44 55');
    await clickMark(page, '22 33 44 55');
    const p3 = await shoot(page, 'dark-unblocked-nb', '22 33 44 55', HIGHLIGHT.number);
    expect([...p1, ...p2, ...p3]).toEqual([]);
  });
});
