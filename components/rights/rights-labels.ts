/**
 * Translated names (extension i18n, the agent's UI language) for what an
 * access report holds: outcomes, legal bases, categories, campaign types,
 * block sources and audit actions, plus the CSV column labels. Reuses the
 * catalogue keys of the options and block-list pages (one wording everywhere);
 * lives here because components must not import from entrypoints.
 */
import { sourceLabel } from '@/components/block-status';
import type { AuditAction, CampaignType, DataCategory, LegalBasis, OutcomeKind } from '@/lib/db';
import { formatAmount } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import type { AccessReportCsvLabels } from '@/lib/rights/access-report';

export { sourceLabel };

export function outcomeKindLabel(kind: OutcomeKind): string {
  switch (kind) {
    case 'sale':
      return t('setupOutcomeSale');
    case 'not-interested':
      return t('setupOutcomeNotInterested');
    case 'no-answer':
      return t('setupOutcomeNoAnswer');
    case 'call-back':
      return t('setupOutcomeCallBack');
    case 'do-not-call':
      return t('setupOutcomeDoNotCall');
    case 'wrong-number':
      return t('setupOutcomeWrongNumber');
    case 'other':
      return t('setupOutcomeOther');
  }
}

/** The campaign's own wording of an outcome, or the built-in kind's translated name. */
export function outcomeText(kind: OutcomeKind, label: string): string {
  return label || outcomeKindLabel(kind);
}

export function legalBasisLabel(basis: LegalBasis): string {
  switch (basis) {
    case 'consent':
      return t('setupBasisConsent');
    case 'contract':
      return t('setupBasisContract');
    case 'legal-obligation':
      return t('setupBasisLegalObligation');
    case 'vital-interest':
      return t('setupBasisVitalInterest');
    case 'public-task':
      return t('setupBasisPublicTask');
    case 'legitimate-interest':
      return t('setupBasisLegitimateInterest');
  }
}

export function categoryLabel(category: DataCategory): string {
  switch (category) {
    case 'identity':
      return t('setupCategoryIdentity');
    case 'contact':
      return t('setupCategoryContact');
    case 'financial':
      return t('setupCategoryFinancial');
    case 'customer-relationship':
      return t('setupCategoryCustomer');
    case 'preferences':
      return t('setupCategoryPreferences');
    case 'other':
      return t('setupCategoryOther');
  }
}

export function campaignTypeLabel(type: CampaignType): string {
  switch (type) {
    case 'consumer-telemarketing':
      return t('setupTypeConsumer');
    case 'b2b':
      return t('setupTypeB2b');
    case 'charity':
      return t('setupTypeCharity');
    case 'market-research':
      return t('setupTypeResearch');
  }
}

export function auditActionLabel(action: AuditAction): string {
  switch (action) {
    case 'block':
      return t('auditBlock');
    case 'unblock':
      return t('auditUnblock');
    case 'import':
      return t('auditImport');
    case 'anonymise':
      return t('auditAnonymise');
    case 'settings':
      return t('auditSettings');
  }
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
    recordType: (type) => (type === 'call-log' ? t('rightsRecordCallLog') : type === 'block-entry' ? t('rightsRecordBlockEntry') : t('rightsRecordAuditEvent')),
    outcome: outcomeText,
    action: auditActionLabel,
    source: sourceLabel,
    scope: blockScopeLabel,
  };
}
