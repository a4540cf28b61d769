// Benchmark section "register" (issue 4): the block list at national scale.
//
// One Chromium run with the built extension:
//  1. import a generated 3,000,000-line register file through the block-list page
//     (click "Import and replace the register" -> result shown), lines/s;
//  2. lookups through the real message path (chrome.runtime.sendMessage 'page:lookup'
//     from the block-list page): warm batches of 1 and 1,000, and the first lookup
//     after the service worker was stopped (DevTools ServiceWorker.stopAllWorkers);
//  3. storage: navigator.storage.estimate() before/after, vs. the snapshot's 4 bytes/number;
//  4. background memory: the service worker's JS heap + ArrayBuffer backing stores
//     (DevTools Runtime.getHeapUsage on the worker target, after a forced GC);
//  5. baseline, same browser, same numbers: a plain JS Set of the 3,000,000 E.164
//     strings in an ordinary page (build time, has() time, heap).
//
//   node scripts/bench.mjs register [--lines=3000000] [--runs=50] [--cold-runs=5] [--headed] [--keep-file]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionIdFromUrl, findServiceWorker, launchExtensionContext, removeDir } from '../browser.mjs';
import { SPELLINGS, prng } from './customers.mjs';
import { environment, fmtMs, median, printTable, round, verdict, warnIfBusy, writeResult } from './common.mjs';

export const name = 'register';
export const description = 'Register import at 3 million lines, lookups warm and cold, storage and memory vs. a plain Set';

const TARGETS = { importSeconds: 30, warm1000Ms: 20, coldMs: 300, backgroundMB: 64 };
const MB = 1024 * 1024;

// The register's numbers: the i-th is 40,000,000 + (i * STRIDE mod 10^7), a bijection on
// 0..10^7-1 (STRIDE is coprime to 10^7), so the file is unsorted and has no repeats, and
// every i >= numbers gives a valid mobile number that is NOT in the register (a miss).
const NSN_BASE = 40_000_000;
const NSN_SPAN = 10_000_000;
const STRIDE = 7919;
const nsnAt = (i) => NSN_BASE + ((i * STRIDE) % NSN_SPAN);

/** Lines a register file should reject: text, formula, too short, foreign, invalid. */
const JUNK = ['ring ikke før kl. 10', "=cmd|' /C calc'!A0", '4123456', '+46 70 123 45 67', '12345678'];
const JUNK_LINES = 10;

// ---------------------------------------------------------------- the register file

/**
 * Writes `lines` CRLF lines, one number per line: 80 % plain 8 digits, 20 % the other
 * spellings of domain.md (customers.mjs SPELLINGS, NBSP as U+00A0), and JUNK_LINES junk lines.
 */
function writeRegisterFile(file, lines) {
  const spellings = SPELLINGS.filter(([label]) => label !== '8 digits').map(([label, spell]) => [label, (s) => spell(s).replaceAll('&nbsp;', '\u00a0')]);
  const junkEvery = Math.floor(lines / (JUNK_LINES + 1));
  const fd = fs.openSync(file, 'w');
  let n = 0;
  let bytes = 0;
  try {
    let chunk = '';
    for (let line = 1; line <= lines; line++) {
      if (line % junkEvery === 0 && line / junkEvery <= JUNK_LINES) {
        chunk += `${JUNK[(line / junkEvery) % JUNK.length]}\r\n`;
      } else {
        const s = String(nsnAt(n));
        chunk += `${n % 10 < 8 ? s : spellings[Math.floor(n / 10) % spellings.length][1](s)}\r\n`;
        n++;
      }
      if (line % 100_000 === 0 || line === lines) {
        bytes += fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, lines, numbers: n, junk: lines - n, bytes };
}

/** Lookup batches: half hits (numbers in the file), half misses (same range, not in the file). */
function lookupBatches(rnd, count, size, numbers) {
  const batches = [];
  for (let b = 0; b < count; b++) {
    const list = [];
    const expected = [];
    for (let k = 0; k < size; k++) {
      const hit = size === 1 ? b % 2 === 0 : k % 2 === 0;
      const i = hit ? Math.floor(rnd() * numbers) : numbers + Math.floor(rnd() * (NSN_SPAN - numbers));
      list.push(`+47${nsnAt(i)}`);
      expected.push(hit);
    }
    batches.push({ numbers: list, expected });
  }
  return batches;
}

// ---------------------------------------------------------------- statistics

/** Nearest-rank percentile. */
function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)] : null;
}

