// Launching Chromium with the built Kontaktvern extension: one place for the
// flags, shared by tests/e2e/fixtures.ts, scripts/demo.mjs and scripts/bench.mjs.
//
// Facts about this machine's Debian Chromium (v156), found by experiment:
// - `headless: true` (Playwright passes `--headless`, which is the *new* headless
//   mode since Chrome 132) loads unpacked extensions: service worker, content
//   scripts in all frames, chrome-extension:// pages all work. No `--headless=new`
//   trick is needed.
// - Playwright adds `--disable-extensions` to its default args; `--disable-extensions-except`
//   wins over it on v156 anyway, but we drop it (ignoreDefaultArgs) to be safe.
// - The UI language (chrome.i18n.getUILanguage(), extension _locales) follows the
//   LANGUAGE environment variable on Linux; `--lang` alone has no effect. A locale
//   other than en-US also needs its .pak file: Debian ships them in `chromium-l10n`
//   (/usr/lib/chromium/locales/nb.pak). Without it Chromium silently falls back to en-US.
// - /usr/bin/chromium is a shell wrapper that sources /etc/chromium.d/* and then
//   exec's /usr/lib/chromium/chromium; our flags come last and win.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { REPO_ROOT } from './serve.mjs';

export const DEFAULT_EXTENSION_PATH = path.join(REPO_ROOT, '.output', 'chrome-mv3');

/** Chromium executable: $CHROMIUM_PATH or Debian's /usr/bin/chromium. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Absolute path of the unpacked extension: $KV_EXTENSION_PATH or .output/chrome-mv3. */
export function extensionPath() {
  return path.resolve(process.env.KV_EXTENSION_PATH || DEFAULT_EXTENSION_PATH);
}

/** Throws a readable error when the extension has not been built. */
export function assertExtensionBuilt(extPath = extensionPath()) {
  const manifest = path.join(extPath, 'manifest.json');
  if (!fs.existsSync(manifest)) {
    throw new Error(`Kontaktvern is not built: ${manifest} is missing. Run \`npx wxt build\` (or \`npm run build\`) first.`);
  }
  return JSON.parse(fs.readFileSync(manifest, 'utf8'));
}

/** Throws a readable error when the Chromium executable is missing. */
export function assertChromium(executable = chromiumPath()) {
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}. Install it with \`apt-get install -y chromium chromium-l10n\` ` +
        'or point CHROMIUM_PATH at a Chromium binary (no Playwright browser downloads on this machine).',
    );
  }
}

/**
 * Warning text when the .pak for a UI locale is missing (Debian: chromium-l10n), else null.
 * @param {string} uiLocale e.g. 'nb'
 */
export function missingLocaleWarning(uiLocale, executable = chromiumPath()) {
  if (uiLocale.startsWith('en')) return null;
  let real = executable;
  try {
    real = fs.realpathSync(executable);
  } catch {
    return null;
  }
  const candidates = [path.join(path.dirname(real), 'locales'), '/usr/lib/chromium/locales'];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'en-US.pak')));
  if (!dir) return null;
  if (fs.existsSync(path.join(dir, `${uiLocale}.pak`))) return null;
  return `Chromium has no ${uiLocale}.pak in ${dir}: the browser UI language would fall back to en-US. Install it with \`apt-get install -y chromium-l10n\`.`;
}

/**
 * Browser UI language settings.
 * @param {'en' | 'nb'} uiLocale
 */
