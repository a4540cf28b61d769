/**
 * The agent's name as the options page and the first-run gate accept it. It
 * goes into every call log, and merging another agent's export refuses names
 * longer than MAX_NAME_LENGTH, so a longer name is never stored.
 */
import { MAX_NAME_LENGTH } from '../call-log/call-log-record';

export { MAX_NAME_LENGTH };
export const MIN_AGENT_NAME_LENGTH = 2;

export type AgentNameProblem = 'too-short' | 'too-long';

/** Why the name (trimmed, as stored) cannot be used, or null when it can. */
export function agentNameProblem(name: string): AgentNameProblem | null {
  const trimmed = name.trim();
  if (trimmed.length < MIN_AGENT_NAME_LENGTH) return 'too-short';
  if (trimmed.length > MAX_NAME_LENGTH) return 'too-long';
  return null;
}

/**
 * Whether pasting `pasted` over the selection [start, end) of `current` gives
 * more than MAX_NAME_LENGTH characters (the input's maxLength then cuts it, and
 * the user must be told).
 */
export function pasteIsTooLong(current: string, start: number | null, end: number | null, pasted: string): boolean {
  const from = start ?? current.length;
  const to = end ?? from;
  return current.length - (to - from) + pasted.length > MAX_NAME_LENGTH;
}
