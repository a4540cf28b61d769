import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** Preact binding for Dexie's liveQuery: re-renders when the queried tables change (in any tab). */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('[Kontaktvern] query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
