import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';

/** Client id → name, kept current (block entries store the client's id; people read its name). */
export function useClientNames(): ReadonlyMap<string, string> {
  return useLiveQuery(async () => new Map((await getDb().clients.toArray()).map((c) => [c.id, c.name] as const)), [], new Map<string, string>());
}
