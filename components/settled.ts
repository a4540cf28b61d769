/** A promise's outcome as a value, so a view can show a message instead of leaving an unhandled rejection. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function settled<T>(promise: Promise<T> | (() => Promise<T>)): Promise<Settled<T>> {
  try {
    return { ok: true, value: await (typeof promise === 'function' ? promise() : promise) };
  } catch (error) {
    return { ok: false, error };
  }
}