const summarise = (ms) => ({
  runs: ms.length,
  medianMs: round(median(ms), 5),
  p95Ms: round(percentile(ms, 95), 5),
  maxMs: round(Math.max(...ms), 5),
  samplesMs: ms.map((x) => round(x, 5)),
});
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b, 2) : null);
const fmtMB = (bytes) => (Number.isFinite(bytes) ? `${(bytes / MB).toFixed(1)} MB` : 'n/a');
const fmtX = (x) => (x == null ? 'n/a' : `${x}x`);
/** fmtMs, or µs below 0.1 ms (the Set's lookups). */
const fmtTime = (x) => (Number.isFinite(x) && x < 0.1 ? `${(x * 1000).toFixed(2)} µs` : fmtMs(x));

// ---------------------------------------------------------------- browser helpers

/** Oslo date today, YYYY-MM-DD. */
const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The block-list page opened on install (or a new one), with the agent name saved. */
async function openBlocklistPage(context, extensionId) {
  const url = `chrome-extension://${extensionId}/blocklist.html`;
  let page = context.pages().find((p) => p.url() === url);
  if (!page) page = await context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 5_000 }).catch(() => null);
  if (!page) {
    page = await context.newPage();
    await page.goto(url);
  }
  await page.waitForLoadState('load');
  await page.getByLabel(/your name/i).fill('Bench Agent');
  await page.getByRole('button', { name: /save name/i }).click();
  await page.getByLabel(/numbers, one per line/i).waitFor();
  return page;
}

/**
 * Stops every service worker of the profile through DevTools and waits until DevTools
 * reports them stopped (as tests/e2e/register-helpers.ts stopServiceWorkers does).
 */
async function stopServiceWorkers(context, page, timeout = 5_000) {
  const cdp = await context.newCDPSession(page);
  try {
    const status = new Map();
    let onUpdate = () => undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const v of event.versions) if (v.scriptURL.startsWith('chrome-extension://')) status.set(v.versionId, v.runningStatus);
      onUpdate();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const allStopped = () => status.size > 0 && [...status.values()].every((s) => s === 'stopped');
    if (!allStopped()) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`service workers not stopped after ${timeout} ms: ${JSON.stringify([...status])}`)), timeout);
        onUpdate = () => {
          if (allStopped()) {
            clearTimeout(timer);
            resolve(undefined);
          }
        };
      });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * A DevTools session on the extension's running service worker, through a page session:
 * Target.attachToTarget (non-flattened, since Playwright's CDPSession cannot address a
 * flattened child session) and Target.sendMessageToTarget.
 */
