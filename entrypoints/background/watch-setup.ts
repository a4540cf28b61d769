import { liveQuery } from 'dexie';
import type { KontaktvernDb } from '@/lib/db';
import { getSetting } from '@/lib/settings';

/**
 * Calls `onChange` whenever what the work context depends on changes, by
 * whichever page wrote it: the active campaign, any campaign or client (an
 * options-page edit, a set-up import, a deletion). The first emission (the
 * state at start) is skipped.
 */
export function watchSetup(db: KontaktvernDb, onChange: () => void): () => void {
  let first = true;
  let last = '';
  const subscription = liveQuery(async () => {
    const [active, campaigns, clients] = await Promise.all([getSetting(db, 'activeCampaignId'), db.campaigns.toArray(), db.clients.toArray()]);
    return JSON.stringify([
      active,
      campaigns.map((c) => [c.id, c.clientId, c.type, c.name, c.optOutScope, c.updatedAt]),
      clients.map((c) => [c.id, c.name, c.agreement !== null, c.updatedAt]),
    ]);
  }).subscribe({
    next: (key) => {
      if (first) {
        first = false;
        last = key;
        return;
      }
      if (key === last) return;
      last = key;
      onChange();
    },
    error: (error: unknown) => console.error('[Kontaktvern] watching the set-up failed', error),
  });
  return () => subscription.unsubscribe();
}
