import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting, setSetting } from '@/lib/settings';
import { MAX_NAME_LENGTH, agentNameProblem, pasteIsTooLong } from '@/lib/setup/agent-name';
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
    const problem = agentNameProblem(draft);
    if (problem) {
      setError(problem === 'too-short' ? t('agentNameTooShort') : t('agentNameTooLong', String(MAX_NAME_LENGTH)));
      return;
    }
    setError('');
    try {
      await setSetting(db, 'agentName', draft.trim());
    } catch (error) {
      setError(t('saveFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <form class="card first-run" onSubmit={save} aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('agentNameTitle')}</h2>
      <p>{t('agentNameExplain')}</p>
      <label for="agent-name">{t('agentNameLabel')}</label>
      <input
        id="agent-name"
        autoComplete="name"
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onPaste={(e) => {
          const input = e.currentTarget;
          // maxLength cuts a longer paste silently: say so.
          if (pasteIsTooLong(input.value, input.selectionStart, input.selectionEnd, e.clipboardData?.getData('text') ?? '')) setError(t('agentNameTooLong', String(MAX_NAME_LENGTH)));
        }}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'agent-name-error' : undefined}
        autoFocus
      />
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
