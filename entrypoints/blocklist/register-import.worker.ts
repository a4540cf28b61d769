/**
 * Dedicated module worker that runs one register or opt-out import off the
 * page's main thread. It opens the extension's IndexedDB itself (same
 * origin as the page) and holds the import Web Lock for the whole run; if
 * the tab closes, the worker dies with it, the lock is released and the
 * 'building' snapshot row is recovered as interrupted next time.
 */
import { KontaktvernDb } from '@/lib/db';
import { type CommitSummary, type ImportProgress, importOptOuts, importRegister, recoverInterruptedImports } from '@/lib/register/import-job';
import { replaceWarnings } from '@/lib/register/replace-check';
import { type FromWorker, IMPORT_LOCK, type StartImport, type ToWorker } from './import-protocol';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

const controller = new AbortController();
let started = false;
let answerConfirm: ((replace: boolean) => void) | undefined;

/** Asks the page when the built snapshot looks wrong (mostly repeats, much smaller than or older than the one in force). */
function confirmReplace(summary: CommitSummary): Promise<boolean> | boolean {
  const warnings = replaceWarnings(summary);
  if (warnings.length === 0) return true;
  return new Promise<boolean>((resolve) => {
    answerConfirm = resolve;
    post({ type: 'confirm', summary, warnings });
  });
}

function post(message: FromWorker): void {
  scope.postMessage(message);
}

async function run(start: StartImport): Promise<void> {
  const db = new KontaktvernDb();
  try {
    await navigator.locks.request(IMPORT_LOCK, { ifAvailable: true }, async (lock) => {
      if (!lock) {
        post({ type: 'busy' });
        return;
      }
      const interrupted = await recoverInterruptedImports(db);
      post({ type: 'started', interrupted });
      const t0 = performance.now();
      const common = {
        db,
        file: start.file,
        actor: start.actor,
        column: start.column,
        delimiter: start.delimiter,
        hasHeader: start.hasHeader,
        encoding: start.encoding,
        signal: controller.signal,
        onProgress: (progress: ImportProgress) => post({ type: 'progress', progress }),
      };
      if (start.kind === 'register') {
        const outcome = await importRegister({ ...common, snapshotDate: start.snapshotDate, beforeCommit: confirmReplace });
        post({ type: 'done', kind: 'register', outcome, elapsedMs: performance.now() - t0 });
      } else {
        const outcome = await importOptOuts(common);
        post({ type: 'done', kind: 'opt-out', outcome, elapsedMs: performance.now() - t0 });
      }
    });
  } catch (error) {
    post({ type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'cancel') {
    controller.abort();
    answerConfirm?.(false);
  } else if (message.type === 'confirm-reply') {
    answerConfirm?.(message.replace);
    answerConfirm = undefined;
  } else if (message.type === 'start' && !started) {
    started = true;
    void run(message);
  }
};
