/**
 * Playwright fixtures for Kontaktvern end-to-end tests.
 *
 *   import { test, expect, highlightTexts, waitForScan, HIGHLIGHT } from './fixtures';
 *
 *   test('marks a number', async ({ page, server }) => {
 *     await page.goto(server.url('places.html'));
 *     await waitForScan(page);
 *     expect(await highlightTexts(page, HIGHLIGHT.number)).toContain('412 34 567');
 *   });
 *
 * Every test gets a fresh Chromium with a fresh profile and the built extension
 * (`.output/chrome-mv3`, or $KV_EXTENSION_PATH) loaded; build first with `npx wxt build`.
 * Norwegian browser UI: `test.use({ uiLocale: 'nb' })`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Frame, type Page, type Worker } from '@playwright/test';
import { startServer, type StaticServer } from '../../scripts/serve.mjs';
import {
  BROWSER_BACKGROUND_HOSTS,
  extensionIdFromUrl,
  extensionPath as defaultExtensionPath,
  findServiceWorker,
  launchExtensionContext,
  missingLocaleWarning,
  startBlackholeProxy,
  type ProxiedRequest,
  type UiLocale,
} from '../../scripts/browser.mjs';

export { expect };
export type { StaticServer, UiLocale, ProxiedRequest };

/** Names of the contracts the extension honours (see the e2e brief). */
export const HIGHLIGHT = { number: 'kontaktvern-number', blocked: 'kontaktvern-blocked' } as const;
export type HighlightName = (typeof HIGHLIGHT)[keyof typeof HIGHLIGHT];
export const SCAN_MEASURE = 'kontaktvern:scan';
export const MARK_START = 'kontaktvern:start';
export const MARK_FIRST_MARKS = 'kontaktvern:first-marks';
export const OVERLAY_TAG = 'kontaktvern-overlay';

/** Something that can run script in a document: a Page (main frame) or a Frame. */
export type DocTarget = Page | Frame;

// ---------------------------------------------------------------------------
// Network log
// ---------------------------------------------------------------------------

export interface NetworkEntry {
  url: string;
  method: string;
  resourceType: string;
  /** true when the extension's (or any) service worker made the request */
  fromServiceWorker: boolean;
  serviceWorkerUrl: string | null;
  /** URL of the frame that made it, when known */
  frameUrl: string | null;
  isNavigation: boolean;
  time: number;
}

export interface NetworkLog {
  /** every request the browser context reported: pages, frames, and service workers */
  readonly entries: NetworkEntry[];
  /**
   * every request that tried to leave the machine, as seen by a black-hole proxy the
   * browser is launched with (loopback bypasses it). Catches requests made before
   * listeners were attached, too. Includes Chromium's own background traffic to
   * Google hosts — use `unexpectedProxied()` to drop those.
   */
  readonly proxied: ProxiedRequest[];
  /**
   * entries that are not to the fixture server (any of its origins) nor to
   * chrome-extension:, data:, blob:, about:, chrome: URLs, nor matched by `allow`.
   */
  unexpected(allow?: Array<string | RegExp>): NetworkEntry[];
  /** `proxied` minus Chromium's own background hosts and `allow` */
  unexpectedProxied(allow?: Array<string | RegExp>): ProxiedRequest[];
  /** entries made by a service worker (the extension background) */
  fromServiceWorker(): NetworkEntry[];
  clear(): void;
}

const INTERNAL_SCHEMES = ['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:', 'chrome-untrusted:'];

function matches(value: string, allow: Array<string | RegExp>): boolean {
  return allow.some((a) => (typeof a === 'string' ? value.startsWith(a) : a.test(value)));
}

// ---------------------------------------------------------------------------
// Fixture types
// ---------------------------------------------------------------------------

export interface KontaktvernTestFixtures {
  /** Browser UI language: 'en' (default) or 'nb'. Option: `test.use({ uiLocale: 'nb' })`. */
  uiLocale: UiLocale;
  /**
   * Option: ms to wait after the service worker starts before the test runs (default 600).
   * On install the background injects content scripts into open http(s) tabs; a page
   * navigated in that window gets two content-script instances (the first one stops).
   * Set 0 to test exactly that race.
   */
  extensionSettleMs: number;
  /** Persistent Chromium context with the extension loaded (fresh profile per test). */
  context: BrowserContext;
  /** The context's first tab. */
  page: Page;
  /** The extension's background service worker, for `background.evaluate(...)`. */
  background: Worker;
  /** 32-letter extension id. */
  extensionId: string;
  /** Open `chrome-extension://<id>/<path>` in a new tab, e.g. 'sidepanel.html'. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** Every request made in the context (attach before navigating: it is set up with the context). */
  networkLog: NetworkLog;
}

