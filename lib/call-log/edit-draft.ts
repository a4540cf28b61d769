/**
 * The side panel's "Fix" form (TodaysLog) turned into a correction patch for
 * editCall. Pure.
 *
 * While the chosen outcome is still the log's own, the log itself says what
 * it is (outcomeKind): the campaign's outcome list may have changed since the
 * call was logged, or the campaign may be gone, and a note-only fix must
 * never wipe a sale's amount because of that. An untouched amount is left out
 * of the patch (editCall keeps it).
 */
import { type AmountResult, parseAmount } from '../amount';
import type { CallLog, Campaign, Outcome, OutcomeKind } from '../db';
import type { CallLogPatch } from './log-store';

export type EditOutcome = Pick<Outcome, 'id' | 'kind' | 'label'>;

export interface EditDraft {
  outcomeId: string;
  /** The amount as typed (kroner). */
  amount: string;
  note: string;
}

/** The outcomes the form offers: the campaign's, with the log's own first added when the campaign no longer has it. */
export function editOutcomes(log: CallLog, campaign: Campaign | undefined): EditOutcome[] {
  const outcomes: EditOutcome[] = campaign?.outcomes ?? [];
  if (outcomes.some((o) => o.id === log.outcomeId)) return outcomes;
  return [{ id: log.outcomeId, kind: log.outcomeKind, label: log.outcomeLabel }, ...outcomes];
}

/** The kind of the chosen outcome: the log's own kind while it is the log's outcome, else the campaign's; null when unknown. */
export function editOutcomeKind(log: CallLog, campaign: Campaign | undefined, outcomeId: string): OutcomeKind | null {
  if (outcomeId === log.outcomeId) return log.outcomeKind;
  return campaign?.outcomes.find((o) => o.id === outcomeId)?.kind ?? null;
}

/** The amount field's starting text: "123,5" for 12 350 øre, '' when none. */
export function initialAmountText(log: CallLog): string {
  return log.amountOre === null ? '' : String(log.amountOre / 100).replace('.', ',');
}

/** The patch for editCall, or the amount's problem when the typed amount cannot be used. */
export function editPatch(log: CallLog, campaign: Campaign | undefined, draft: EditDraft): { ok: true; patch: CallLogPatch } | { ok: false; amount: Extract<AmountResult, { ok: false }> } {
  const kind = editOutcomeKind(log, campaign, draft.outcomeId);
  const patch: CallLogPatch = { outcomeId: draft.outcomeId, note: draft.note.trim() };
  if (kind === 'sale') {
    const sameSale = draft.outcomeId === log.outcomeId;
    if (sameSale && draft.amount.trim() === initialAmountText(log)) return { ok: true, patch }; // untouched: kept as it is
    if (draft.amount.trim()) {
      const parsed = parseAmount(draft.amount);
      if (!parsed.ok) return { ok: false, amount: parsed };
      patch.amountOre = parsed.ore;
    } else {
      patch.amountOre = null; // the agent cleared it
    }
  } else if (draft.outcomeId !== log.outcomeId) {
    patch.amountOre = null; // no longer a sale
  }
  return { ok: true, patch };
}
