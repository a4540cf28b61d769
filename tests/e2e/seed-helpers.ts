/**
 * Seeding and reading Kontaktvern's IndexedDB from an extension page with the
 * raw IndexedDB API (a built extension cannot `import()` Dexie into
 * `page.evaluate`).
 *
 *   const page = await openExtensionPage('rights.html');
 *   await waitForDatabase(page);                // Dexie has created the schema
 *   await seedDatabase(page, { clients: [...], campaigns: [...], callLogs: [...] });
 *   await page.reload();                        // liveQuery does not see raw writes
 *
 * The database must exist before seeding: opening it without a version when it
 * does not exist would create an empty version-1 database that Dexie then
 * refuses. `waitForDatabase` waits until Dexie (the page or the background) has
 * opened it at its current version (Dexie stores version × 10).
 * Records are written as they are (no validation): keep them in the shapes of
 * lib/db.ts; the builders below fill in the usual fields.
 */
import type { Page } from '@playwright/test';

export const DB_NAME = 'kontaktvern';
/** Stores of Dexie schema version 3 (lib/db.ts). */
export const STORES = ['blocks', 'audit', 'settings', 'registerSnapshots', 'registerChunks', 'importReports', 'clients', 'campaigns', 'callLogs'] as const;
export type StoreName = (typeof STORES)[number];

type Row = Record<string, unknown>;
export type Seed = Partial<Record<StoreName, Row[]>>;

/** Waits until the extension's database exists with every store of the current schema. */
export async function waitForDatabase(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    async ({ name, stores }) => {
      const info = (await indexedDB.databases()).find((d) => d.name === name);
      if (!info || !info.version || info.version < 30) return false;
      return new Promise<boolean>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          const ok = stores.every((s) => db.objectStoreNames.contains(s));
          db.close();
          resolve(ok);
        };
        req.onerror = () => resolve(false);
      });
    },
    { name: DB_NAME, stores: [...STORES] as string[] },
    { timeout, polling: 100 },
  );
}

/** Puts (insert or replace) the rows into their stores in one transaction. */
export async function seedDatabase(page: Page, seed: Seed): Promise<void> {
  await page.evaluate(
    async ([name, data]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        const stores = Object.keys(data);
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite');
          for (const store of stores) for (const row of data[store]!) tx.objectStore(store).put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    [DB_NAME, seed as Record<string, Row[]>] as const,
  );
}

/** Every row of every store (ArrayBuffers as hex), by store name. */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const hex = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return [...new Uint8Array(value)].map((b) => b.toString(16).padStart(2, '0')).join('');
      if (ArrayBuffer.isView(value)) return hex(value.buffer);
      if (Array.isArray(value)) return value.map(hex);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hex(v)]));
      return value;
    };
    try {
      const out: Record<string, unknown[]> = {};
      for (const store of [...db.objectStoreNames]) {
        out[store] = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve((req.result as unknown[]).map(hex));
          req.onerror = () => reject(req.error);
        });
      }
      return out;
    } finally {
      db.close();
    }
  }, DB_NAME);
}

/** Every row of one store. */
export async function readStore<T = Row>(page: Page, store: StoreName): Promise<T[]> {
  return ((await dumpDatabase(page))[store] ?? []) as T[];
}

// ---------------------------------------------------------------------------
// Record builders (shapes of lib/db.ts)
// ---------------------------------------------------------------------------

const T0 = Date.UTC(2026, 0, 10, 9, 0);

export interface FieldSeed {
  label: string;
  purpose: string;
  legalBasis: 'consent' | 'contract' | 'legal-obligation' | 'vital-interest' | 'public-task' | 'legitimate-interest';
  category: 'identity' | 'contact' | 'financial' | 'customer-relationship' | 'preferences' | 'other';
  retention: string;
}

export function clientRow(c: { id: string; name: string; orgNumber: string; contact: string; agreementReference?: string | null }): Row {
  return {
    id: c.id,
    name: c.name,
    orgNumber: c.orgNumber,
    contact: c.contact,
    agreement: c.agreementReference
      ? { reference: c.agreementReference, signedDate: '2026-01-05', deletionBy: 'processor', deletionWhen: '30 days after the assignment ends', notes: '' }
      : null,
    createdAt: T0,
    updatedAt: T0,
  };
}

export function campaignRow(c: { id: string; clientId: string; name: string; logRetentionDays?: number; fields?: FieldSeed[] }): Row {
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    type: 'consumer-telemarketing',
    logRetentionDays: c.logRetentionDays ?? 365,
    outcomes: [
      { id: `${c.id}-sale`, kind: 'sale', label: '' },
      { id: `${c.id}-no`, kind: 'not-interested', label: '' },
      { id: `${c.id}-back`, kind: 'call-back', label: '' },
      { id: `${c.id}-noanswer`, kind: 'no-answer', label: '' },
    ],
    sites: [],
    optOutScope: 'all',
    fields: (c.fields ?? []).map((f, i) => ({ id: `${c.id}-f${i}`, selector: '', ...f })),
    createdAt: T0,
    updatedAt: T0,
  };
}

export function callLogRow(l: {
  id: string;
  e164: string;
  campaignId: string;
  clientId: string;
  agent: string;
  outcomeKind: 'sale' | 'not-interested' | 'call-back' | 'no-answer';
  amountOre?: number | null;
  note?: string;
  at: number;
}): Row {
  const outcomeId = { sale: 'sale', 'not-interested': 'no', 'call-back': 'back', 'no-answer': 'noanswer' }[l.outcomeKind];
  return {
    id: l.id,
    e164: l.e164,
    campaignId: l.campaignId,
    clientId: l.clientId,
    agent: l.agent,
    outcomeId: `${l.campaignId}-${outcomeId}`,
    outcomeKind: l.outcomeKind,
    outcomeLabel: '',
    amountOre: l.amountOre ?? null,
    note: l.note ?? '',
    at: l.at,
    createdAt: l.at,
    updatedAt: l.at,
    anonymisedAt: null,
  };
}

export function settingRow(key: string, value: unknown): Row {
  return { key, value, updatedAt: T0 };
}
