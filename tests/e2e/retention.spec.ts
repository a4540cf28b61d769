/**
 * Issue 6: every campaign's call logs are anonymised once older than its retention period, on a
 * schedule that survives restarts (an alarm) and that catches up when the browser was closed at
 * the due time (a run when the background starts, if the last one is a period ago).
 */
import type { Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { stopServiceWorkers } from './register-helpers';
import { callLogRow, campaignRow, clientRow, readStore, seedDatabase, waitForDatabase } from './seed-helpers';

const DAY = 86_400_000;
const CLIENT = clientRow({ id: 'k1', name: 'Vestkraft AS', orgNumber: '974760673', contact: 'personvern@vestkraft.example', agreementReference: 'DBA-1' });
const SHORT = campaignRow({ id: 'short', clientId: 'k1', name: 'Kort lagring', logRetentionDays: 30 });
const LONG = campaignRow({ id: 'long', clientId: 'k1', name: 'Lang lagring', logRetentionDays: 365 });

function logs(now: number) {
  return [
    callLogRow({ id: 'old-1', e164: '+4741000001', campaignId: 'short', clientId: 'k1', agent: 'Kari', outcomeKind: 'sale', amountOre: 99_000, note: 'Ring etter kl. 17', at: now - 40 * DAY }),
    callLogRow({ id: 'old-2', e164: '+4741000002', campaignId: 'short', clientId: 'k1', agent: 'Ola', outcomeKind: 'no-answer', at: now - 31 * DAY }),
    callLogRow({ id: 'recent', e164: '+4741000003', campaignId: 'short', clientId: 'k1', agent: 'Kari', outcomeKind: 'call-back', note: 'Vil ha tilbud', at: now - 29 * DAY }),
    callLogRow({ id: 'long-old', e164: '+4741000004', campaignId: 'long', clientId: 'k1', agent: 'Ola', outcomeKind: 'sale', amountOre: 5_000, at: now - 40 * DAY }),
  ];
}

/** The extension API as seen from extension pages and the service worker. */
type ChromeApi = {
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};
type Log = { id: string; e164: string | null; note: string; anonymisedAt: number | null; agent: string; outcomeKind: string; amountOre: number | null };
type Audit = { action: string; actor: string; e164?: string; detail?: { scope?: string; id?: string; count?: number } };

async function retentionRun(background: Worker): Promise<{ campaignId: string; count: number }[]> {
  return background.evaluate(() => (globalThis as unknown as { kontaktvernTestHooks: { retentionRun: () => Promise<{ campaignId: string; count: number }[]> } }).kontaktvernTestHooks.retentionRun());
}

test.describe('retention', () => {
  test("a campaign's retention run anonymises exactly its logs older than the period, once, with one audit event", async ({ background, openExtensionPage }) => {
    const page = await openExtensionPage('rights.html');
    await waitForDatabase(page);
    await seedDatabase(page, { clients: [CLIENT], campaigns: [SHORT, LONG], callLogs: logs(Date.now()) });

    const result = await retentionRun(background);
    expect(result.filter((r) => r.count > 0)).toEqual([{ campaignId: 'short', count: 2 }]);
    const byId = new Map((await readStore<Log>(page, 'callLogs')).map((l) => [l.id, l]));
    for (const id of ['old-1', 'old-2']) {
      expect(byId.get(id)).toMatchObject({ e164: null, note: '' });
      expect(byId.get(id)!.anonymisedAt).not.toBeNull();
    }
    // What the statistics need stays.
    expect(byId.get('old-1')).toMatchObject({ agent: 'Kari', outcomeKind: 'sale', amountOre: 99_000 });
    expect(byId.get('recent')).toMatchObject({ e164: '+4741000003', note: 'Vil ha tilbud', anonymisedAt: null });
    expect(byId.get('long-old')).toMatchObject({ e164: '+4741000004', anonymisedAt: null });
    const events = (await readStore<Audit>(page, 'audit')).filter((a) => a.action === 'anonymise');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'system', detail: { scope: 'retention', id: 'short', count: 2 } });
    expect(events[0]!.e164).toBeUndefined();

    // Idempotent: nothing more to do, and no new audit event.
    expect((await retentionRun(background)).filter((r) => r.count > 0)).toEqual([]);
    expect((await readStore<Audit>(page, 'audit')).filter((a) => a.action === 'anonymise')).toHaveLength(1);
  });

  test('runs on an alarm that survives restarts, and catches up when the background starts after the due time', async ({ context, background, openExtensionPage }) => {
    const alarm = await background.evaluate(async () => {
      const a = await (globalThis as unknown as { chrome: ChromeApi }).chrome.alarms.get('retention');
      return a ? { periodInMinutes: a.periodInMinutes } : null;
    });
    expect(alarm).toEqual({ periodInMinutes: 60 });

    const page = await openExtensionPage('rights.html');
    await waitForDatabase(page);
    await seedDatabase(page, { clients: [CLIENT], campaigns: [SHORT, LONG], callLogs: logs(Date.now()) });
    // The browser was closed for two hours: the last run is older than the period.
    await page.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({ retentionLastRunAt: Date.now() - 2 * 3_600_000 }));
    await stopServiceWorkers(context, page);
    // Anything that wakes the background (here a lookup from a page) starts it again, and it catches up.
    await page.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ type: 'page:lookup', payload: { numbers: ['+4741000009'] } }));
    await expect
      .poll(async () => (await readStore<Log>(page, 'callLogs')).filter((l) => l.anonymisedAt !== null).map((l) => l.id).sort(), { timeout: 10_000 })
      .toEqual(['old-1', 'old-2']);
  });
});
