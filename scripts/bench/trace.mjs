// Chrome DevTools Protocol tracing and main-thread task analysis for benchmarks.
//
// We record the categories the DevTools Performance panel uses. Every main-thread task is
// a `RunTask` complete event ('X', µs); what ran inside it is given by the events nested
// in its time span on the same thread (ParseHTML, EvaluateScript/FunctionCall with the
// script URL, Layout, PrePaint, Paint, GC …). performance.mark/measure calls appear as
// `blink.user_timing` events with trace timestamps, so the Kontaktvern scan window is
// known in trace time without clock conversions.

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'loading',
];

/**
 * Start tracing on a page's CDP session. Returns { stop() -> events[] }.
 * @param {import('@playwright/test').CDPSession} cdp
 */
export async function startTracing(cdp, categories = TRACE_CATEGORIES) {
  const events = [];
  const onData = (e) => {
    for (const ev of e.value) events.push(ev);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

// Events that enter JavaScript. The outermost one of these in a task is a "JS entry";
// it is Kontaktvern's when it (or anything nested in it) carries a chrome-extension:// URL.
const JS_ENTRIES = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'RunYieldContinuation',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'EventDispatch',
  'v8.compile',
  'v8.run',
]);
// Entries that may run script without any URL-carrying event inside (continuations,
// microtasks, timers). On a page with no scripts of its own they can only be ours.
const INFERABLE = new Set(['RunMicrotasks', 'RunYieldContinuation', 'TimerFire', 'FireIdleCallback', 'FireAnimationFrame']);
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RasterTask', 'UpdateLayer']);
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const urlOf = (e) => e.args?.data?.url ?? e.args?.beginData?.url ?? '';

/**
 * Find the renderer main thread that loaded `pageUrl`.
 * @returns {{pid: number, tid: number} | null}
 */
export function findPageMainThread(events, pageUrl) {
  const hit =
    events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl) ??
    events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === pageUrl);
  return hit ? { pid: hit.pid, tid: hit.tid } : null;
}

