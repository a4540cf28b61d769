import { useLiveQuery } from '@/components/use-live-query';
import { getDb, type RegisterSnapshot } from '@/lib/db';

/** The register snapshot in force (live, across tabs), or undefined. */
export function useActiveSnapshot(): RegisterSnapshot | undefined {
  return useLiveQuery(
    async () => {
      const actives = await getDb().registerSnapshots.where('status').equals('active').toArray();
      let newest: RegisterSnapshot | undefined;
      for (const s of actives) if (!newest || (s.completedAt ?? 0) > (newest.completedAt ?? 0)) newest = s;
      return newest;
    },
    [],
    undefined as RegisterSnapshot | undefined,
  );
}
