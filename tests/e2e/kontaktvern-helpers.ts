/** Product-level helpers for specs: set the agent name, block numbers through the real block-list page. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function setAgentName(openExtensionPage: (path: string) => Promise<Page>, name = 'Kari Tester'): Promise<Page> {
  const page = await openExtensionPage('blocklist.html');
  await page.getByLabel(/your name/i).fill(name);
  await page.getByRole('button', { name: /save name/i }).click();
  await expect(page.getByLabel(/numbers, one per line/i)).toBeVisible();
  return page;
}

/** Blocks numbers through the block-list page (agent name set first). Returns the page, still open. */
export async function blockThroughPage(
  openExtensionPage: (path: string) => Promise<Page>,
  numbers: string[],
  reason = 'Kunden ba om ikke å bli ringt',
): Promise<Page> {
  const page = await setAgentName(openExtensionPage);
  await page.getByLabel(/numbers, one per line/i).fill(numbers.join('\n'));
  await page.getByLabel(/reason \(required\)/i).fill(reason);
  await page.getByRole('button', { name: /^block numbers$/i }).click();
  await expect(page.getByTestId('add-outcome')).toBeVisible();
  return page;
}

/** The rectangle centre of the first marked range whose text is `text`, in viewport coordinates. */
export async function markCentre(page: Page, highlight: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([name, wanted]) => {
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        if (r.toString() === wanted) {
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      return null;
    },
    [highlight, text] as const,
  );
  if (!point) throw new Error(`no ${highlight} range "${text}"`);
  return point;
}
