/**
 * Translated names (extension i18n, the agent's UI language) for what an
 * access report holds: outcomes, legal bases, categories, campaign types,
 * block sources and audit actions, plus the CSV column labels. Reuses the
 * catalogue keys of the options and block-list pages (one wording everywhere);
 * lives here because components must not import from entrypoints.
 */
import { sourceLabel } from '@/components/block-status';
import { auditActionLabel, campaignTypeLabel, categoryLabel, legalBasisLabel, outcomeKindLabel } from '@/components/setup-labels';
import type { OutcomeKind } from '@/lib/db';
import { formatAmount } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import type { AccessReportCsvLabels } from '@/lib/rights/access-report';

export { sourceLabel };
export { auditActionLabel, campaignTypeLabel, categoryLabel, legalBasisLabel, outcomeKindLabel };

/** The campaign's own wording of an outcome, or the built-in kind's translated name. */
export function outcomeText(kind: OutcomeKind, label: string): string {
  return label || outcomeKindLabel(kind);
}

/** "All clients" or "Client: Name" (the id when the client is no longer set up). */
export function blockScopeLabel(scope: string | null, clientName: string | null): string {
  return scope === null ? t('scopeAllClients') : t('scopeOneClient', clientName ?? scope);
}

/** A stored amount (øre) in the UI language, '' for none. */
export function amountText(amountOre: number | null): string {
  return amountOre === null ? '' : formatAmount(amountOre / 100, uiLocale());
}

/** Column and value labels of the access report CSV, in the UI language. */
export function accessCsvLabels(): AccessReportCsvLabels {
  return {
    header: [
      t('rightsCsvRecordType'),
      t('rightsCsvTime'),
      t('colNumber'),
      t('rightsColCampaign'),
      t('rightsColClient'),
      t('rightsColOutcome'),
      t('rightsCsvAmount'),
      t('rightsColNote'),
      t('rightsCsvWho'),
      t('rightsCsvAction'),
      t('colSource'),
      t('colScope'),
      t('colReason'),
      t('rightsCsvId'),
    ],
    recordType: (type) => {
      switch (type) {
        case 'call-log':
          return t('rightsRecordCallLog');
        case 'block-entry':
          return t('rightsRecordBlockEntry');
        case 'mention':
          return t('rightsRecordMention');
        case 'import-line':
          return t('rightsRecordImportLine');
        default:
          return t('rightsRecordAuditEvent');
      }
    },
    outcome: outcomeText,
    action: auditActionLabel,
    source: sourceLabel,
    scope: blockScopeLabel,
  };
}
