// Shared helpers for benchmark sections (scripts/bench/*.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../serve.mjs';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

/** Write bench-results/<name>.json and return its path. */
export function writeResult(name, data) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export const round = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

export function fmtMs(x) {
  return typeof x === 'number' && Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a';
}

/**
 * A target verdict: 'PASS' / 'FAIL' / 'FAIL (no data)'.
 * @param {number|null} value
 * @param {'<=' | '>='} op
 * @param {number} limit
 */
export function verdict(value, op, limit) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'FAIL (no data)';
  return (op === '<=' ? value <= limit : value >= limit) ? 'PASS' : 'FAIL';
}

/** Print rows of [label, value, target?, verdict?] as an aligned table. */
export function printTable(title, rows) {
  const header = ['', 'value', 'target', 'result'];
  const all = [header, ...rows.map((r) => [r[0], r[1] ?? '', r[2] ?? '', r[3] ?? ''])].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

/** Facts that make numbers comparable (and explain noisy ones). */
export function environment(browserVersion) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: browserVersion ?? null,
    cpu: cpus[0]?.model ?? null,
    cores: cpus.length,
    loadavg1: round(os.loadavg()[0], 2),
    ci: !!process.env.CI,
  };
}

/** Warn when other processes compete for the CPU (timings are then pessimistic). */
export function warnIfBusy(env) {
  if (env.loadavg1 > env.cores) {
    console.log(`  ! load average ${env.loadavg1} on ${env.cores} cores: other work is running, timings will be pessimistic.`);
  }
}

/** A phone text as written -> E.164 for Norway, or null if it is not 8 digits after the prefix. */
export function toE164(text) {
  let d = String(text).replace(/\D/g, '');
  if (d.startsWith('0047')) d = d.slice(4);
  else if (/\+\s*\(?47/.test(text) || /\(\+47\)/.test(text) || (d.length === 10 && d.startsWith('47'))) d = d.slice(2);
  return d.length === 8 ? `+47${d}` : null;
}

/**
 * Compare found numbers (E.164 or raw text) with the expected E.164 list.
 * @param {string[]} expected
 * @param {string[]} foundTexts
 */
export function detectionQuality(expected, foundTexts) {
  const want = new Set(expected);
  const got = new Map();
  let unparsable = 0;
  for (const t of foundTexts) {
    const e = t.startsWith('+47') && /^\+47\d{8}$/.test(t) ? t : toE164(t);
    if (!e) {
      unparsable++;
      continue;
    }
    got.set(e, (got.get(e) ?? 0) + 1);
  }
  let truePositives = 0;
  for (const e of want) if (got.has(e)) truePositives++;
  let falsePositives = unparsable;
  let duplicates = 0;
  for (const [e, n] of got) {
    if (want.has(e)) duplicates += n - 1;
    else falsePositives += n;
  }
  return {
    expected: want.size,
    found: foundTexts.length,
    truePositives,
    missed: want.size - truePositives,
    falsePositives,
    duplicates,
  };
}
