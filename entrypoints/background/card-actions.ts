import { browser } from 'wxt/browser';
import type { BlocklistService } from '@/lib/blocklist/blocklist-service';
import { blockNumbers } from '@/lib/blocklist/store';
import type { KontaktvernDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { BlockResult, CardBlockKind } from '@/lib/messages';
import { getSetting } from '@/lib/settings';
import { lookupScope, workContext } from './work-context';

/**
 * A block requested from the number card. The actor is the agent name on
 * record, never something the page could send.
 */
export async function blockFromCard(
  db: KontaktvernDb,
  blocklist: BlocklistService,
  request: { e164: string; kind: CardBlockKind; reason: string; scope: 'all' | 'client' },
): Promise<BlockResult> {
  const actor = await getSetting(db, 'agentName');
  if (!actor) return { ok: false, error: 'agent-name-required' };
  const reason = request.reason.trim() || (request.kind === 'opt-out' ? t('reasonCustomerAsked') : '');
  if (!reason) return { ok: false, error: 'reason-required' };
  let scope: string | null = null;
  if (request.scope === 'client') {
    const { campaign } = await workContext(db);
    if (!campaign) return { ok: false, error: 'no-active-client' };
    scope = campaign.clientId;
  }
  try {
    await blockNumbers(db, [{ e164: request.e164, source: request.kind === 'opt-out' ? 'opt-out' : 'internal', scope, reason, actor }]);
  } catch {
    return { ok: false, error: 'failed' };
  }
  blocklist.invalidate();
  const [status] = await blocklist.lookup([request.e164], await lookupScope(db));
  return { ok: true, status: status! };
}

/** Remembers the number the agent last touched, per tab, for the side panel. */
export async function rememberCurrentNumber(tabId: number, e164: string): Promise<void> {
  await browser.storage.session.set({ currentNumber: { tabId, e164, at: Date.now() } });
}
