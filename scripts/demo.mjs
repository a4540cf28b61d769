#!/usr/bin/env node
// `npm start`: build (done by the npm script), then open Chromium with Kontaktvern
// loaded on the demo CRM page, in a fresh temporary profile. Ctrl+C to stop.
//
//   node scripts/demo.mjs [--page=places.html] [--nb] [--headless] [--screenshot=FILE] [--keep]
//
// Without a display (no $DISPLAY / $WAYLAND_DISPLAY) it says so, and falls back to
// headless Chromium: it waits for Kontaktvern's first scan, saves a full-page
// screenshot (demo-screenshot.png) and prints its path. Run headed on a server with
// `xvfb-run -a npm start` (apt-get install xvfb).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startServer, REPO_ROOT } from './serve.mjs';
import {
  assertChromium,
  assertExtensionBuilt,
  chromiumArgs,
  chromiumPath,
  extensionPath,
  findServiceWorker,
  launchExtensionContext,
  localeSettings,
  missingLocaleWarning,
  removeDir,
  tempProfileDir,
} from './browser.mjs';

function parseArgs(argv) {
  const o = {};
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m) o[m[1]] = m[2] ?? true;
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.help) {
  console.log('usage: node scripts/demo.mjs [--page=demo-crm.html] [--nb] [--headless] [--screenshot=FILE] [--keep]');
  process.exit(0);
}
const pageName = typeof opts.page === 'string' ? opts.page : 'demo-crm.html';
const uiLocale = opts.nb ? 'nb' : 'en';
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = !!opts.headless || !hasDisplay;

try {
  assertChromium();
  assertExtensionBuilt();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const localeWarning = missingLocaleWarning(uiLocale);
if (localeWarning) console.warn(`Note: ${localeWarning}`);

const server = await startServer();
const url = server.url(pageName);
let cleanup = async () => {
  await server.close();
};
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  try {
    await cleanup();
  } finally {
    process.exit(code);
  }
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

console.log(`Kontaktvern demo
  extension: ${extensionPath()}
  chromium:  ${chromiumPath()}
  page:      ${url}
  all test pages: ${server.url('index.html')}`);

if (!headless) {
  // Headed: plain Chromium process (no automation banner), fresh profile.
  const profile = tempProfileDir('kontaktvern-demo-');
  const loc = localeSettings(uiLocale);
  const args = [...chromiumArgs({ uiLocale }), `--user-data-dir=${profile}`, '--new-window', '--window-size=1440,1000', url];
  const child = spawn(chromiumPath(), args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...loc.env } });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  cleanup = async () => {
    if (child.exitCode === null && child.pid) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          child.kill('SIGKILL');
          r(undefined);
        }, 3000);
        child.once('exit', () => {
          clearTimeout(t);
          r(undefined);
        });
      });
    }
    removeDir(profile);
    await server.close();
  };
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (code && !signal) console.error(`Chromium exited with code ${code}.\n${stderr}`);
    else console.log('Chromium closed.');
    void stop(code && !signal ? 1 : 0);
  });
  console.log(`\nChromium is open with Kontaktvern (profile ${profile}). Press Ctrl+C to stop.`);
} else {
  if (!hasDisplay && !opts.headless) {
    console.log(
      '\nNo display found ($DISPLAY is not set), so Chromium cannot open a window here.\n' +
        '  To see it live on this machine: apt-get install -y xvfb && xvfb-run -a npm start\n' +
        '  (or run `npm start` on a desktop). Falling back to headless Chromium and a screenshot.',
    );
  }
  const file = path.resolve(REPO_ROOT, typeof opts.screenshot === 'string' ? opts.screenshot : 'demo-screenshot.png');
  const context = await launchExtensionContext(chromium, {
    headless: true,
    uiLocale,
    contextOptions: { viewport: { width: 1440, height: 1000 } },
  });
  cleanup = async () => {
    await context.close().catch(() => {});
    await server.close();
  };
  try {
    await findServiceWorker(context).catch((e) => console.warn(`Warning: ${e.message}`));
    await new Promise((r) => setTimeout(r, 600)); // let install-time work finish
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const scanned = await page
      .waitForFunction(() => performance.getEntriesByName('kontaktvern:scan').length > 0, null, { timeout: 15_000 })
      .then(() => true, () => false);
    const info = await page.evaluate(() => {
      const m = performance.getEntriesByName('kontaktvern:scan')[0];
      const size = (n) => CSS.highlights?.get(n)?.size ?? 0;
      return { ms: m?.duration ?? null, detail: m?.detail ?? null, number: size('kontaktvern-number'), blocked: size('kontaktvern-blocked') };
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: file, fullPage: true });
    if (scanned) {
      console.log(`\nKontaktvern scanned the page in ${info.ms?.toFixed(1)} ms: ${info.number} marked, ${info.blocked} blocked.`);
    } else {
      console.log("\nNo 'kontaktvern:scan' measure within 15 s: the content script may not be built yet; the screenshot shows the page as is.");
    }
    console.log(`Screenshot: ${file}`);
  } catch (err) {
    console.error(err);
    await stop(1);
  }
  if (opts.keep) {
    await context.close();
    cleanup = async () => server.close();
    console.log(`\nServing the test pages at ${server.url('index.html')} until Ctrl+C.`);
  } else {
    await stop(0);
  }
}
