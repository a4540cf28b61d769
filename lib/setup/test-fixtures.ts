/** Shared by the set-up tests: throwaway databases (deleted after each test) and the demo set-up file. */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { KontaktvernDb } from '../db';
import { parseSetupDocument, type SetupDocument } from './setup-document';

const dbs: KontaktvernDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A new empty database, deleted after the test. */
export function freshDb(prefix = 'setup'): KontaktvernDb {
  const db = new KontaktvernDb(`${prefix}-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** The demo set-up document (tests/e2e/fixtures/setup-demo.json), parsed. */
export function demoDoc(): SetupDocument {
  const parsed = parseSetupDocument(readFileSync(new URL('../../tests/e2e/fixtures/setup-demo.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.doc;
}
