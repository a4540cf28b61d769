/** The limits every call log obeys, shared by logging, editing and importing. */
import { DEFAULT_OUTCOME_KINDS, type OutcomeKind } from '../db';

/** Same shape the block list accepts. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Longest note, in characters (code points), after trimming. */
export const MAX_NOTE_LENGTH = 500;

/** Amounts are øre, integer, 0 ≤ amount < 10^11 (below 1 billion kroner). */
export const MAX_AMOUNT_ORE_EXCLUSIVE = 100_000_000_000;

export const OUTCOME_KINDS: readonly OutcomeKind[] = [...DEFAULT_OUTCOME_KINDS, 'other'];

export function isE164(value: unknown): value is string {
  return typeof value === 'string' && E164.test(value);
}

export function isValidAmountOre(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < MAX_AMOUNT_ORE_EXCLUSIVE;
}

export function noteLength(note: string): number {
  let n = 0;
  for (const _ of note) n++;
  return n;
}

export function isOutcomeKind(value: unknown): value is OutcomeKind {
  return typeof value === 'string' && (OUTCOME_KINDS as readonly string[]).includes(value);
}
