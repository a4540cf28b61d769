/**
 * Helpers for register-import.spec.ts: generated register files, importing
 * through the block-list page, and stopping the extension's service worker.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, highlightTexts, HIGHLIGHT } from './fixtures';

/** Numbers on pages/register.html (see the comment there). */
export const REGISTER_PAGE = {
  both: { nsn: 41234567, text: '412 34 567' },
  dropped: { nsn: 98765432, text: '987 65 432' },
  added: { nsn: 22123456, text: '22 12 34 56' },
  optOut: { nsn: 90011223, text: '900 11 223', spelling: '900 11 223' },
  free: { nsn: 45566778, text: '455 66 778' },
} as const;

/** The nth filler number: valid mobile numbers from 43 000 000 up (n < 2 000 000 never collides with the page's). */
export function filler(n: number): number {
  return 43_000_000 + n;
}

/** One number in one of the spellings registers use. */
export function spell(nsn: number, variant: number): string {
  const s = String(nsn);
  switch (variant % 4) {
    case 0:
      return s;
    case 1:
      return `+47 ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`;
    case 2:
      return `0047 ${s}`;
    default:
      return `${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4, 6)} ${s.slice(6)}`;
  }
}

export interface RegisterFileSpec {
  /** Filler numbers 0..fillers-1. */
  fillers: number;
  /** Extra numbers (8-digit national numbers) placed through the file. */
  extra: number[];
  /** Lines that are not numbers, inserted every `rejectEvery` lines (0: none). */
  rejectEvery?: number;
  /** Semicolon CSV with a header `Kundenr;Telefon;Postnr` (default) or one number per line. */
  csv?: boolean;
  crlf?: boolean;
}

/** Writes a register file; returns its path and the line numbers (1-based, header included) of the junk lines. */
export function writeRegisterFile(path: string, spec: RegisterFileSpec): { path: string; lines: number; rejectedLines: number[] } {
  const csv = spec.csv ?? true;
  const eol = spec.crlf ? '\r\n' : '\n';
  const out: string[] = [];
  const rejectedLines: number[] = [];
  if (csv) out.push('Kundenr;Telefon;Postnr');
  const total = spec.fillers + spec.extra.length;
  const every = Math.max(1, Math.floor(total / Math.max(1, spec.extra.length + 1)));
  let extra = 0;
  let filled = 0;
  for (let i = 0; filled < spec.fillers || extra < spec.extra.length; i++) {
    if (spec.rejectEvery && i > 0 && i % spec.rejectEvery === 0) {
      out.push(csv ? `${100000 + i};ring ikke før kl. 10;0150` : 'ring ikke før kl. 10');
      rejectedLines.push(out.length);
    }
    const nsn = extra < spec.extra.length && (i % every === every - 1 || filled >= spec.fillers) ? (spec.extra[extra++] as number) : filler(filled++);
    out.push(csv ? `${100000 + i};${spell(nsn, i)};0${150 + (i % 800)}` : spell(nsn, i));
  }
  fs.writeFileSync(path, out.join(eol) + eol);
  return { path, lines: out.length, rejectedLines };
}

/**
 * A large one-number-per-line file (fast to write), for imports that must still be
 * running when the test acts: fillers 0..count-1, written `copies` times, then `extra`.
 */
export function writeBigRegisterFile(path: string, count: number, extra: number[] = [], copies = 1): string {
  const fd = fs.openSync(path, 'w');
  try {
    const step = 100_000;
    for (let copy = 0; copy < copies; copy++) {
      for (let start = 0; start < count; start += step) {
        let chunk = '';
        for (let i = start; i < Math.min(count, start + step); i++) chunk += `${filler(i)}\n`;
        fs.writeSync(fd, chunk);
      }
    }
    if (extra.length) fs.writeSync(fd, extra.map((n) => `${n}\n`).join(''));
  } finally {
    fs.closeSync(fd);
  }
  return path;
}

/** `bytes` of printable junk in lines of 20–100 characters: passes as text, holds no number. */
export function writeGarbageFile(path: string, bytes: number): string {
  const fd = fs.openSync(path, 'w');
  try {
    const block = 1 << 20;
    for (let written = 0; written < bytes; written += block) {
      const raw = crypto.randomBytes(Math.min(block, bytes - written));
      let nextBreak = 20 + (raw[0]! % 80);
      for (let i = 0; i < raw.length; i++) {
        if (i === nextBreak) {
          raw[i] = 0x0a;
          nextBreak = i + 21 + (raw[i - 1]! % 80);
        } else {
          // Letters and punctuation only (no digits, no quotes): every line is "text".
          const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZæøåÆØÅ .,:!?#%&/()*_';
          raw[i] = letters.charCodeAt(raw[i]! % 58) & 0x7f || 0x61;
        }
      }
      fs.writeSync(fd, raw);
    }
  } finally {
    fs.closeSync(fd);
  }
  return path;
}

