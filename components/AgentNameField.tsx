import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { setSetting } from '@/lib/settings';
import { MAX_NAME_LENGTH, agentNameProblem, pasteIsTooLong } from '@/lib/setup/agent-name';

/**
 * Checks and stores the agent name (recorded on every change, and in every
 * exported log: a merge refuses longer names). Returns the message to show,
 * or '' when it was saved.
 */
export async function saveAgentName(draft: string): Promise<string> {
  const problem = agentNameProblem(draft);
  if (problem) return problem === 'too-short' ? t('agentNameTooShort') : t('agentNameTooLong', String(MAX_NAME_LENGTH));
  try {
    await setSetting(getDb(), 'agentName', draft.trim());
    return '';
  } catch (error) {
    return t('saveFailed', error instanceof Error ? error.message : String(error));
  }
}

/** The agent-name input and its error (`<id>-error`); a paste the length limit would cut is said at once. */
export function AgentNameField({
  id,
  value,
  error,
  onInput,
  onError,
  autoFocus = false,
}: {
  id: string;
  value: string;
  error: string;
  onInput: (value: string) => void;
  onError: (message: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <input
        id={id}
        autoComplete="name"
        value={value}
        maxLength={MAX_NAME_LENGTH}
        onInput={(e) => onInput(e.currentTarget.value)}
        onPaste={(e) => {
          const input = e.currentTarget;
          // maxLength cuts a longer paste silently: say so.
          if (pasteIsTooLong(input.value, input.selectionStart, input.selectionEnd, e.clipboardData?.getData('text') ?? '')) onError(t('agentNameTooLong', String(MAX_NAME_LENGTH)));
        }}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoFocus={autoFocus}
      />
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
