/**
 * `findPageFields` (entrypoints/content/page-fields.ts) on real pages in plain Chromium: no
 * extension is needed (Vitest here has no DOM environment). The module is bundled with
 * esbuild (wxt's own dependency) into an IIFE exposing `window.KvFields` and added to the
 * page with `addScriptTag`.
 *
 *   npx playwright test tests/e2e/page-fields-dom.spec.ts
 */
import path from 'node:path';
import { build } from 'esbuild';
import { test as base, expect, chromium, type Browser, type Page } from '@playwright/test';
import { REPO_ROOT, startServer, type StaticServer } from '../../scripts/serve.mjs';
import { assertChromium, chromiumArgs, chromiumPath } from '../../scripts/browser.mjs';
import type { CatalogRef, PageFieldHit, PageFieldsResult } from '../../entrypoints/content/page-fields';

type KvFieldsModule = typeof import('../../entrypoints/content/page-fields');
type WithKv = { KvFields: KvFieldsModule };

let bundle = '';

const test = base.extend<{ page: Page }, { server: StaticServer; plainBrowser: Browser }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  plainBrowser: [
    async ({}, use) => {
      const executablePath = chromiumPath();
      assertChromium(executablePath);
      const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs({ extension: '' }) });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  page: async ({ plainBrowser }, use) => {
    const context = await plainBrowser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

test.beforeAll(async () => {
  const out = await build({
    entryPoints: [path.join(REPO_ROOT, 'entrypoints/content/page-fields.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'KvFields',
    target: 'chrome120',
    write: false,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  });
  bundle = out.outputFiles[0]!.text;
});

async function open(page: Page, server: StaticServer, name: string): Promise<void> {
  await page.goto(server.url(name));
  await page.waitForLoadState('load');
  await page.addScriptTag({ content: bundle });
}

/** Result plus, per hit key, the elements' ids (or tag names) for highlighting. */
async function run(page: Page, catalogue: CatalogRef[]): Promise<{ result: PageFieldsResult; elements: Record<string, string[]> }> {
  return page.evaluate((cat) => {
    const { result, elements } = (window as unknown as WithKv).KvFields.findPageFields(document, cat);
    const ids: Record<string, string[]> = {};
    for (const [key, els] of elements) ids[key] = els.map((e) => e.id || e.localName);
    return { result, elements: ids };
  }, catalogue);
}

const brief = (hits: PageFieldHit[]) => hits.map((h) => ({ catalogId: h.catalogId, label: h.label, kind: h.kind, via: h.via, count: h.count }));

/** The campaign "Strøm Vest – høstkampanje": what its catalogue documents. */
const STROM_VEST: CatalogRef[] = [
  { id: 'navn', label: 'Navn', selector: '' },
  { id: 'adresse', label: 'Adresse', selector: '' },
  { id: 'tlf', label: 'Tlf', selector: '' }, // the page says "Tlf.": one trailing dot is tolerated
  { id: 'mobil', label: 'Mobil', selector: '[data-field="mobil"]' },
  { id: 'epost', label: 'E-post', selector: '' },
  { id: 'bank', label: 'Bankinnskudd', selector: '' },
  { id: 'fdato', label: 'Fødselsdato', selector: '' },
  { id: 'inntekt', label: 'Inntekt', selector: '' }, // inside <crm-extra>'s open shadow root
  { id: 'produkt', label: 'Produkt', selector: '' }, // a table column
  { id: 'samtykke', label: 'Samtykke', selector: '' }, // not on this page
  { id: 'broken', label: 'Personnr.', selector: '##not a selector' }, // invalid: missing, never a throw
];

test.describe('findPageFields', () => {
  test('fixture CRM page: catalogued fields, missing ones and undocumented personal data', async ({ page, server }) => {
    await open(page, server, 'fields-crm.html');
    const { result, elements } = await run(page, STROM_VEST);

    expect(brief(result.found)).toEqual([
      { catalogId: 'navn', label: 'Navn', kind: 'name', via: 'label', count: 1 },
      { catalogId: 'adresse', label: 'Adresse', kind: 'address', via: 'label', count: 1 },
      { catalogId: 'tlf', label: 'Tlf.', kind: 'phone', via: 'label', count: 1 },
      { catalogId: 'mobil', label: 'Mobil', kind: 'phone', via: 'selector', count: 1 },
      { catalogId: 'epost', label: 'E-post', kind: 'email', via: 'label', count: 1 },
      { catalogId: 'bank', label: 'Bankinnskudd', kind: 'financial', via: 'label', count: 1 },
      { catalogId: 'fdato', label: 'Fødselsdato', kind: 'birth-date', via: 'label', count: 1 },
      { catalogId: 'inntekt', label: 'Inntekt', kind: 'financial', via: 'label', count: 1 },
      { catalogId: 'produkt', label: 'Produkt', kind: null, via: 'label', count: 3 },
    ]);
    expect(result.missing).toEqual(['samtykke', 'broken']);

    // Not catalogued and personal; "Tlf. arbeid" is not "Tlf.". The site banner's switchboard
    // number, the hidden legacy block, Kampanje/Status/Sist kontaktet/Dato/Beløp are not listed.
    expect(brief(result.undocumented).sort((a, b) => a.label.localeCompare(b.label, 'nb'))).toEqual([
      { catalogId: null, label: 'Fornavn', kind: 'name', via: 'label', count: 2 },
      { catalogId: null, label: 'Kontonr.', kind: 'account-number', via: 'label', count: 1 },
      { catalogId: null, label: 'Kredittscore', kind: 'financial', via: 'label', count: 1 },
      { catalogId: null, label: 'Kundenr.', kind: 'customer-id', via: 'label', count: 1 },
      { catalogId: null, label: 'Notater', kind: 'notes', via: 'label', count: 1 },
      { catalogId: null, label: 'Tlf. arbeid', kind: 'phone', via: 'label', count: 1 },
    ]);
    expect(new Set([...result.found, ...result.undocumented].map((h) => h.key)).size).toBe(result.found.length + result.undocumented.length);

    // Elements to highlight: the value elements (table column: its body cells).
    const byCatalogId = (id: string) => elements[result.found.find((h) => h.catalogId === id)!.key];
    expect(byCatalogId('tlf')).toEqual(['card-phone']);
    expect(byCatalogId('mobil')).toEqual(['card-mobile']);
    expect(byCatalogId('fdato')).toEqual(['f-fdato']);
    expect(byCatalogId('inntekt')).toEqual(['v-inntekt']);
    expect(byCatalogId('produkt')).toEqual(['td', 'td', 'td']);
    const byLabel = (label: string) => elements[result.undocumented.find((h) => h.label === label)!.key];
    expect(byLabel('Tlf. arbeid')).toEqual(['f-jobb']);
    expect(byLabel('Kundenr.')).toEqual(['v-kundenr']);
    expect(byLabel('Notater')).toEqual(['f-notater']);
  });

  test('never returns a value (data minimisation)', async ({ page, server }) => {
    await open(page, server, 'fields-crm.html');
    const { result } = await run(page, STROM_VEST);
    const json = JSON.stringify(result);
    for (const value of ['Kari', 'Nordmann', 'Storgata', '55 12', '412 34', '@', 'kr ', '182', '1234.56', '01.01.1990', '48712093', 'fastpris', '612', 'B+', 'Ola']) {
      expect(json).not.toContain(value);
    }
  });

  test('is read-only: no mutation in the document, its shadow root or its iframe', async ({ page, server }) => {
    await open(page, server, 'fields-crm.html');
    const records = await page.evaluate((cat) => {
      const roots: Node[] = [document, document.querySelector('crm-extra')!.shadowRoot!, (document.getElementById('credit') as HTMLIFrameElement).contentDocument!];
      const observers = roots.map((root) => {
        const mo = new MutationObserver(() => {});
        mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        return mo;
      });
      (window as unknown as WithKv).KvFields.findPageFields(document, cat);
      return observers.reduce((n, mo) => n + mo.takeRecords().length, 0);
    }, STROM_VEST);
    expect(records).toBe(0);
  });

  test('skips hidden elements, page chrome and Kontaktvern’s own overlay; selectors reach shadow roots', async ({ page, server }) => {
    await open(page, server, 'fields-crm.html');
    const labelsOf = (r: PageFieldsResult) => r.undocumented.map((h) => h.label);
    let { result } = await run(page, []);
    expect(labelsOf(result)).not.toContain('Fødselsnr.');
    expect(labelsOf(result)).not.toContain('Tlf. sentralbord');

    // The same field, once shown, is found: it was skipped for being hidden.
    await page.evaluate(() => ((document.getElementById('legacy') as HTMLElement).style.display = 'block'));
    ({ result } = await run(page, []));
    expect(labelsOf(result)).toContain('Fødselsnr.');

    // A stand-in for the overlay (the real one has a closed root): never read.
    await page.evaluate(() => {
      const overlay = document.createElement('kontaktvern-overlay');
      overlay.attachShadow({ mode: 'open' }).innerHTML = '<dl><dt>Personnummer</dt><dd>15058549905</dd></dl>';
      overlay.innerHTML = '<dl><dt>Personnummer</dt><dd>15058549905</dd></dl>';
      document.body.append(overlay);
    });
    ({ result } = await run(page, [{ id: 'inntekt', label: 'Inntekt (selector)', selector: '#v-inntekt' }]));
    expect(labelsOf(result)).not.toContain('Personnummer');
    // The selector is matched inside <crm-extra>'s shadow root; its label there is documented by it.
    expect(brief(result.found)).toEqual([{ catalogId: 'inntekt', label: 'Inntekt (selector)', kind: 'financial', via: 'selector', count: 1 }]);
    expect(labelsOf(result)).not.toContain('Inntekt');
  });

  test('cross-origin iframes are skipped without an error', async ({ page, server }) => {
    await open(page, server, 'fields-crm.html');
    await page.evaluate(async (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      document.body.append(frame);
      await loaded;
    }, server.crossOriginUrl('frame-child.html'));
    const { result } = await run(page, STROM_VEST);
    expect(result.found.length).toBe(9);
  });

  test('demo CRM page: contact card, a 30-row customer table, softphone, notes', async ({ page, server }) => {
    await open(page, server, 'demo-crm.html');
    const catalogue: CatalogRef[] = [
      { id: 'navn', label: 'Navn', selector: '' },
      { id: 'tlf', label: 'Tlf.', selector: '' },
      { id: 'telefon', label: 'Telefon', selector: 'td.phone' },
      { id: 'epost', label: 'E-post', selector: '' },
      { id: 'kundenr', label: 'Kundenr.', selector: '' },
    ];
    const { result } = await run(page, catalogue);
    expect(brief(result.found)).toEqual([
      { catalogId: 'navn', label: 'Navn', kind: 'name', via: 'label', count: 31 }, // card + table column
      { catalogId: 'tlf', label: 'Tlf.', kind: 'phone', via: 'label', count: 1 },
      { catalogId: 'telefon', label: 'Telefon', kind: 'phone', via: 'selector', count: 30 },
      { catalogId: 'epost', label: 'E-post', kind: 'email', via: 'label', count: 1 },
      { catalogId: 'kundenr', label: 'Kundenr.', kind: 'customer-id', via: 'label', count: 31 },
    ]);
    expect(result.missing).toEqual([]);
    expect(brief(result.undocumented).sort((a, b) => a.label.localeCompare(b.label, 'nb'))).toEqual([
      { catalogId: null, label: 'Adresse', kind: 'address', via: 'label', count: 31 },
      { catalogId: null, label: 'Bankinnskudd', kind: 'financial', via: 'label', count: 1 },
      { catalogId: null, label: 'Fødselsdato', kind: 'birth-date', via: 'label', count: 1 },
      { catalogId: null, label: 'Kontonr.', kind: 'account-number', via: 'label', count: 1 },
      { catalogId: null, label: 'Mobil', kind: 'phone', via: 'label', count: 1 },
      { catalogId: null, label: 'Notater', kind: 'notes', via: 'label', count: 1 },
      { catalogId: null, label: 'Postnr./sted', kind: 'postal', via: 'label', count: 30 },
    ]);
  });

});