async function attachServiceWorker(context, page, timeout = 30_000) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!target) {
    await cdp.detach().catch(() => undefined);
    throw new Error('no running extension service worker target');
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const pending = new Map();
  let nextId = 0;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => pending.delete(id) && reject(new Error(`${method}: no answer from the service worker in ${timeout} ms`)), timeout);
      pending.set(id, { method, resolve: (r) => (clearTimeout(timer), resolve(r)), reject: (e) => (clearTimeout(timer), reject(e)) });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  return {
    async evaluate(expression) {
      const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`service worker: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    },
    /** JS heap after a forced GC (usedSize, plus backingStorageSize = ArrayBuffers, where Chromium reports it). */
    async heap() {
      await send('HeapProfiler.collectGarbage');
      return send('Runtime.getHeapUsage');
    },
    async close() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

/** Heap of the service worker and its block-list stats, or the stats alone (and why) when DevTools cannot attach. */
async function backgroundState(context, page) {
  const statsExpr = 'globalThis.kontaktvernTestHooks?.blocklistStats() ?? null';
  let sw;
  try {
    sw = await attachServiceWorker(context, page);
    const [stats, heap] = [await sw.evaluate(statsExpr), await sw.heap()];
    return { stats, heap: heapFigures(heap), method: 'CDP Runtime.getHeapUsage on the service worker target, after HeapProfiler.collectGarbage' };
  } catch (err) {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).at(-1);
    const stats = live ? await live.evaluate(statsExpr).catch(() => null) : null;
    return { stats, heap: null, method: `blocklistStats() only: DevTools could not measure the worker (${String(err instanceof Error ? err.message : err)})` };
  } finally {
    await sw?.close();
  }
}

function heapFigures(h) {
  const buffers = h.backingStorageSize ?? null;
  return {
    usedBytes: h.usedSize,
    totalBytes: h.totalSize,
    arrayBufferBytes: buffers,
    embedderBytes: h.embedderHeapUsedSize ?? null,
    /** What the block list costs the background: JS heap + ArrayBuffer backing stores (the Uint32Array lives there). */
    bytes: h.usedSize + (buffers ?? 0),
  };
}

/** Times `page:lookup` round trips from the extension page; checks every answer. */
async function timeLookups(page, batches) {
  return page.evaluate(async (list) => {
    const ms = [];
    let wrong = 0;
    for (const b of list) {
      const t0 = performance.now();
      const r = await chrome.runtime.sendMessage({ type: 'page:lookup', payload: { numbers: b.numbers } });
      ms.push(performance.now() - t0);
      r.statuses.forEach((s, i) => {
        if (s.blocked !== b.expected[i]) wrong++;
      });
    }
    return { ms, wrong };
  }, batches);
}

const storageEstimate = (page) =>
  page.evaluate(async () => {
    const e = await navigator.storage.estimate();
    return { usage: e.usage ?? null, indexedDB: e.usageDetails?.indexedDB ?? null };
  });

// ---------------------------------------------------------------- the run

/**
 * @param {{ chromium: import('@playwright/test').BrowserType, options: Record<string, any> }} ctx
 */
export async function run({ chromium, options }) {
  const lines = Number(options.lines ?? 3_000_000);
  const runs = Number(options.runs ?? 50);
  const coldRuns = Number(options.coldRuns ?? 5);
  const rnd = prng(4747);
  const notes = [];

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontaktvern-register-bench-'));
  const t0 = Date.now();
  const reg = writeRegisterFile(path.join(dir, 'reservasjonsregisteret.txt'), lines);
  console.log(
    `  register file: ${reg.lines.toLocaleString('en')} lines (${reg.numbers.toLocaleString('en')} numbers, ${reg.junk} junk), ` +
      `${fmtMB(reg.bytes)}, written in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const context = await launchExtensionContext(chromium, { headless: !options.headed });
  const env = environment(context.browser()?.version() ?? null);
  warnIfBusy(env);
  const result = { section: name, environment: env, file: { lines: reg.lines, numbers: reg.numbers, junkLines: reg.junk, bytes: reg.bytes, lineEnd: 'CRLF', spellings: '80 % 8 digits, 20 % other spellings of domain.md' } };
  try {
    const sw = await findServiceWorker(context);
    const extensionId = extensionIdFromUrl(sw.url());
    const page = await openBlocklistPage(context, extensionId);

    // Background before any register: the block list built (empty) by one lookup.
    await timeLookups(page, [{ numbers: [], expected: [] }]);
    const bgEmpty = await backgroundState(context, page);
    const storageBefore = await storageEstimate(page);

    // ------------------------------------------------------------ 1. import through the page
    console.log('  importing through the block-list page …');
    await page.getByLabel('Register file', { exact: true }).setInputFiles(reg.file);
    await page.getByTestId('register-preview').or(page.getByTestId('register-result')).waitFor();
    await page.getByLabel(/snapshot date/i).fill(osloToday());
    await page.evaluate(() => {
      const s = { clickAt: null, savingAt: null, resultAt: null };
      Object.defineProperty(window, '__kvImport', { value: s });
      document.addEventListener('click', (e) => {
        if (s.clickAt === null && e.target instanceof Element && e.target.closest('button[type="submit"]')) s.clickAt = performance.now();
      }, true);
      new MutationObserver(() => {
        const now = performance.now();
        if (s.savingAt === null && /saving/.test(document.querySelector('[data-testid="register-progress-text"]')?.textContent ?? '')) s.savingAt = now;
        if (s.resultAt === null && document.querySelector('[data-testid="register-result"]')) s.resultAt = now;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: /import and replace the register/i }).click();
    const resultBox = page.getByTestId('register-result');
    await resultBox.waitFor({ timeout: 300_000 });
    const outcome = await resultBox.getAttribute('data-outcome');
    const resultText = (await resultBox.textContent()) ?? '';
    const marks = await page.evaluate(() => window.__kvImport);
    // "Lines read: 3,000,000 · numbers accepted: … · took 12.3 s." (the import worker's own time)
    const count = (label) => {
      const m = new RegExp(`${label}: ([\\d,]+)`).exec(resultText);
      return m ? Number(m[1].replaceAll(',', '')) : null;
    };
    const workerSeconds = Number(/took ([\d.]+) s/.exec(resultText)?.[1]) || null;
    const importMs = marks.clickAt !== null && marks.resultAt !== null ? marks.resultAt - marks.clickAt : null;
    result.import = {
      outcome,
      clickToResultMs: round(importMs),
      readingMs: marks.savingAt !== null ? round(marks.savingAt - marks.clickAt) : null,
      workerSeconds,
      linesPerSecond: importMs ? Math.round(reg.lines / (importMs / 1000)) : null,
      linesRead: count('Lines read'),
      accepted: count('numbers accepted'),
      duplicates: count('repeated numbers'),
      rejected: count('lines rejected'),
      text: resultText.trim().slice(0, 400),
    };
    if (outcome !== 'ok') notes.push(`The import did not succeed (data-outcome=${outcome}): ${resultText.trim().slice(0, 200)}`);
    else if (result.import.accepted !== reg.numbers || result.import.rejected !== reg.junk) {
      notes.push(`Import counts differ from the file: accepted ${result.import.accepted} (expected ${reg.numbers}), rejected ${result.import.rejected} (expected ${reg.junk}).`);
    }

    // ------------------------------------------------------------ 2. lookups, warm
    console.log('  lookups (warm) …');
    const first = await timeLookups(page, lookupBatches(rnd, 1, 1, reg.numbers));
    // A few unmeasured batches first (JIT of the lookup path), reported in the JSON.
    const warmup = await timeLookups(page, lookupBatches(rnd, 5, 1000, reg.numbers));
    const warm1 = await timeLookups(page, lookupBatches(rnd, runs, 1, reg.numbers));
    const batches1000 = lookupBatches(rnd, runs, 1000, reg.numbers);
    const warm1000 = await timeLookups(page, batches1000);
    const empty = await timeLookups(page, Array.from({ length: runs }, () => ({ numbers: [], expected: [] })));
    const bgWarm = await backgroundState(context, page);

    // ------------------------------------------------------------ 2b. lookups, first after the worker was stopped
    console.log(`  lookups (first after stopping the service worker, ${coldRuns} x 2) …`);
    const cold = { 1: [], 1000: [] };
    let coldWrong = 0;
    const coldLoads = [];
    for (const size of [1, 1000]) {
      for (let r = 0; r < coldRuns; r++) {
        await stopServiceWorkers(context, page);
        const t = await timeLookups(page, lookupBatches(rnd, 1, size, reg.numbers));
        cold[size].push(t.ms[0]);
        coldWrong += t.wrong;
        const stats = (await backgroundState(context, page)).stats;
        coldLoads.push({ size, ms: round(t.ms[0]), registerLoadMs: round(stats?.registerLoadMs), buildMs: round(stats?.totalMs), reused: stats?.reusedRegister ?? null });
      }
    }
    if (coldLoads.some((c) => c.reused !== false)) notes.push('A "cold" lookup found the register already loaded: the worker may not have restarted.');
    const bgCold = await backgroundState(context, page);
    const storageAfter = await storageEstimate(page);

    const wrong = first.wrong + warmup.wrong + warm1.wrong + warm1000.wrong + coldWrong;
    if (wrong) notes.push(`${wrong} lookup answers were wrong (hit/miss).`);
    result.lookups = {
      note: 'Kontaktvern times are chrome.runtime.sendMessage round trips from the block-list page (message, routing, validation, lookup, answer).',
      firstAfterImportMs: round(first.ms[0], 2),
      warmupBatches1000Ms: warmup.ms.map((x) => round(x, 2)),
      warm1: summarise(warm1.ms),
      warm1000: summarise(warm1000.ms),
      emptyRoundTrip: summarise(empty.ms),
      cold1: summarise(cold[1]),
      cold1000: summarise(cold[1000]),
      coldRuns: coldLoads,
      wrongAnswers: wrong,
    };

    // ------------------------------------------------------------ 3./4. storage and background memory
    result.storage = {
      before: storageBefore,
      after: storageAfter,
      deltaBytes: storageAfter.usage != null && storageBefore.usage != null ? storageAfter.usage - storageBefore.usage : null,
      snapshotBytes: (result.import.accepted ?? reg.numbers) * 4,
    };
    // The larger of the two loaded states: warm after the import, and freshly restarted.
    const loaded = [bgWarm, bgCold].filter((s) => s.heap).map((s) => s.heap.bytes);
    const bgBytes = loaded.length ? Math.max(...loaded) : null;
    result.background = {
      method: [...new Set([bgEmpty, bgWarm, bgCold].map((s) => s.method))].join('; '),
      empty: bgEmpty.heap,
      warmAfterImport: bgWarm.heap,
      afterRestart: bgCold.heap,
      stats: bgCold.stats,
      bytes: bgBytes,
      registerDeltaBytes: bgBytes !== null && bgEmpty.heap ? bgBytes - bgEmpty.heap.bytes : null,
    };
    if (result.background.bytes === null) {
      // Fallback: the register array's own size from blocklistStats().
      const numbers = bgCold.stats?.registerNumbers ?? bgWarm.stats?.registerNumbers ?? null;
      result.background.bytes = numbers !== null ? numbers * 4 : null;
      notes.push(`Background memory is NOT measured: ${bgCold.method}; the figure is the register array only (registerNumbers x 4 bytes).`);
    }

    // ------------------------------------------------------------ 5. the baseline: a plain Set in a page
    console.log('  baseline: a JS Set of the same E.164 strings in a page …');
    const basePage = await context.newPage();
    await basePage.goto('about:blank');
    const cdp = await context.newCDPSession(basePage);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return cdp.send('Runtime.getHeapUsage');
    };
    const h0 = await heap();
    const build = await basePage.evaluate(
      ({ n, base, span, stride }) => {
        const t0 = performance.now();
        const strings = new Array(n);
        for (let i = 0; i < n; i++) strings[i] = '+47' + (base + ((i * stride) % span));
        const t1 = performance.now();
        const set = new Set();
        for (let i = 0; i < n; i++) set.add(strings[i]);
        const t2 = performance.now();
        Object.defineProperty(window, '__kvSet', { value: set });
        return { stringsMs: t1 - t0, addMs: t2 - t1, size: set.size };
      },
      { n: reg.numbers, base: NSN_BASE, span: NSN_SPAN, stride: STRIDE },
    );
    const h1 = await heap();
    const setLookups = (batches, reps) =>
      basePage.evaluate(
        ({ list, reps }) => {
          const set = window.__kvSet;
          const ms = [];
          let wrong = 0;
          for (const b of list) {
            let hits = 0;
            const t0 = performance.now();
            for (let r = 0; r < reps; r++) for (let i = 0; i < b.numbers.length; i++) if (set.has(b.numbers[i])) hits++;
            ms.push((performance.now() - t0) / reps);
            wrong += Math.abs(hits / reps - b.expected.filter(Boolean).length);
          }
          return { ms, wrong };
        },
        { list: batches, reps },
      );
    // Timer resolution is coarse (0.1 ms) for a page: each sample repeats the batch and divides
    // (repeats hit warm caches: if anything, this flatters the baseline).
    const set1 = await setLookups(lookupBatches(rnd, runs, 1, reg.numbers), 2000);
    const set1000 = await setLookups(batches1000, 20);
    await cdp.detach().catch(() => undefined);
    await basePage.close();
    if (set1.wrong || set1000.wrong) notes.push('The baseline Set gave wrong answers.');
    result.baseline = {
      structure: 'new Set() of the E.164 strings, in an ordinary page of the same browser',
      size: build.size,
      stringsMs: round(build.stringsMs),
      addMs: round(build.addMs),
      buildMs: round(build.stringsMs + build.addMs),
      heapBytes: h1.usedSize - h0.usedSize,
      lookup1: summarise(set1.ms),
      lookup1000: summarise(set1000.ms),
      note: 'Set build starts from numbers already in memory (no file read, no parsing, no storage); its lookups are in-page, no message.',
    };
  } finally {
    await context.close();
    if (options.keepFile) console.log(`  register file kept: ${reg.file}`);
    else removeDir(dir);
  }

  // ---------------------------------------------------------------- targets, ratios, report
  const L = result.lookups;
  const B = result.baseline;
  const importS = result.import.clickToResultMs !== null && result.import.outcome === 'ok' ? round(result.import.clickToResultMs / 1000, 2) : null;
  const coldWorst = Math.max(L.cold1.maxMs ?? NaN, L.cold1000.maxMs ?? NaN);
  const bgMB = result.background.bytes !== null ? round(result.background.bytes / MB, 1) : null;
  const targets = [
    { name: `import of ${lines.toLocaleString('en')} lines, click -> result (s)`, value: importS, op: '<=', limit: TARGETS.importSeconds },
    { name: 'warm lookup of 1,000 numbers, p95 (ms)', value: L.warm1000.p95Ms, op: '<=', limit: TARGETS.warm1000Ms },
    { name: 'first lookup after the service worker was stopped, worst of 1 and 1,000 (ms)', value: Number.isFinite(coldWorst) ? round(coldWorst, 1) : null, op: '<=', limit: TARGETS.coldMs },
    { name: 'background memory with the register loaded (MB)', value: bgMB, op: '<=', limit: TARGETS.backgroundMB },
  ].map((t) => ({ ...t, verdict: verdict(t.value, t.op, t.limit) }));
  result.ratios = {
    importVsSetBuild: ratio(result.import.clickToResultMs, B.buildMs),
    lookup1VsSet: ratio(L.warm1.medianMs, B.lookup1.medianMs),
    lookup1000VsSet: ratio(L.warm1000.medianMs, B.lookup1000.medianMs),
    lookup1000MinusRoundTripVsSet: ratio(L.warm1000.medianMs - L.emptyRoundTrip.medianMs, B.lookup1000.medianMs),
    cold1000VsSetBuild: ratio(L.cold1000.medianMs, B.buildMs),
    setHeapVsBackground: ratio(B.heapBytes, result.background.bytes),
    setHeapVsBackgroundRegisterDelta: ratio(B.heapBytes, result.background.registerDeltaBytes),
  };
  result.targets = targets;
  result.notes = notes;
  const file = writeResult(name, result);

  const R = result.ratios;
  const I = result.import;
  const S = result.storage;
  const bg = result.background;
  const v = (i) => [targets[i].op + ' ' + targets[i].limit + (i === 0 ? ' s' : i === 3 ? ' MB' : ' ms'), targets[i].verdict];
  const ms = (s) => `${fmtTime(s.medianMs)} / ${fmtTime(s.p95Ms)}`;
  printTable(`Register benchmark (${reg.lines.toLocaleString('en')} lines, ${fmtMB(reg.bytes)}; baseline: JS Set of ${B.size.toLocaleString('en')} E.164 strings)`, [
    ['Import: click -> result', importS !== null ? `${importS} s` : 'n/a', ...v(0)],
    ['  import worker\'s own time (shown in the UI)', I.workerSeconds !== null ? `${I.workerSeconds} s` : 'n/a'],
    ['  reading + parsing (click -> "saving")', fmtMs(I.readingMs)],
    ['  throughput', I.linesPerSecond !== null ? `${I.linesPerSecond.toLocaleString('en')} lines/s` : 'n/a'],
    ['  accepted / repeated / rejected', [I.accepted, I.duplicates, I.rejected].map((x) => x?.toLocaleString('en') ?? '?').join(' / ')],
    ['  Set baseline: build (strings + add)', `${fmtMs(B.buildMs)} (${fmtMs(B.stringsMs)} + ${fmtMs(B.addMs)})`],
    ['  ratio import / Set build', fmtX(R.importVsSetBuild)],
    [`Lookup warm, 1 number (median / p95 of ${runs})`, ms(L.warm1)],
    ['  Set.has, 1 number (median / p95)', ms(B.lookup1)],
    ['  ratio Kontaktvern (incl. message) / Set', fmtX(R.lookup1VsSet)],
    [`Lookup warm, 1,000 numbers (median / p95 of ${runs})`, ms(L.warm1000), ...v(1)],
    ['  empty message round trip (median / p95)', ms(L.emptyRoundTrip)],
    ['  Set.has x 1,000 (median / p95)', ms(B.lookup1000)],
    ['  ratio Kontaktvern (incl. message) / Set', fmtX(R.lookup1000VsSet)],
    ['  ratio minus the empty round trip / Set', fmtX(R.lookup1000MinusRoundTripVsSet)],
    ['  first lookup after the import completed', fmtMs(L.firstAfterImportMs)],
    [`First lookup after worker stop, 1 (median / max of ${coldRuns})`, `${fmtMs(L.cold1.medianMs)} / ${fmtMs(L.cold1.maxMs)}`, ...v(2)],
    [`First lookup after worker stop, 1,000 (median / max of ${coldRuns})`, `${fmtMs(L.cold1000.medianMs)} / ${fmtMs(L.cold1000.maxMs)}`],
    ['  of which register load (blocklistStats, median)', fmtMs(median(L.coldRuns.map((c) => c.registerLoadMs)))],
    ['  ratio cold 1,000 / Set build (a Set must be rebuilt)', fmtX(R.cold1000VsSetBuild)],
    ['Storage: usage before -> after (estimate)', `${fmtMB(S.before.usage)} -> ${fmtMB(S.after.usage)}`],
    ['  usage delta / snapshot (4 bytes x numbers)', `${fmtMB(S.deltaBytes)} / ${fmtMB(S.snapshotBytes)}`],
    ['Background memory, register loaded (heap + buffers)', fmtMB(bg.bytes), ...v(3)],
    ['  JS heap / ArrayBuffers (after restart)', bg.afterRestart ? `${fmtMB(bg.afterRestart.usedBytes)} / ${fmtMB(bg.afterRestart.arrayBufferBytes)}` : 'n/a'],
    ['  warm after import / empty block list', `${fmtMB(bg.warmAfterImport?.bytes)} / ${fmtMB(bg.empty?.bytes)}`],
    ['  Set baseline heap growth', fmtMB(B.heapBytes)],
    ['  ratio Set heap / Kontaktvern background', fmtX(R.setHeapVsBackground)],
    ['  ratio Set heap / Kontaktvern register delta', fmtX(R.setHeapVsBackgroundRegisterDelta)],
  ]);
  console.log(`  memory: ${bg.method}`);
  console.log('  Kontaktvern lookup times include a chrome.runtime.sendMessage round trip; Set times are in-page Set.has only.');
  for (const n of notes) console.log(`  note: ${n}`);
  console.log(`  JSON: ${path.relative(process.cwd(), file)}`);
  return result;
}
