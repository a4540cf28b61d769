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
}

export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  markUnverifiedWhenStale: false,
};

export async function getSetting<K extends keyof Settings>(db: KontaktvernDb, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? DEFAULT_SETTINGS[key] : (row.value as Settings[K]);
}

export async function setSetting<K extends keyof Settings>(db: KontaktvernDb, key: K, value: Settings[K], now = Date.now()): Promise<void> {
  await db.settings.put({ key, value, updatedAt: now });
}
