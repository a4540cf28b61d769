/** Helpers for side-panel specs: load a set-up file through the options page, open the panel as a tab, fake the clock. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from '@playwright/test';
import { expect } from './fixtures';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const SETUP_DEMO = path.join(FIXTURES, 'setup-demo.json');
export const SETUP_BROKEN = path.join(FIXTURES, 'setup-broken.json');

type Open = (path: string) => Promise<Page>;

/**
 * Sets the agent name and replaces the set-up with a file through the options page (as an agent
 * loading the team lead's file would). Works in any UI language (ids, not texts).
 */
export async function loadSetup(openExtensionPage: Open, file = SETUP_DEMO, agent = 'Kari Tester'): Promise<void> {
  const blocklist = await openExtensionPage('blocklist.html');
  await blocklist.locator('#agent-name').fill(agent);
  await blocklist.locator('#agent-name').press('Enter');
  await expect(blocklist.locator('#agent-name')).toHaveCount(0);
  await blocklist.close();
  const options = await openExtensionPage('options.html');
  await options.locator('#setup-file').setInputFiles(file);
  await options.getByTestId('setup-import-confirm').getByRole('button').first().click();
  await expect(options.getByTestId('setup-import-summary')).toBeVisible();
  await options.close();
}

/** Opens the side panel as an extension page in a tab and chooses a campaign by name. */
export async function openPanel(openExtensionPage: Open, campaign: string | null): Promise<Page> {
  const panel = await openExtensionPage('sidepanel.html');
  await expect(panel.getByRole('heading', { name: 'Log the call' })).toBeVisible();
  if (campaign) {
    await panel.getByLabel('Campaign', { exact: true }).selectOption({ label: campaign });
    await expect(panel.getByText(/^Client: /)).toBeVisible();
  }
  return panel;
}

/** Europe/Oslo wall-clock time as an instant (November–March: UTC+1; April–October: UTC+2). */
export function oslo(isoLocal: string): number {
  const month = Number(isoLocal.slice(5, 7));
  const offset = month >= 4 && month <= 10 ? '+02:00' : '+01:00';
  return Date.parse(`${isoLocal}${offset}`);
}

/** Sets the background's clock (every view takes its time from there); null restores it. */
export async function setClock(background: Worker, at: number | null): Promise<void> {
  await background.evaluate(async (value) => {
    const hooks = (globalThis as unknown as { kontaktvernTestHooks: { setClock: (v: number | null) => Promise<void> } }).kontaktvernTestHooks;
    await hooks.setClock(value);
  }, at);
}