export function localeSettings(uiLocale = 'en') {
  if (uiLocale === 'nb') {
    return { args: ['--lang=nb'], env: { LANGUAGE: 'nb' }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' };
  }
  return { args: ['--lang=en-US'], env: { LANGUAGE: 'en' }, locale: 'en-US', timezoneId: 'Europe/Oslo' };
}

/** Flags that keep Chromium quiet and load (only) our extension. */
export function chromiumArgs({ extension = extensionPath(), uiLocale = 'en', extra = [] } = {}) {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    ...localeSettings(uiLocale).args,
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  return [...args, ...extra];
}

/**
 * Launch a persistent context (extensions need one) with the extension loaded.
 * @param {import('@playwright/test').BrowserType} chromium
 * @param {object} [opts]
 * @param {string | false} [opts.extension] path of the unpacked extension, or false for none
 * @param {'en' | 'nb'} [opts.uiLocale]
 * @param {boolean} [opts.headless]
 * @param {string} [opts.userDataDir] '' = fresh temporary profile
 * @param {string[]} [opts.args] extra Chromium flags
 * @param {{server: string, bypass?: string}} [opts.proxy]
 * @param {object} [opts.contextOptions] more launchPersistentContext options (viewport, …)
 */
export async function launchExtensionContext(chromium, opts = {}) {
  const extension = opts.extension === undefined ? extensionPath() : opts.extension;
  if (extension) assertExtensionBuilt(extension);
  const executablePath = chromiumPath();
  assertChromium(executablePath);
  const uiLocale = opts.uiLocale ?? 'en';
  const loc = localeSettings(uiLocale);
  return chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath,
    headless: opts.headless ?? true,
    args: chromiumArgs({ extension: extension || '', uiLocale, extra: opts.args ?? [] }),
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    env: { ...process.env, ...loc.env },
    locale: loc.locale,
    timezoneId: loc.timezoneId,
    ...(opts.proxy ? { proxy: opts.proxy } : {}),
    ...(opts.contextOptions ?? {}),
  });
}

/** `chrome-extension://ID/...` -> ID */
export function extensionIdFromUrl(url) {
  const m = /^chrome-extension:\/\/([a-p]{32})\//.exec(url);
  if (!m) throw new Error(`Not an extension URL: ${url}`);
  return m[1];
}

/**
 * The extension's service worker (waits for it to register).
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function findServiceWorker(context, timeout = 10_000) {
  const isExt = (w) => w.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExt);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isExt, timeout });
  } catch (err) {
    throw new Error(
      `The extension's service worker did not start within ${timeout} ms. Is the build complete ` +
        '(a concurrent `wxt build` rewrites .output/chrome-mv3), and does background.js run without ' +
        `throwing? (${String(err).split('\n')[0]})`,
    );
  }
}

/**
 * An HTTP proxy that records and refuses every request sent to it. Launch the browser
 * with `proxy: { server: proxy.server, bypass: '<loopback>' }`: loopback (our fixture
 * servers) goes direct, everything else ends here, so nothing escapes and every
 * attempt (including ones made before Playwright listeners are attached) is logged.
 * Chromium itself still contacts a few Google hosts (updater, accounts) in the
 * background; see BROWSER_BACKGROUND_HOSTS.
 */
export async function startBlackholeProxy() {
  /** @type {Array<{method: string, target: string, host: string, time: number}>} */
  const log = [];
  const hostOf = (t) => {
    try {
      return t.includes('://') ? new URL(t).hostname : t.replace(/:\d+$/, '');
    } catch {
      return t;
    }
  };
  const srv = http.createServer((req, res) => {
    log.push({ method: req.method ?? '', target: req.url ?? '', host: hostOf(req.url ?? ''), time: Date.now() });
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('Blocked by the Kontaktvern test proxy');
  });
  srv.on('connect', (req, sock) => {
    log.push({ method: 'CONNECT', target: req.url ?? '', host: hostOf(req.url ?? ''), time: Date.now() });
    sock.on('error', () => {});
    sock.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  const sockets = new Set();
  srv.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(undefined)));
  const addr = srv.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    server: `http://127.0.0.1:${port}`,
    log,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => srv.close(() => r(undefined)));
    },
  };
}

/** Hosts Chromium contacts by itself even with background networking disabled. */
export const BROWSER_BACKGROUND_HOSTS = [
  /(^|\.)googleapis\.com$/,
  /(^|\.)google\.com$/,
  /(^|\.)gvt1\.com$/,
  /(^|\.)gstatic\.com$/,
  /(^|\.)googleusercontent\.com$/,
];

/** A fresh temporary profile directory (caller removes it with removeDir). */
export function tempProfileDir(prefix = 'kontaktvern-profile-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* ignore */
  }
}
