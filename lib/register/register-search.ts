import type { KontaktvernDb, RegisterSnapshot } from '../db';
import { e164ToNsn, hasNumber, joinChunks } from './snapshot';

/**
 * Is this number in the active register snapshot? For a search on the
 * block-list page: reads only the chunks a binary search over the chunk
 * boundaries needs (a few MB at most), not the whole snapshot.
 * Returns the snapshot when the number is in it, else null (also when no
 * register was imported, the number is not Norwegian, or storage is incomplete).
 */
export async function findInRegister(db: KontaktvernDb, e164: string): Promise<RegisterSnapshot | null> {
  const nsn = e164ToNsn(e164);
  if (nsn === null) return null;
  return db.transaction('r', db.registerSnapshots, db.registerChunks, async () => {
    const actives = await db.registerSnapshots.where('status').equals('active').toArray();
    let snapshot: RegisterSnapshot | undefined;
    for (const s of actives) if (!snapshot || (s.completedAt ?? 0) > (snapshot.completedAt ?? 0)) snapshot = s;
    if (!snapshot) return null;
    let lo = 0;
    let hi = snapshot.chunkCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = await db.registerChunks.get([snapshot.id, mid]);
      if (!chunk) return null;
      const numbers = joinChunks([chunk.data]);
      if (numbers.length === 0) return null;
      if (nsn < (numbers[0] as number)) hi = mid - 1;
      else if (nsn > (numbers[numbers.length - 1] as number)) lo = mid + 1;
      else return hasNumber(numbers, nsn) ? snapshot : null;
    }
    return null;
  });
}
