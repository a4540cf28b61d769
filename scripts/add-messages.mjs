#!/usr/bin/env node
// Adds or replaces UI strings in both catalogues at once.
// Usage: node scripts/add-messages.mjs strings.json
// strings.json: { "key": { "en": "English text", "nb": "Norsk tekst" }, ... }
// Holds a lock directory while it edits, so helpers working in parallel never lose each other's keys.
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lock = new URL('../public/_locales/.lock', import.meta.url);
for (let i = 0; ; i++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (i > 200) throw new Error('public/_locales/.lock held for 10 s; remove it if no other add-messages is running');
    await sleep(50);
  }
}
try {
  for (const lang of ['en', 'nb']) {
    const file = new URL(`../public/_locales/${lang}/messages.json`, import.meta.url);
    const catalogue = JSON.parse(readFileSync(file, 'utf8'));
    for (const [key, texts] of Object.entries(input)) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`bad key ${key}`);
      if (typeof texts?.[lang] !== 'string' || !texts[lang]) throw new Error(`${key}: missing ${lang}`);
      catalogue[key] = { message: texts[lang] };
    }
    writeFileSync(file, JSON.stringify(catalogue, null, 2) + '\n');
  }
  console.log(`added ${Object.keys(input).length} keys`);
} finally {
  rmdirSync(lock);
}
