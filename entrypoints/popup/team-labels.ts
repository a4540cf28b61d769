/** Translated words for the team lead's part of the popup: outcome kinds, CSV headers, merge problems. */
import type { LogCsvLabels } from '@/lib/call-log/log-export';
import type { MergeConflict } from '@/lib/call-log/merge';
import { t } from '@/lib/i18n';
import type { FileProblem } from '@/lib/team/merge-files';

/** The translated name of a built-in outcome kind (the same words as the campaign set-up). */
import { outcomeKindLabel as outcomeKindName } from '@/components/setup-labels';

export { outcomeKindName };

export function csvLabels(): LogCsvLabels {
  return {
    header: [
      t('teamCsvTime'),
      t('teamCsvAgent'),
      t('teamCsvClient'),
      t('teamCsvCampaign'),
      t('teamCsvNumber'),
      t('teamCsvOutcome'),
      t('teamCsvAmount'),
      t('teamCsvNote'),
      t('teamCsvAnonymised'),
      t('teamCsvId'),
    ],
    outcome: (kind, label) => label || outcomeKindName(kind),
  };
}

/** One sentence naming the file (and the record path) and what is wrong with it. */
export function fileProblemText(name: string, problem: FileProblem): string {
  switch (problem.problem) {
    case 'not-json':
      return t('teamMergeNotJson', name);
    case 'not-a-kontaktvern-export':
      return t('teamMergeNotExport', name);
    case 'newer-version':
      return t('teamMergeNewer', [name, String(problem.version)]);
    case 'invalid-record':
      return t('teamMergeInvalidRecord', [name, problem.path]);
    case 'unreadable':
      return t('teamMergeUnreadable', name);
  }
}

export function resolutionText(resolution: MergeConflict['resolution']): string {
  switch (resolution) {
    case 'kept-local':
      return t('teamConflictKeptLocal');
    case 'kept-anonymised':
      return t('teamConflictKeptAnonymised');
    case 'took-anonymised':
      return t('teamConflictTookAnonymised');
    case 'took-correction':
      return t('teamConflictTookCorrection');
  }
}
