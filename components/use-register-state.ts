import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { BackgroundEvent, type Envelope, type EventEnvelope, PageRequest, type RegisterState, type Response } from '@/lib/messages';
import { useLiveQuery } from './use-live-query';
import { useOsloDayClock } from './use-oslo-day-clock';

/** The register state as the background uses it for lookups (an empty lookup returns it). */
export async function fetchRegisterState(): Promise<RegisterState | null> {
  const message: Envelope<PageRequest.Lookup> = { type: PageRequest.Lookup, payload: { numbers: [] } };
  const response = (await browser.runtime.sendMessage(message)) as Response<PageRequest.Lookup> | undefined;
  return response?.register ?? null;
}

/**
 * The background's register state, fetched again when `revision` changes, the
 * active snapshot / the unverified setting change in storage (any tab), or the
 * Oslo day changes: freshness depends on today's date (stale from the 1st of a
 * new month or after 30 days), so a page left open must ask again.
 */
export function useRegisterState(revision = 0): RegisterState | null {
  const db = getDb();
  const storageKey = useLiveQuery(
    async () => {
      const active = await db.registerSnapshots.where('status').equals('active').primaryKeys();
      const setting = await db.settings.get('markUnverifiedWhenStale');
      return `${active.join(',')}|${String(setting?.value ?? '')}`;
    },
    [],
    '',
  );
  const [state, setState] = useState<RegisterState | null>(null);
  const [broadcasts, setBroadcasts] = useState(0);
  const today = useOsloDayClock();
  // Extension pages open in a tab also get the background's "block list changed" broadcast.
  useEffect(() => {
    const listener = (message: unknown) => {
      if ((message as EventEnvelope | undefined)?.type === BackgroundEvent.BlocklistChanged) setBroadcasts((n) => n + 1);
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  useEffect(() => {
    let alive = true;
    fetchRegisterState()
      .then((s) => alive && setState(s))
      .catch(() => alive && setState(null));
    return () => {
      alive = false;
    };
  }, [revision, storageKey, broadcasts, today]);
  return state;
}
