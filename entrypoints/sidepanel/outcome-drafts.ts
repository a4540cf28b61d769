/**
 * Unsaved outcomes per number while the side panel is open. An agent who
 * selects another number on the page mid-entry (to copy it, or by a stray
 * click) gets a fresh form, and the outcome, amount and note typed for the
 * first number come back when it is selected again. Held in memory only, never
 * stored, and dropped once saved.
 */
export interface OutcomeDraft {
  outcomeId: string | null;
  amount: string;
  note: string;
}

export const EMPTY_DRAFT: OutcomeDraft = { outcomeId: null, amount: '', note: '' };

/** At most this many numbers keep a draft (the oldest goes first). */
const MAX_DRAFTS = 20;

export function isEmptyDraft(draft: OutcomeDraft): boolean {
  return draft.outcomeId === null && draft.amount.trim() === '' && draft.note.trim() === '';
}

/** The key of a draft: one number in one campaign (null without a number). */
export function draftKey(e164: string | null, campaignId: string | null | undefined): string | null {
  return e164 ? `${e164}|${campaignId ?? ''}` : null;
}

export class OutcomeDrafts {
  private readonly drafts = new Map<string, OutcomeDraft>();

  /**
   * Keeps `draft` (what the form holds) for `from`, and returns the draft kept
   * for `to` (taken out: the form holds it now), or an empty one.
   */
  swap(from: string | null, draft: OutcomeDraft, to: string | null): OutcomeDraft {
    if (from !== null && from !== to) {
      this.drafts.delete(from);
      if (!isEmptyDraft(draft)) {
        this.drafts.set(from, { ...draft });
        if (this.drafts.size > MAX_DRAFTS) this.drafts.delete(this.drafts.keys().next().value as string);
      }
    }
    if (to === null) return EMPTY_DRAFT;
    const kept = this.drafts.get(to);
    this.drafts.delete(to);
    return kept ?? EMPTY_DRAFT;
  }

  /** The call was logged: nothing of it may come back. */
  forget(key: string | null): void {
    if (key !== null) this.drafts.delete(key);
  }

  get size(): number {
    return this.drafts.size;
  }
}
