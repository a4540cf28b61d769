import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDb, testCampaign, testClient } from '@/lib/call-log/test-fixtures';
import type { KontaktvernDb } from '@/lib/db';
import { setSetting } from '@/lib/settings';
import { type SetupKeyStore, watchSetup } from './watch-setup';

/** A store like storage.session: it outlives one watcher (one service-worker run). */
function memoryStore(): SetupKeyStore & { value: string | null } {
  const store = {
    value: null as string | null,
    load: async () => store.value,
    save: async (key: string) => {
      store.value = key;
    },
  };
  return store;
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function watch(db: KontaktvernDb, store: SetupKeyStore) {
  const onChange = vi.fn();
  stops.push(watchSetup(db, onChange, store));
  return onChange;
}

describe('watchSetup', () => {
  it('announces a set-up change made while the service worker was stopped, when it starts again', async () => {
    const db = await openTestDb();
    await db.clients.add(testClient());
    const store = memoryStore();
    const first = watch(db, store);
    await vi.waitFor(() => expect(store.value).not.toBeNull());
    expect(first).not.toHaveBeenCalled();
    stops.pop()?.(); // the service worker stops: no watcher runs

    await db.campaigns.add(testCampaign()); // the options page writes meanwhile

    const second = watch(db, store);
    await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(1));
  });

  it('says nothing at the start of a fresh browser session, or when nothing changed while stopped', async () => {
    const db = await openTestDb();
    const store = memoryStore();
    const first = watch(db, store);
    await vi.waitFor(() => expect(store.value).not.toBeNull());
    stops.pop()?.();
    const second = watch(db, store);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
  });

  it('announces each change while running (the active campaign switched)', async () => {
    const db = await openTestDb();
    await db.clients.add(testClient());
    await db.campaigns.add(testCampaign());
    const store = memoryStore();
    const onChange = watch(db, store);
    await vi.waitFor(() => expect(store.value).not.toBeNull());
    await setSetting(db, 'activeCampaignId', testCampaign().id);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  });
});
