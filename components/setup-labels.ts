/** Translated names for the set-up's enums and problem codes (options page). */
import type { Agreement, AuditAction, Campaign, CampaignType, DataCategory, LegalBasis, Outcome, OutcomeKind } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type ProblemCode, type SetupProblem } from '@/lib/setup/validate';

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

/** One line: which calling rules apply to this type of campaign. */
export function campaignTypeHelp(type: CampaignType): string {
  switch (type) {
    case 'consumer-telemarketing':
      return t('setupTypeConsumerHelp');
    case 'b2b':
      return t('setupTypeB2bHelp');
    case 'charity':
      return t('setupTypeCharityHelp');
    case 'market-research':
      return t('setupTypeResearchHelp');
  }
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

/** What agents see for an outcome: its own label, or the built-in kind's translated name. */
export function outcomeLabel(outcome: Outcome): string {
  return outcome.label || outcomeKindLabel(outcome.kind);
}

export function deletionByLabel(by: Agreement['deletionBy']): string {
  return by === 'client' ? t('setupDeletionByClient') : t('setupDeletionByProcessor');
}

export function optOutScopeLabel(scope: Campaign['optOutScope']): string {
  return scope === 'client' ? t('setupOptOutClient') : t('setupOptOutAll');
}

/** YYYY-MM-DD as the UI writes dates (nb: 15.01.2026). */
export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return formatDate(Date.UTC(y!, m! - 1, d!, 12), uiLocale());
}

export function problemText(code: ProblemCode): string {
  switch (code) {
    case 'not-json':
      return t('setupProblemNotJson');
    case 'not-an-object':
      return t('setupProblemNotObject');
    case 'not-an-array':
      return t('setupProblemNotArray');
    case 'not-a-string':
      return t('setupProblemNotString');
    case 'not-a-number':
      return t('setupProblemNotNumber');
    case 'not-an-integer':
      return t('setupProblemNotInteger');
    case 'missing':
      return t('setupProblemMissing');
    case 'empty':
      return t('setupProblemEmpty');
    case 'too-long':
      return t('setupProblemTooLong');
    case 'unknown-value':
      return t('setupProblemUnknownValue');
    case 'wrong-format':
      return t('setupProblemWrongFormat');
    case 'unsupported-version':
      return t('setupProblemVersion');
    case 'invalid-id':
      return t('setupProblemInvalidId');
    case 'duplicate-id':
      return t('setupProblemDuplicateId');
    case 'duplicate-name':
      return t('setupProblemDuplicateName');
    case 'duplicate-label':
      return t('setupProblemDuplicateLabel');
    case 'duplicate-kind':
      return t('setupProblemDuplicateKind');
    case 'duplicate-site':
      return t('setupProblemDuplicateSite');
    case 'duplicate-org-number':
      return t('setupProblemDuplicateOrg');
    case 'unknown-client':
      return t('setupProblemUnknownClient');
    case 'invalid-date':
      return t('setupProblemInvalidDate');
    case 'invalid-org-number':
      return t('setupProblemOrgNumber');
    case 'out-of-range':
      return t('setupProblemRange', [String(MIN_RETENTION_DAYS), String(MAX_RETENTION_DAYS)]);
    case 'invalid-site':
      return t('setupProblemSite');
    case 'invalid-selector':
      return t('setupProblemSelector');
  }
}

/** Problems keyed by path, as translated sentences, for messages next to form fields. */
export function problemMap(problems: readonly SetupProblem[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of problems) if (!map.has(p.path)) map.set(p.path, problemText(p.problem));
  return map;
}

/**
 * The options page checks selectors with the browser's own parser, on top of
 * the light check the set-up file gets everywhere.
 */
export function selectorIsValid(selector: string): boolean {
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** What an audit event records, in words. */
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

/** Who did it: an agent's name, or Kontaktvern itself for scheduled work (retention runs). */
export function actorName(actor: string): string {
  return actor === 'system' ? t('auditActorSystem') : actor;
}
