import type { CommitSummary, ImportProgress } from '@/lib/register/import-job';
import type { ReplaceWarning } from '@/lib/register/replace-check';
import type { RegisterSnapshot } from '@/lib/db';
import type { FromWorker, StartImport, ToWorker } from './import-protocol';

export type ImportResult = Extract<FromWorker, { type: 'done' | 'busy' | 'crashed' }>;

export interface ImportCallbacks {
  onStarted?: (interrupted: RegisterSnapshot[]) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** The built snapshot looks wrong: resolve true to replace the one in force anyway. */
  onConfirm: (summary: CommitSummary, warnings: ReplaceWarning[]) => Promise<boolean>;
}

export interface RunningImport {
  cancel(): void;
  result: Promise<ImportResult>;
}

/** Runs one import in a dedicated module worker (bundled by Vite, same-origin under the extension CSP). */
export function runImport(start: Omit<StartImport, 'type'>, callbacks: ImportCallbacks): RunningImport {
  const worker = new Worker(new URL('./register-import.worker.ts', import.meta.url), { type: 'module', name: 'kontaktvern-import' });
  const send = (message: ToWorker) => worker.postMessage(message);
  const result = new Promise<ImportResult>((resolve) => {
    const finish = (r: ImportResult) => {
      worker.terminate();
      resolve(r);
    };
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      switch (message.type) {
        case 'started':
          callbacks.onStarted?.(message.interrupted);
          break;
        case 'progress':
          callbacks.onProgress?.(message.progress);
          break;
        case 'confirm':
          void callbacks.onConfirm(message.summary, message.warnings).then((replace) => send({ type: 'confirm-reply', replace }));
          break;
        default:
          finish(message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ type: 'crashed', message: event.message || 'the import worker could not run' });
    };
  });
  send({ type: 'start', ...start });
  return { cancel: () => send({ type: 'cancel' }), result };
}
