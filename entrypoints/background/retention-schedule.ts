import { browser } from 'wxt/browser';
import { clockNow } from '@/lib/clock';
import type { KontaktvernDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { runRetention } from '@/lib/rights/anonymise';

export const RETENTION_ALARM = 'retention';
/** How often the retention run checks every campaign's logs. */
const PERIOD_MINUTES = 60;

/**
 * Anonymises call logs older than their campaign's retention period. Runs
 * hourly on a browser alarm (alarms survive restarts) and once whenever the
 * background starts, so logs that fell due while the browser was closed are
 * handled as soon as it opens again. Each run that changes anything writes
 * an audit event (by runRetention).
 */
export function scheduleRetention(db: KontaktvernDb): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void retentionRun(db);
  });
  void browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: PERIOD_MINUTES });
  });
  // The service worker starts often (it sleeps when idle): catch up only when the last run is over a period ago.
  void browser.storage.local.get(LAST_RUN_KEY).then((stored) => {
    const last = typeof stored[LAST_RUN_KEY] === 'number' ? stored[LAST_RUN_KEY] : 0;
    if (Date.now() - last >= PERIOD_MINUTES * 60_000) void retentionRun(db);
  });
}

const LAST_RUN_KEY = 'retentionLastRunAt';

let running: Promise<unknown> | null = null;

/** One retention run (never two at once). */
export async function retentionRun(db: KontaktvernDb): Promise<{ campaignId: string; count: number }[]> {
  while (running) await running.catch(() => undefined);
  const run = runRetention(db, clockNow(), 'system', t('auditRetentionReason'));
  running = run;
  try {
    const result = await run;
    await browser.storage.local.set({ [LAST_RUN_KEY]: Date.now() });
    return result;
  } catch (error) {
    console.error('[Kontaktvern] retention run failed', error);
    return [];
  } finally {
    running = null;
  }
}