export interface KontaktvernWorkerFixtures {
  /** Static server for tests/e2e/pages on 127.0.0.1 (random port) plus a second origin. */
  server: StaticServer;
  /** Absolute path of the unpacked extension. Option; default $KV_EXTENSION_PATH or .output/chrome-mv3. */
  extensionPath: string;
}

type NetworkLogInternals = NetworkLog & { _record(entry: NetworkEntry): void; _proxyServer: string };

export const test = base.extend<KontaktvernTestFixtures, KontaktvernWorkerFixtures>({
  extensionPath: [defaultExtensionPath(), { option: true, scope: 'worker' }],
  uiLocale: ['en', { option: true }],
  extensionSettleMs: [600, { option: true }],

  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  networkLog: async ({ server }, use) => {
    const proxy = await startBlackholeProxy();
    const entries: NetworkEntry[] = [];
    const log: NetworkLogInternals = {
      entries,
      proxied: proxy.log,
      _proxyServer: proxy.server,
      _record: (e) => entries.push(e),
      unexpected: (allow = []) =>
        entries.filter(
          (e) =>
            !INTERNAL_SCHEMES.some((s) => e.url.startsWith(s)) &&
            !server.origins.some((o) => e.url === o || e.url.startsWith(o + '/')) &&
            !matches(e.url, allow),
        ),
      unexpectedProxied: (allow = []) =>
        proxy.log.filter((p) => !BROWSER_BACKGROUND_HOSTS.some((re) => re.test(p.host)) && !matches(p.target, allow)),
      fromServiceWorker: () => entries.filter((e) => e.fromServiceWorker),
      clear: () => {
        entries.length = 0;
        proxy.log.length = 0;
      },
    };
    await use(log);
    await proxy.close();
  },

  context: async ({ playwright, headless, extensionPath, uiLocale, networkLog, extensionSettleMs }, use) => {
    const warning = missingLocaleWarning(uiLocale);
    if (warning) throw new Error(warning);
    const internals = networkLog as NetworkLogInternals;
    const context = await launchExtensionContext(playwright.chromium, {
      extension: extensionPath,
      uiLocale,
      headless,
      proxy: { server: internals._proxyServer, bypass: '<loopback>' },
    });
    context.on('request', (req) => {
      const sw = req.serviceWorker();
      let frameUrl: string | null = null;
      if (!sw) {
        try {
          frameUrl = req.frame().url();
        } catch {
          frameUrl = null;
        }
      }
      internals._record({
        url: req.url(),
        method: req.method(),
        resourceType: req.resourceType(),
        fromServiceWorker: Boolean(sw),
        serviceWorkerUrl: sw ? sw.url() : null,
        frameUrl,
        isNavigation: req.isNavigationRequest(),
        time: Date.now(),
      });
    });
    if (extensionSettleMs > 0) {
      await findServiceWorker(context);
      await new Promise((resolve) => setTimeout(resolve, extensionSettleMs));
    }
    await use(context);
    await context.close();
  },

  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },

  background: async ({ context }, use) => {
    await use(await findServiceWorker(context));
  },

  extensionId: async ({ background }, use) => {
    await use(extensionIdFromUrl(background.url()));
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (pagePath: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\/+/, '')}`);
      return page;
    });
  },
});

// ---------------------------------------------------------------------------
// Helpers (plain functions; pass a Page or a Frame)
// ---------------------------------------------------------------------------

/** Sorted `range.toString()` of every range in highlight `name` of this document ([] if none). */
export async function highlightTexts(target: DocTarget, name: string): Promise<string[]> {
  return target.evaluate((n) => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get(n);
    if (!h) return [];
    return [...h].map((r) => (r instanceof Range ? r.toString() : rangeText(r))).sort();
    function rangeText(r: AbstractRange): string {
      // StaticRange: convert when still valid
      try {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      } catch {
        return '';
      }
    }
  }, name);
}

/** Names registered in `CSS.highlights` of this document. */
export async function highlightNames(target: DocTarget): Promise<string[]> {
  return target.evaluate(() => {
    const reg = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    return reg ? [...reg.keys()].sort() : [];
  });
}

export interface ScanMeasure {
  /** ms since the document's time origin */
  startTime: number;
  duration: number;
  numbers: number | null;
  blocked: number | null;
}

/** All `kontaktvern:scan` measures of this document, oldest first. */
export async function scanMeasures(target: DocTarget): Promise<ScanMeasure[]> {
  return target.evaluate((name) => {
    return performance.getEntriesByName(name).map((e) => {
      const detail = (e as PerformanceMeasure).detail as { numbers?: unknown; blocked?: unknown } | null;
      return {
        startTime: e.startTime,
        duration: e.duration,
        numbers: typeof detail?.numbers === 'number' ? detail.numbers : null,
        blocked: typeof detail?.blocked === 'number' ? detail.blocked : null,
      };
    });
  }, SCAN_MEASURE);
}

/** How many scan passes have completed in this document. */
export async function scanCount(target: DocTarget): Promise<number> {
  return target.evaluate((name) => performance.getEntriesByName(name).length, SCAN_MEASURE);
}

/**
 * Wait until a scan pass has completed, and return the newest one.
 * `after`: wait for more than this many passes (take it from `scanCount()` before
 * causing a change, to wait for the re-scan).
 */
export async function waitForScan(
  target: DocTarget,
  options: { after?: number; timeout?: number } = {},
): Promise<ScanMeasure> {
  const after = options.after ?? 0;
  try {
    await target.waitForFunction(
      ([name, n]) => performance.getEntriesByName(name as string).length > (n as number),
      [SCAN_MEASURE, after] as const,
      { timeout: options.timeout ?? 10_000, polling: 50 },
    );
  } catch (err) {
    throw new Error(
      `No '${SCAN_MEASURE}' measure (more than ${after}) appeared in ${target.url()}: ` +
        `is the content script built and matching this page? (${(err as Error).message.split('\n')[0]})`,
    );
  }
  const all = await scanMeasures(target);
  return all[all.length - 1]!;
}

/** A performance mark's startTime in this document, or null. */
export async function markTime(target: DocTarget, name: string): Promise<number | null> {
  return target.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);
}

export interface OverlayInfo {
  /** a <kontaktvern-overlay> element exists in the top document */
  present: boolean;
  /** how many <kontaktvern-overlay> elements */
  count: number;
  shadowMode: 'open' | 'closed' | 'user-agent' | null;
  /** text of every [role=alert] inside the overlay's shadow root, in document order */
  alerts: string[];
  /** all text inside the shadow root */
  text: string;
}

type CdpNode = {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: Array<CdpNode & { shadowRootType?: 'open' | 'closed' | 'user-agent' }>;
  contentDocument?: CdpNode;
};

/**
 * Inspect `<kontaktvern-overlay>` through the DevTools protocol, which sees closed
 * shadow roots too (page scripts and Playwright locators cannot).
 */
export async function overlayInfo(page: Page): Promise<OverlayInfo> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: CdpNode };
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: OVERLAY_TAG })) as {
      nodeIds: number[];
    };
    const info: OverlayInfo = { present: nodeIds.length > 0, count: nodeIds.length, shadowMode: null, alerts: [], text: '' };
    if (!nodeIds.length) return info;
    const { node } = (await cdp.send('DOM.describeNode', { nodeId: nodeIds[0]!, depth: -1, pierce: true })) as {
      node: CdpNode;
    };
    const sr = node.shadowRoots?.[0];
    if (!sr) return info;
    info.shadowMode = sr.shadowRootType ?? null;
    const textOf = (n: CdpNode): string => {
      if (n.nodeType === 3) return n.nodeValue ?? '';
      if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return '';
      return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
    };
    const walk = (n: CdpNode) => {
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === 'role' && attrs[i + 1] === 'alert') info.alerts.push(textOf(n).replace(/\s+/g, ' ').trim());
      }
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    walk(sr);
    info.text = textOf(sr).replace(/\s+/g, ' ').trim();
    return info;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The extension's current service worker (it may have been restarted since the test began). */
export async function currentBackground(context: BrowserContext): Promise<Worker> {
  return findServiceWorker(context);
}

/** HTML pages present in the built extension (e.g. ['popup.html', 'sidepanel.html']). */
export function builtExtensionPages(extPath: string = defaultExtensionPath()): string[] {
  if (!fs.existsSync(extPath)) return [];
  return fs
    .readdirSync(extPath)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** Absolute path of a fixture page (for reading it from Node). */
export function fixturePagePath(name: string): string {
  return path.join(path.dirname(new URL(import.meta.url).pathname), 'pages', name);
}
