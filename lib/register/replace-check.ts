import type { CommitSummary } from './import-job';

/** Why a register delivery should be confirmed before it replaces the snapshot in force. */
export type ReplaceWarning = 'mostly-duplicates' | 'much-smaller' | 'older-than-previous';

/** A new snapshot with fewer than this share of the previous one's numbers must be confirmed. */
export const MIN_SHARE_OF_PREVIOUS = 0.5;

/**
 * A register delivery lists each reserved number once and changes little
 * from one day to the next. A file that is mostly repeats, or that would
 * drop more than half of the numbers in force (every dropped number becomes
 * callable), is more likely a wrong or broken file than a real delivery.
 */
export function replaceWarnings(summary: CommitSummary): ReplaceWarning[] {
  const warnings: ReplaceWarning[] = [];
  if (summary.duplicates > summary.accepted) warnings.push('mostly-duplicates');
  if (summary.previous && summary.accepted < summary.previous.accepted * MIN_SHARE_OF_PREVIOUS) warnings.push('much-smaller');
  // Written as "not at least as new" so that a summary without a usable date asks too.
  if (summary.previous && !(summary.snapshotDate >= summary.previous.snapshotDate)) warnings.push('older-than-previous');
  return warnings;
}
