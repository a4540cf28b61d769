import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting, setSetting } from '@/lib/settings';
import { useLiveQuery } from './use-live-query';

/**
 * Asks for the agent's name once (first run); every change to the block list
 * is recorded under it. Children render with the name once it is known.
 */
export function AgentNameGate({ children }: { children: (agentName: string) => ComponentChildren }) {
  const db = getDb();
  const name = useLiveQuery(() => getSetting(db, 'agentName'), [], null as string | null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  if (name === null) return <p aria-busy="true">{t('loading')}</p>;
  if (name) return <>{children(name)}</>;

  const save = async (e: Event) => {
    e.preventDefault();
    const trimmed = draft.trim();
    if (trimmed.length < 2) {
      setError(t('agentNameTooShort'));
      return;
    }
    await setSetting(db, 'agentName', trimmed);
  };

  return (
    <form class="card first-run" onSubmit={save} aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('agentNameTitle')}</h2>
      <p>{t('agentNameExplain')}</p>
      <label for="agent-name">{t('agentNameLabel')}</label>
      <input id="agent-name" autoComplete="name" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'agent-name-error' : undefined} autoFocus />
      {error && (
        <p id="agent-name-error" class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary">
        {t('agentNameSave')}
      </button>
    </form>
  );
}
