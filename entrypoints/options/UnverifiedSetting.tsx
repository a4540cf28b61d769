import { useState } from 'preact/hooks';
import { notifyBlocklistChanged } from '@/components/notify-background';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb, newId } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting } from '@/lib/settings';

/**
 * "When the register is stale or missing, show unlisted numbers as
 * unverified (amber)". Audited (it changes what agents see before a call),
 * and every open tab re-checks its numbers at once.
 */
export function UnverifiedSetting({ agent }: { agent: string }) {
  const db = getDb();
  const value = useLiveQuery(() => getSetting(db, 'markUnverifiedWhenStale'), [], null as boolean | null);
  const [error, setError] = useState('');
  if (value === null) return null;
  const change = async (next: boolean) => {
    setError('');
    try {
      const now = Date.now();
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.put({ key: 'markUnverifiedWhenStale', value: next, updatedAt: now });
        await db.audit.add({
          id: newId(),
          at: now,
          actor: agent,
          action: 'settings',
          reason: next ? t('unverifiedSettingOnAudit') : t('unverifiedSettingOffAudit'),
          detail: { setting: 'markUnverifiedWhenStale', value: next },
        });
      });
      await notifyBlocklistChanged().catch(() => undefined);
    } catch (err) {
      setError(t('saveFailed', err instanceof Error ? err.message : String(err)));
    }
  };
  return (
    <section class="card" aria-labelledby="register-settings-title">
      <h2 id="register-settings-title">{t('registerSettingsTitle')}</h2>
      <label class="switch">
        <input type="checkbox" role="switch" checked={value} onChange={(e) => void change(e.currentTarget.checked)} aria-describedby="unverified-help" />{' '}
        {t('unverifiedSettingLabel')}
      </label>
      <p id="unverified-help" class="muted">
        {t('unverifiedSettingHelp')}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
