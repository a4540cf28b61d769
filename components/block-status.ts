import type { BlockSource } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import type { NumberStatus } from '@/lib/messages';
import { reasonText } from '@/components/reason-text';

export function sourceLabel(source: BlockSource): string {
  switch (source) {
    case 'register':
      return t('sourceRegister');
    case 'opt-out':
      return t('sourceOptOut');
    case 'internal':
      return t('sourceInternal');
  }
}

/** "All clients", or "Client: <name>" (the id when the client is not known here). */
export function scopeLabel(scope: string | null, clientNames?: ReadonlyMap<string, string>): string {
  return scope === null ? t('scopeAllClients') : t('scopeOneClient', clientNames?.get(scope) ?? scope);
}

/** "Customer asked not to be called · since 29.11.2026 by Kari" */
export function blockSummary(status: NumberStatus, clientNames?: ReadonlyMap<string, string>): { source: string; reason: string; since: string; scope: string } | null {
  const entry = status.entry;
  if (!status.blocked || !entry) return null;
  const source = sourceLabel(entry.source);
  return {
    source,
    // "Customer asked not to be called — Customer asked not to be called" says nothing twice.
    reason: [source, t('reasonCustomerAsked')].some((s) => s.trim().toLowerCase() === entry.reason.trim().toLowerCase()) ? '' : reasonText(entry.reason),
    since: t('blockedSinceBy', [formatDate(entry.since, uiLocale()), entry.addedBy]),
    scope: scopeLabel(entry.scope, clientNames),
  };
}
