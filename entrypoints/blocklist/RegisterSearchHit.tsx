import { formatSnapshotDate } from '@/components/RegisterFreshness';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb, type RegisterSnapshot } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { findInRegister } from '@/lib/register/register-search';

/** Looks the searched number up in the register snapshot in force (live: follows a new import). */
export function useRegisterHit(e164: string | null): RegisterSnapshot | null {
  return useLiveQuery(() => (e164 ? findInRegister(getDb(), e164) : Promise.resolve(null)), [e164], null as RegisterSnapshot | null);
}

/** "In Reservasjonsregisteret: snapshot 28.11.2026 (file, imported by Kari on …)" for a searched number. */
export function RegisterSearchHit({ snapshot }: { snapshot: RegisterSnapshot }) {
  const locale = uiLocale();
  return (
    <p class="notice bad" data-testid="register-hit">
      <span class="tag">{t('sourceRegister')}</span>{' '}
      {t('registerHit', [formatSnapshotDate(snapshot.snapshotDate), snapshot.fileName, snapshot.importedBy, formatDateTime(snapshot.completedAt ?? snapshot.startedAt, locale)])}
    </p>
  );
}
