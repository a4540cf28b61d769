import type { KontaktvernDb } from './db';

/** Every setting with its type and default. */
export interface Settings {
  /** The agent's name, asked once and recorded on every change. */
  agentName: string;
  /**
   * When the register is stale or missing, numbers on no list are shown as
   * "unverified" (amber) instead of "not blocked".
   */
  markUnverifiedWhenStale: boolean;
  /** The campaign the agent works on now (side panel remembers it), or null. */
  activeCampaignId: string | null;
  /** The call centre (processor) as named in access reports. */
  processorName: string;
  /** Whom a person contacts about their data (processor side). */
  processorContact: string;
}

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  markUnverifiedWhenStale: false,
  activeCampaignId: null,
  processorName: '',
  processorContact: '',
};

export async function getSetting<K extends keyof Settings>(db: KontaktvernDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? DEFAULT_SETTINGS[key] : (row.value as Settings[K]);
}

export async function setSetting<K extends keyof Settings>(db: KontaktvernDb, key: K, value: Settings[K], now = Date.now()): Promise<void> {
  await db.settings.put({ key, value, updatedAt: now });
}
