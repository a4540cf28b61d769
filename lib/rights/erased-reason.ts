/**
 * What an erasure request leaves of the free-text reason of the person's block
 * entries and their block/unblock audit events (lib/rights/anonymise.ts). It is
 * stored as this fixed text (machine-readable exports show it as is) and shown
 * translated on screen and in the printable report.
 */
export const ERASED_REASON = 'Reason removed at an erasure request';

/** The reason as a person should read it: `erasedText` in their language for an erased one. */
export function shownReason(reason: string, erasedText: string): string {
  return reason === ERASED_REASON ? erasedText : reason;
}