/** Blocks numbers as customer opt-outs through the open block-list page's form. */
export async function blockOnPage(admin: Page, numbers: string[], reason = 'Kunden ba om ikke å bli ringt'): Promise<void> {
  await admin.getByLabel(/numbers, one per line/i).fill(numbers.join('\n'));
  await admin.getByLabel(/reason \(required\)/i).fill(reason);
  await admin.getByRole('button', { name: /^block numbers$/i }).click();
  await expect(admin.getByTestId('add-outcome')).toBeVisible();
}

/** The register-import card of the block-list page. */
export function registerCard(page: Page): Locator {
  return page.getByTestId('register-import');
}

/** Chooses a register file and waits for the preview (or an immediate refusal). */
export async function chooseRegisterFile(page: Page, path: string): Promise<void> {
  await page.getByLabel('Register file', { exact: true }).setInputFiles(path);
  await expect(page.getByTestId('register-preview').or(page.getByTestId('register-result'))).toBeVisible();
}

/**
 * Records, inside the page, every state the register progress bar shows
 * (value and text), so a fast import cannot slip past the test.
 */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { value: number | null; text: string }[] = [];
    (window as unknown as { __progressSeen: typeof seen }).__progressSeen = seen;
    const record = () => {
      const box = document.querySelector('[data-testid="register-progress"]');
      if (!box) return;
      const bar = box.querySelector('progress');
      const text = box.querySelector('[data-testid="register-progress-text"]')?.textContent ?? '';
      const value = bar && bar.hasAttribute('value') ? bar.value : null;
      const last = seen[seen.length - 1];
      if (!last || last.value !== value || last.text !== text) seen.push({ value, text });
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export async function progressSeen(page: Page): Promise<{ value: number | null; text: string }[]> {
  return page.evaluate(() => (window as unknown as { __progressSeen?: { value: number | null; text: string }[] }).__progressSeen ?? []);
}

/** Starts the import of the chosen file with this snapshot date (YYYY-MM-DD). */
export async function startRegisterImport(page: Page, snapshotDate: string): Promise<void> {
  await page.getByLabel(/snapshot date/i).fill(snapshotDate);
  await page.getByRole('button', { name: /import and replace the register/i }).click();
}

/** Chooses, imports and waits for the outcome; returns the result box. */
export async function importRegisterFile(page: Page, path: string, snapshotDate: string, timeout = 60_000): Promise<Locator> {
  await chooseRegisterFile(page, path);
  await startRegisterImport(page, snapshotDate);
  const result = page.getByTestId('register-result');
  await expect(result).toBeVisible({ timeout });
  return result;
}

/** Back to the file input after a result. */
export async function importAnother(page: Page): Promise<void> {
  await registerCard(page).getByRole('button', { name: /import another file/i }).click();
}

/** Waits until the page's blocked highlight is exactly `texts` (sorted). */
export async function expectBlocked(page: Page, texts: string[], timeout = 10_000): Promise<void> {
  await expect.poll(() => highlightTexts(page, HIGHLIGHT.blocked), { timeout }).toEqual([...texts].sort());
}

/** Waits until the content script has marked all five numbers of pages/register.html (as numbers or blocked). */
export async function waitForRegisterPage(page: Page, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await highlightTexts(page, HIGHLIGHT.number)).length + (await highlightTexts(page, HIGHLIGHT.blocked)).length, { timeout })
    .toBe(5);
}

/**
 * Stops every service worker of the profile (the extension's background) through the
 * DevTools protocol, and waits until DevTools reports them stopped. (Playwright's
 * Worker 'close' event does not fire for a stopped extension service worker.)
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page, timeout = 5_000): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    type Version = { versionId: string; scriptURL: string; runningStatus: string };
    const status = new Map<string, string>();
    let onUpdate: () => void = () => undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Version[] }) => {
      for (const v of event.versions) if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
      onUpdate();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const allStopped = () => status.size > 0 && [...status.values()].every((s) => s === 'stopped');
    if (!allStopped()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`service workers not stopped after ${timeout} ms: ${JSON.stringify([...status])}`)), timeout);
        onUpdate = () => {
          if (allStopped()) {
            clearTimeout(timer);
            resolve();
          }
        };
      });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Oslo date `days` before today, YYYY-MM-DD. */
export function osloDaysAgo(days: number): string {
  // Calendar days back from today's Oslo date (not 24-hour steps back from now: across a clock
  // change those can land on the neighbouring date late in the evening).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - days)).toISOString().slice(0, 10);
}

/** 28/11/2026 (the en-GB date the page shows) for YYYY-MM-DD. */
export function enDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
