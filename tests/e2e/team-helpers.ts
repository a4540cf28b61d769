/**
 * Helpers for team.spec.ts (the team lead's popup): call logs, campaigns and
 * clients written with raw IndexedDB on an extension page, Oslo day maths
 * shared with the extension (lib/call-log/oslo-period), downloads read back.
 */
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect } from './fixtures';
import { periodRange, type TimeRange } from '../../lib/call-log/oslo-period';

export type OutcomeKind = 'sale' | 'not-interested' | 'no-answer' | 'call-back' | 'do-not-call' | 'wrong-number' | 'other';

/** The CallLog shape of lib/db.ts. */
export interface SeedLog {
  id: string;
  e164: string | null;
  campaignId: string;
  clientId: string;
  agent: string;
  outcomeId: string;
  outcomeKind: OutcomeKind;
  outcomeLabel: string;
  amountOre: number | null;
  note: string;
  at: number;
  createdAt: number;
  updatedAt: number;
  anonymisedAt: number | null;
}

const OUTCOME_IDS: Record<OutcomeKind, string> = {
  sale: 'o-sale',
  'not-interested': 'o-no',
  'no-answer': 'o-noanswer',
  'call-back': 'o-later',
  'do-not-call': 'o-dnc',
  'wrong-number': 'o-wrong',
  other: 'o-other',
};

export const CLIENTS = [
  { id: 'client-sv', name: 'Sparebanken Vest', orgNumber: '832554332', contact: 'personvern@sv.example', agreement: null, createdAt: 1, updatedAt: 1 },
  { id: 'client-fk', name: 'Fjordkraft Øst', orgNumber: '912345678', contact: 'personvern@fk.example', agreement: null, createdAt: 1, updatedAt: 1 },
];

function campaign(id: string, clientId: string, name: string) {
  return {
    id,
    clientId,
    name,
    type: 'consumer-telemarketing',
    logRetentionDays: 90,
    outcomes: (Object.keys(OUTCOME_IDS) as OutcomeKind[]).map((kind) => ({ id: OUTCOME_IDS[kind], kind, label: kind === 'other' ? 'Sendt tilbud' : '' })),
    sites: ['crm.example.no'],
    optOutScope: 'client',
    fields: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

export const CAMPAIGNS = [campaign('camp-winter', 'client-sv', 'Vinterkampanje'), campaign('camp-power', 'client-fk', 'Strøm og gass')];

let seq = 0;
/** A valid call log; anonymised ones have no number and no note. */
export function callLog(o: Partial<SeedLog> & Pick<SeedLog, 'agent' | 'campaignId' | 'outcomeKind' | 'at'>): SeedLog {
  const clientId = o.clientId ?? (o.campaignId === 'camp-power' ? 'client-fk' : 'client-sv');
  const anonymised = o.anonymisedAt !== undefined && o.anonymisedAt !== null;
  seq++;
  return {
    id: o.id ?? `log-${String(seq).padStart(3, '0')}-${Math.random().toString(36).slice(2, 8)}`,
    e164: anonymised ? null : (o.e164 ?? `+47412${String(10000 + seq).slice(-5)}`),
    campaignId: o.campaignId,
    clientId,
    agent: o.agent,
    outcomeId: o.outcomeId ?? OUTCOME_IDS[o.outcomeKind],
    outcomeKind: o.outcomeKind,
    outcomeLabel: o.outcomeLabel ?? '',
    amountOre: o.amountOre ?? null,
    note: anonymised ? '' : (o.note ?? ''),
    at: o.at,
    createdAt: o.createdAt ?? o.at,
    updatedAt: o.updatedAt ?? o.at,
    anonymisedAt: o.anonymisedAt ?? null,
  };
}

/** Today, this ISO week and this month in Oslo terms, exactly as the popup computes them. */
export function osloPeriods(now = Date.now()): { today: TimeRange; week: TimeRange; month: TimeRange } {
  return { today: periodRange('today', now), week: periodRange('week', now), month: periodRange('month', now) };
}

/** A moment in this ISO week that is not today (Monday, or Tuesday when today is Monday), 10:00 Oslo-ish. */
export function thisWeekNotToday(now = Date.now()): number {
  const { today, week } = osloPeriods(now);
  const monday = week.from + 10 * 3_600_000;
  return monday >= today.from && monday < today.to ? today.to + 10 * 3_600_000 : monday;
}

/** Waits until Dexie (opened by the extension page) has created the database's stores. */
export async function waitForStores(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open('kontaktvern');
            req.onsuccess = () => {
              const ok = req.result.objectStoreNames.contains('callLogs') && req.result.objectStoreNames.contains('campaigns');
              req.result.close();
              resolve(ok);
            };
            req.onerror = () => resolve(false);
          }),
      ),
    )
    .toBe(true);
}

/** Puts rows into stores of the 'kontaktvern' database (raw IndexedDB, on an extension page). */
export async function putRows(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await waitForStores(page);
  await page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('kontaktvern');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(Object.keys(data), 'readwrite');
          for (const [store, items] of Object.entries(data)) for (const item of items) tx.objectStore(store).put(item);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** Clears stores of the 'kontaktvern' database. */
export async function clearStores(page: Page, stores: string[]): Promise<void> {
  await page.evaluate(
    (names) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('kontaktvern');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) tx.objectStore(n).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}

/** Every row of a store (raw IndexedDB). */
export async function allRows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('kontaktvern');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction(name, 'readonly').objectStore(name).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}

export async function logCount(page: Page): Promise<number> {
  return (await allRows(page, 'callLogs')).length;
}

/** Sets up the campaigns and clients, writes the logs, and reloads the page so its live queries see them. */
export async function seedTeam(page: Page, logs: SeedLog[], extra: Record<string, unknown[]> = {}): Promise<void> {
  await putRows(page, { clients: CLIENTS, campaigns: CAMPAIGNS, callLogs: logs, ...extra });
  await page.reload();
}

export async function setAgentNameRaw(page: Page, name: string): Promise<void> {
  await putRows(page, { settings: [{ key: 'agentName', value: name, updatedAt: Date.now() }] });
}

/** Clicks and returns the download's suggested name and its raw bytes. */
export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** Opens the <details> part of the team panel (export or merge) if closed. */
export async function openPart(page: Page, testId: 'team-export' | 'team-merge'): Promise<void> {
  const part = page.getByTestId(testId);
  if (!(await part.evaluate((el) => (el as HTMLDetailsElement).open))) await part.locator('summary').click();
}

/** Writes an export-shaped file (as another agent's Kontaktvern would) to `file`. */
export function writeLogExport(file: string, logs: SeedLog[], over: Record<string, unknown> = {}): string {
  fs.writeFileSync(file, JSON.stringify({ format: 'kontaktvern-call-logs', version: 1, exportedAt: Date.now(), exportedBy: 'Ola Åsen', logs, ...over }, null, 2));
  return file;
}
