/**
 * What the log form says once a call is saved. Pure apart from the notify call.
 *
 * Once logCall resolved, the call (and for "do not call" the opt-out) is
 * stored: whatever happens afterwards must not read as "Could not save", or
 * the agent retries and logs the call twice. Telling open pages at once is a
 * courtesy: each one checks numbers against the block list at dial time
 * anyway.
 */
import type { MessageKey } from '@/lib/i18n';

export interface SavedLine {
  key: MessageKey;
  substitutions: string[];
}

/** Tells open pages the block list changed; false (never a rejection) when that failed. */
export async function tellOpenPages(notify: () => Promise<void>): Promise<boolean> {
  try {
    await notify();
    return true;
  } catch (error) {
    console.warn('[Kontaktvern] could not tell open pages about the block list', error);
    return false;
  }
}

/** The lines of the "saved" notice. */
export function savedLines(input: {
  number: string;
  outcome: string;
  doNotCall: boolean;
  /** How many opt-outs the save added (0: the number was already blocked). */
  blocked: number;
  /** The scope, in words ("all clients", "only Vestkraft AS"). */
  scope: string;
  /** Whether open pages were told (only asked when `blocked` > 0). */
  pagesTold: boolean;
}): SavedLine[] {
  const lines: SavedLine[] = [{ key: 'panelLogSaved', substitutions: [input.number, input.outcome] }];
  if (!input.doNotCall) return lines;
  if (input.blocked === 0) lines.push({ key: 'panelLogAlreadyBlocked', substitutions: [input.number] });
  else lines.push({ key: input.pagesTold ? 'panelLogSavedBlocked' : 'panelLogSavedBlockedLater', substitutions: [input.number, input.scope] });
  return lines;
}
