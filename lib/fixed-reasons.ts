/**
 * Reasons Kontaktvern itself writes into block entries and the audit trail.
 * They are stored as this fixed text (machine-readable exports show them as
 * is) and shown translated on screen and in the printable report.
 */

/** What an erasure request leaves of the reason of the person's block entries and their block/unblock events (lib/rights/anonymise.ts). */
export const ERASED_REASON = 'Reason removed at an erasure request';

/** The reason of opt-outs blocked from an imported file (lib/register/import-job.ts). */
export const OPT_OUT_IMPORT_REASON = 'customer opt-out (import)';

/** The fixed reasons in the reader's language. */
export interface FixedReasonTexts {
  erased: string;
  optOutImport: string;
}

/** The reason as a person should read it: a fixed one in their language, anything an agent wrote as written. */
export function shownReason(reason: string, texts: FixedReasonTexts): string {
  if (reason === ERASED_REASON) return texts.erased;
  if (reason === OPT_OUT_IMPORT_REASON) return texts.optOutImport;
  return reason;
}