/** Events on one thread, sorted by start (longer first on ties). */
function threadEvents(events, { pid, tid }) {
  return events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/** user-timing marks and measures on the thread: { marks: {name: ts[]}, measures: {name: [{begin, end}]} } */
export function userTiming(events, thread) {
  const marks = {};
  const open = new Map();
  const measures = {};
  for (const e of threadEvents(events, thread)) {
    if (!e.cat?.includes('blink.user_timing')) continue;
    if (e.ph === 'I' || e.ph === 'R' || e.ph === 'i') (marks[e.name] ??= []).push(e.ts);
    const id = e.id2?.local ?? e.id2?.global ?? e.id;
    if (e.ph === 'b') open.set(`${e.name}#${id}`, e);
    if (e.ph === 'e') {
      const b = open.get(`${e.name}#${id}`);
      if (b) (measures[e.name] ??= []).push({ begin: b.ts, end: e.ts });
    }
  }
  return { marks, measures };
}

/**
 * Main-thread tasks with what ran inside them.
 * @param {object[]} events all trace events
 * @param {{pid: number, tid: number}} thread
 * @param {{extensionOrigin?: string, pageHasScripts?: boolean}} [opts]
 * @returns {Array<{ts: number, end: number, dur: number, kind: string, attribution: string, extensionJs: number, forcedByKontaktvern: Record<string, number>, breakdown: Record<string, number>}>}
 *   ts/end/dur in µs (trace clock); extensionJs: ms of Kontaktvern script in the task
 *   (including style/layout it forced); breakdown: ms per top-level nested event name,
 *   with Kontaktvern's JS entries summed under "Kontaktvern JS".
 */
export function mainThreadTasks(events, thread, opts = {}) {
  const ext = opts.extensionOrigin ?? 'chrome-extension://';
  const evs = threadEvents(events, thread).filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const tasks = [];
  let i = 0;
  for (const task of evs) {
    if (task.name !== 'RunTask') continue;
    const end = task.ts + task.dur;
    while (i < evs.length && evs[i].ts < task.ts) i++;
    const inner = [];
    for (let j = i; j < evs.length && evs[j].ts < end; j++) {
      const e = evs[j];
      if (e === task || WRAPPERS.has(e.name) || e.ts + e.dur > end + 1) continue;
      inner.push(e);
    }
    // Outermost JS entries and the top-level (not nested) events.
    const breakdown = {};
    let extensionJs = 0;
    let inferred = false;
    let viaUrl = false;
    let foreignJs = false;
    let hasParse = false;
    let hasRender = false;
    let coverEnd = -Infinity;
    const forced = {};
    for (let k = 0; k < inner.length; k++) {
      const e = inner[k];
      if (e.name === 'ParseHTML') hasParse = true;
      if (RENDER_EVENTS.has(e.name)) hasRender = true;
      if (e.ts < coverEnd) continue; // nested in an earlier top-level event
      coverEnd = e.ts + e.dur;
      let label = e.name;
      if (JS_ENTRIES.has(e.name)) {
        let extUrl = urlOf(e).startsWith(ext);
        let otherUrl = !extUrl && !!urlOf(e);
        for (let m = k + 1; m < inner.length && inner[m].ts < coverEnd; m++) {
          const u = urlOf(inner[m]);
          if (!u) continue;
          if (u.startsWith(ext)) extUrl = true;
          else otherUrl = true;
        }
        if (extUrl) {
          viaUrl = true;
          label = 'Kontaktvern JS';
        } else if (!otherUrl && opts.pageHasScripts === false && INFERABLE.has(e.name)) {
          inferred = true;
          label = 'Kontaktvern JS';
        } else if (otherUrl || e.name !== 'EventDispatch') {
          foreignJs = true;
        }
        if (label === 'Kontaktvern JS') {
          extensionJs += e.dur / 1000;
          // style/layout forced synchronously by our script (outermost ones)
          let forcedEnd = -Infinity;
          for (let m = k + 1; m < inner.length && inner[m].ts < coverEnd; m++) {
            const f = inner[m];
            if ((f.name === 'UpdateLayoutTree' || f.name === 'Layout') && f.ts >= forcedEnd) {
              forced[f.name] = (forced[f.name] ?? 0) + f.dur / 1000;
              forcedEnd = f.ts + f.dur;
            }
          }
        }
      }
      breakdown[label] = (breakdown[label] ?? 0) + e.dur / 1000;
    }
    let kind = 'other';
    let attribution = '';
    if (extensionJs > 0) {
      kind = 'kontaktvern';
      attribution = viaUrl && inferred ? 'script url + inferred' : viaUrl ? 'script url' : 'inferred (the page has no scripts)';
    } else if (hasParse) kind = 'parse';
    else if (foreignJs) kind = 'script';
    else if (hasRender) kind = 'render';
    else if (inner.some((e) => /GC/.test(e.name))) kind = 'gc';
    for (const key of Object.keys(breakdown)) breakdown[key] = Math.round(breakdown[key] * 10) / 10;
    for (const key of Object.keys(forced)) forced[key] = Math.round(forced[key] * 10) / 10;
    tasks.push({ ts: task.ts, end, dur: task.dur, kind, attribution, extensionJs, forcedByKontaktvern: forced, breakdown });
  }
  return tasks;
}

/** Task with the most Kontaktvern JS (ms) overlapping [from, to] (µs). */
export function longestKontaktvernSlice(tasks, from = -Infinity, to = Infinity) {
  let best = null;
  for (const t of tasks) {
    if (t.end < from || t.ts > to || !(t.extensionJs > 0)) continue;
    if (!best || t.extensionJs > best.extensionJs) best = t;
  }
  return best;
}

/** Longest task (optionally of some kinds) overlapping [from, to] (µs). */
export function longestTask(tasks, from = -Infinity, to = Infinity, kinds = null) {
  let best = null;
  for (const t of tasks) {
    if (t.end < from || t.ts > to) continue;
    if (kinds && !kinds.includes(t.kind)) continue;
    if (!best || t.dur > best.dur) best = t;
  }
  return best;
}

/** A task for JSON/printing: ms relative to `origin` (µs), top breakdown entries. */
export function describeTask(task, origin) {
  if (!task) return null;
  const top = Object.entries(task.breakdown)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, ms]) => ({ name, ms }));
  return {
    startMs: Math.round((task.ts - origin) / 100) / 10,
    durationMs: Math.round(task.dur / 100) / 10,
    kind: task.kind,
    attribution: task.attribution || undefined,
    kontaktvernJsMs: Math.round(task.extensionJs * 10) / 10,
    /** style recalc / layout forced synchronously by Kontaktvern's script, ms */
    forcedByKontaktvern: task.forcedByKontaktvern,
    top,
  };
}

/** Sum of task time (ms) inside [from, to] per kind. */
export function busyTime(tasks, from, to) {
  const out = {};
  for (const t of tasks) {
    const a = Math.max(t.ts, from);
    const b = Math.min(t.end, to);
    if (b <= a) continue;
    out[t.kind] = (out[t.kind] ?? 0) + (b - a) / 1000;
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k] * 10) / 10;
  return out;
}
