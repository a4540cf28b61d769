#!/usr/bin/env node
// Kontaktvern benchmarks. `npm run bench` builds first, then runs every section.
//
//   node scripts/bench.mjs                 # all sections
//   node scripts/bench.mjs scan            # one section
//   node scripts/bench.mjs scan --rows=2000 --timeout=30000 --reps=5 --bundle=min --headed --trace-out=/tmp/scan-trace.json
//
// Each section is a module in scripts/bench/ exporting `name`, `description` and
// `run({ chromium, server, options })`; it prints its own table, writes
// bench-results/<name>.json and returns its result. Add a section by adding it to
// SECTIONS below (e.g. block-list import, lookups).
// Targets missed are reported as FAIL, but the exit code stays 0; it is 1 only when a
// section could not run at all (no build, no Chromium …).
import { chromium } from '@playwright/test';
import { startServer } from './serve.mjs';
import { assertChromium, assertExtensionBuilt, chromiumPath, extensionPath } from './browser.mjs';
import { writeResult } from './bench/common.mjs';

const SECTIONS = {
  scan: () => import('./bench/scan.mjs'),
  register: () => import('./bench/register.mjs'),
  panel: () => import('./bench/panel.mjs'),
};

function parseArgs(argv) {
  const options = {};
  const sections = [];
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) options[m[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = m[2] ?? true;
    else sections.push(arg);
  }
  return { options, sections };
}

async function main() {
  const { options, sections } = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(`usage: node scripts/bench.mjs [${Object.keys(SECTIONS).join('|')} ...] [--rows=N] [--timeout=MS] [--reps=N] [--bundle=max|min] [--headed] [--trace-out=FILE]`);
    return 0;
  }
  const chosen = sections.length ? sections : Object.keys(SECTIONS);
  const unknown = chosen.filter((s) => !SECTIONS[s]);
  if (unknown.length) {
    console.error(`Unknown section(s): ${unknown.join(', ')}. Known: ${Object.keys(SECTIONS).join(', ')}`);
    return 1;
  }
  try {
    assertChromium();
    assertExtensionBuilt();
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    return 1;
  }
  console.log(`Kontaktvern benchmarks: ${chosen.join(', ')}\n  extension: ${extensionPath()}\n  chromium:  ${chromiumPath()}`);
  const server = await startServer();
  const summary = {};
  let failedToRun = false;
  try {
    for (const s of chosen) {
      const mod = await SECTIONS[s]();
      console.log(`\n== ${mod.name}: ${mod.description}`);
      const started = Date.now();
      try {
        const result = await mod.run({ chromium, server, options });
        summary[s] = { ok: true, seconds: (Date.now() - started) / 1000, targets: result?.targets ?? [] };
      } catch (err) {
        failedToRun = true;
        console.error(`  section ${s} failed: ${err instanceof Error ? err.stack : err}`);
        summary[s] = { ok: false, error: String(err) };
      }
    }
  } finally {
    await server.close();
  }
  writeResult('summary', summary);
  console.log('\nTargets:');
  for (const [s, r] of Object.entries(summary)) {
    if (!r.ok) console.log(`  ${s}: did not run (${r.error})`);
    for (const t of r.targets ?? []) console.log(`  ${t.verdict.padEnd(14)} ${s}: ${t.name} = ${t.value ?? 'n/a'} (target ${t.op} ${t.limit})`);
  }
  return failedToRun ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
