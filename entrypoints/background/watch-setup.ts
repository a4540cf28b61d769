import { liveQuery } from 'dexie';
import type { KontaktvernDb } from '@/lib/db';
import { getSetting } from '@/lib/settings';

/** Where the last seen set-up is kept across service-worker restarts (storage.session in the extension). */
export interface SetupKeyStore {
  load(): Promise<string | null>;
  save(key: string): Promise<void>;
}

/** What the work context depends on, as one comparable string. */
async function setupKey(db: KontaktvernDb): Promise<string> {
  const [active, campaigns, clients] = await Promise.all([getSetting(db, 'activeCampaignId'), db.campaigns.toArray(), db.clients.toArray()]);
  return JSON.stringify([
    active,
    campaigns.map((c) => [c.id, c.clientId, c.type, c.name, c.optOutScope, c.updatedAt]),
    clients.map((c) => [c.id, c.name, c.agreement !== null, c.updatedAt]),
  ]);
}

/**
 * Calls `onChange` whenever what the work context depends on changes, by
 * whichever page wrote it: the active campaign, any campaign or client (an
 * options-page edit, a set-up import, a deletion). The state seen last is
 * kept in `store`, so a change made while the service worker was stopped (it
 * stops after 30 s idle, and no watcher runs then) is announced when it starts
 * again; without a stored state (a fresh browser session) the first state is
 * taken as known.
 */
export function watchSetup(db: KontaktvernDb, onChange: () => void, store?: SetupKeyStore): () => void {
  let last: string | null | undefined;
  let queue = Promise.resolve();
  const seen = async (key: string): Promise<void> => {
    if (last === undefined) last = store ? await store.load().catch(() => null) : null;
    if (key === last) return;
    const known = last !== null;
    last = key;
    await store?.save(key).catch(() => undefined);
    if (known) onChange();
  };
  const subscription = liveQuery(() => setupKey(db)).subscribe({
    next: (key) => {
      queue = queue.then(() => seen(key));
    },
    error: (error: unknown) => console.error('[Kontaktvern] watching the set-up failed', error),
  });
  return () => subscription.unsubscribe();
}
