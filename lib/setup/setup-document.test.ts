import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportSetup, parseSetupDocument, serialiseSetup, setupFileName, validateSetupDocument } from './setup-document';
import { freshDb as freshTestDb } from './test-fixtures';

const fixture = (name: string) => readFileSync(new URL(`../../tests/e2e/fixtures/${name}`, import.meta.url), 'utf8');
const demoText = fixture('setup-demo.json');
const demo = () => JSON.parse(demoText) as Record<string, unknown> & { clients: Record<string, unknown>[]; campaigns: Record<string, unknown>[] };
const problems = (text: string) => {
  const result = parseSetupDocument(text);
  return result.ok ? [] : result.problems.map((p) => `${p.path} ${p.problem}`);
};

const freshDb = () => freshTestDb('setup-doc');

describe('parseSetupDocument', () => {
  it('accepts the demo set-up used by the end-to-end tests', () => {
    const result = parseSetupDocument(demoText);
    expect(result.ok && result.doc.clients.map((c) => c.name)).toEqual(['Vestkraft AS', 'Hjelp for Alle']);
    expect(result.ok && result.doc.campaigns.map((c) => c.name)).toEqual(['Strøm Vest – høstkampanje', 'Innsamling vinter', 'Markedsundersøkelse']);
  });

  it('reports every problem of the broken fixture, each with its exact path', () => {
    expect(problems(fixture('setup-broken.json'))).toEqual([
      'clients[0].orgNumber invalid-org-number',
      'clients[0].agreement.signedDate invalid-date',
      'campaigns[1].clientId unknown-client',
      'campaigns[2].logRetentionDays out-of-range',
      'campaigns[2].outcomes[0].label empty',
      'campaigns[2].sites[0] invalid-site',
      'campaigns[2].fields[0].legalBasis missing',
    ]);
  });

  it('refuses text that is not JSON, or not an object', () => {
    expect(problems('{"format": ')).toEqual([' not-json']);
    expect(problems('[]')).toEqual([' not-an-object']);
    expect(problems('null')).toEqual([' not-an-object']);
  });

  it('accepts a byte-order mark', () => {
    expect(parseSetupDocument(`\uFEFF${demoText}`).ok).toBe(true);
  });

  it('reports a wrong format or a newer version as a single problem', () => {
    expect(problems(JSON.stringify({ ...demo(), format: 'something-else', clients: 7 }))).toEqual(['format wrong-format']);
    expect(problems(JSON.stringify({ ...demo(), version: 2, clients: 7 }))).toEqual(['version unsupported-version']);
    expect(problems(JSON.stringify({ ...demo(), version: '1' }))).toEqual(['version unsupported-version']);
    const { version: _v, ...noVersion } = demo();
    expect(problems(JSON.stringify(noVersion))).toEqual(['version missing']);
    const { format: _f, ...noFormat } = demo();
    expect(problems(JSON.stringify(noFormat))).toEqual(['format missing']);
  });

  it('checks the top level', () => {
    expect(problems(JSON.stringify({ format: 'kontaktvern-setup', version: 1 }))).toEqual(['exportedAt missing', 'clients missing', 'campaigns missing']);
    expect(problems(JSON.stringify({ format: 'kontaktvern-setup', version: 1, exportedAt: 'today', clients: {}, campaigns: 'x' }))).toEqual([
      'exportedAt invalid-date',
      'clients not-an-array',
      'campaigns not-an-array',
    ]);
  });

  it('finds duplicate ids, org numbers and campaign names', () => {
    const doc = demo();
    doc.clients.push({ ...doc.clients[0]!, name: 'Vestkraft igjen' });
    doc.campaigns.push({ ...doc.campaigns[1]!, id: 'other-id' });
    doc.campaigns.push({ ...doc.campaigns[2]!, name: 'Ny' });
    expect(problems(JSON.stringify(doc))).toEqual([
      'clients[2].id duplicate-id',
      'clients[2].orgNumber duplicate-org-number',
      'campaigns[3].name duplicate-name',
      'campaigns[4].id duplicate-id',
    ]);
  });

  it('drops properties it does not know', () => {
    const doc = demo();
    (doc.clients[0] as Record<string, unknown>).secret = 'x';
    (doc as Record<string, unknown>).extra = 1;
    const result = parseSetupDocument(JSON.stringify(doc));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.doc.clients[0]).not.toHaveProperty('secret');
      expect(result.doc).not.toHaveProperty('extra');
    }
  });

  it('uses a stricter selector check when one is given', () => {
    const result = parseSetupDocument(demoText, { selectorIsValid: (s) => s !== '#card-mobile' });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['campaigns[0].fields[3].selector', 'campaigns[1].fields[1].selector']);
  });

  it('refuses very large files before parsing', () => {
    expect(problems(' '.repeat(6 * 1024 * 1024))).toEqual([' too-long']);
  });
});

describe('exportSetup', () => {
  it('exports the stored set-up without timestamps, and the result parses back to the same set-up', async () => {
    const db = freshDb();
    const parsed = parseSetupDocument(demoText);
    if (!parsed.ok) throw new Error('fixture invalid');
    await db.clients.bulkAdd(parsed.doc.clients.map((c) => ({ ...c, createdAt: 1, updatedAt: 2 })));
    await db.campaigns.bulkAdd(parsed.doc.campaigns.map((c) => ({ ...c, createdAt: 1, updatedAt: 2 })));
    const doc = await exportSetup(db, new Date('2026-11-02T09:00:00.000Z'));
    expect(doc.format).toBe('kontaktvern-setup');
    expect(doc.version).toBe(1);
    expect(doc.exportedAt).toBe('2026-11-02T09:00:00.000Z');
    expect(doc.clients.map((c) => c.name)).toEqual(['Hjelp for Alle', 'Vestkraft AS']);
    expect(doc.clients[0]).not.toHaveProperty('createdAt');
    expect(doc.campaigns[0]).not.toHaveProperty('updatedAt');
    const again = parseSetupDocument(serialiseSetup(doc));
    expect(again.ok).toBe(true);
    if (again.ok) {
      const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(again.doc.clients)).toEqual(byId(parsed.doc.clients));
      expect(byId(again.doc.campaigns)).toEqual(byId(parsed.doc.campaigns));
    }
  });

  it('exports an empty set-up that is still a valid document', async () => {
    const doc = await exportSetup(freshDb());
    expect(validateSetupDocument(JSON.parse(serialiseSetup(doc))).ok).toBe(true);
  });

  it('names the file by date', () => {
    expect(setupFileName('2026-11-02')).toBe('kontaktvern-setup-2026-11-02.json');
  });
});
