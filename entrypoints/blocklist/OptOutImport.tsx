import type { RegisterSnapshot } from '@/lib/db';
import { t } from '@/lib/i18n';
import { ImportFlow } from './ImportFlow';

/** Bulk import of customer opt-outs: appended (never replaced), deduplicated, audited. */
export function OptOutImport({ agent, active, onChanged }: { agent: string; active: RegisterSnapshot | undefined; onChanged: () => void }) {
  return (
    <section class="card" aria-labelledby="opt-out-import-title">
      <h2 id="opt-out-import-title">{t('optOutImportTitle')}</h2>
      <p class="muted">{t('optOutImportHelp')}</p>
      <ImportFlow kind="opt-out" agent={agent} active={active} onChanged={onChanged} />
    </section>
  );
}
