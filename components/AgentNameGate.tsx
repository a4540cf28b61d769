import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting } from '@/lib/settings';
import { AgentNameField, saveAgentName } from './AgentNameField';
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
    setError(await saveAgentName(draft));
  };

  return (
    <form class="card first-run" onSubmit={save} aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('agentNameTitle')}</h2>
      <p>{t('agentNameExplain')}</p>
      <label for="agent-name">{t('agentNameLabel')}</label>
      <AgentNameField id="agent-name" value={draft} error={error} onInput={setDraft} onError={setError} autoFocus />
      <button type="submit" class="primary">
        {t('agentNameSave')}
      </button>
    </form>
  );
}
