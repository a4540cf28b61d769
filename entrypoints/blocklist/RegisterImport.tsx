import type { RegisterSnapshot } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { formatSnapshotDate } from '@/components/RegisterFreshness';
import { ImportFlow } from './ImportFlow';
import { formatCount } from './format-count';

/** Import a Reservasjonsregisteret delivery: it replaces the snapshot in force as a whole. */
export function RegisterImport({ agent, active, onChanged }: { agent: string; active: RegisterSnapshot | undefined; onChanged: () => void }) {
  const locale = uiLocale();
  return (
    <section class="card" aria-labelledby="register-import-title">
      <h2 id="register-import-title">{t('registerImportTitle')}</h2>
      <p class="muted">{t('registerImportHelp')}</p>
      {active && (
        <p data-testid="register-in-force">
          {t('registerInForce', [
            formatSnapshotDate(active.snapshotDate),
            active.fileName,
            formatCount(active.accepted, locale),
            active.importedBy,
            formatDateTime(active.completedAt ?? active.startedAt, locale),
          ])}
        </p>
      )}
      <ImportFlow kind="register" agent={agent} active={active} onChanged={onChanged} />
    </section>
  );
}
