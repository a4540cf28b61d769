import { useEffect, useState } from 'preact/hooks';
import { formatSnapshotDate } from '@/components/RegisterFreshness';
import { getDb, type RegisterSnapshot } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { recoverInterruptedImports } from '@/lib/register/import-job';
import { IMPORT_LOCK } from './import-protocol';
import { previousInForce } from './ImportResultView';

/** "The import of X started DATE was interrupted; the previous snapshot (DATE) is still in force." */
export function InterruptedNotice({ snapshots, active }: { snapshots: RegisterSnapshot[]; active: RegisterSnapshot | undefined }) {
  if (snapshots.length === 0) return null;
  const locale = uiLocale();
  return (
    <div class="notice warn" role="alert" data-testid="interrupted-imports">
      {snapshots.map((s) => (
        <p key={s.id}>
          {t('importInterrupted', [s.fileName, formatDateTime(s.startedAt, locale), formatSnapshotDate(s.snapshotDate)])} {previousInForce(active)}
        </p>
      ))}
    </div>
  );
}

/**
 * On page load: imports left half-done by a closed tab, a crash or a stopped
 * browser are marked failed and their partial data deleted (under the import
 * lock, so never while an import runs), and the agent is told.
 */
export function InterruptedImports({ active }: { active: RegisterSnapshot | undefined }) {
  const [interrupted, setInterrupted] = useState<RegisterSnapshot[]>([]);
  const [busyElsewhere, setBusyElsewhere] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    const recover = async (): Promise<void> => {
      const db = getDb();
      // The lock's callback result is a promise: the typings give Promise<Promise<T>>, awaited here.
      let found: RegisterSnapshot[] | null = await navigator.locks.request(IMPORT_LOCK, { ifAvailable: true }, async (lock) =>
        lock ? recoverInterruptedImports(db) : null,
      );
      if (found === null) {
        // An import holds the lock (another tab, or one whose tab is just closing): wait for it to end.
        setBusyElsewhere(true);
        found = await navigator.locks.request(IMPORT_LOCK, { signal: stop.signal }, async () => recoverInterruptedImports(db));
        if (stop.signal.aborted) return;
        setBusyElsewhere(false);
      }
      if (!stop.signal.aborted) setInterrupted(found);
    };
    recover().catch((error: unknown) => {
      if (!stop.signal.aborted) console.error('[Kontaktvern] could not check for interrupted imports', error);
    });
    return () => stop.abort();
  }, []);
  return (
    <>
      <InterruptedNotice snapshots={interrupted} active={active} />
      {busyElsewhere && (
        <p class="notice warn" role="status" data-testid="import-running-elsewhere">
          {t('importRunningElsewhere')}
        </p>
      )}
    </>
  );
}
