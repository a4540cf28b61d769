/**
 * Runs a queue of small work items in time-boxed slices so the main thread is
 * never held longer than `budgetMs` at a time. Pure scheduling logic: the
 * clock and the yield function are injected so it can be unit-tested.
 */
export interface SlicerOptions {
  budgetMs: number;
  now: () => number;
  /** Resolves when the thread may be used again (e.g. scheduler.yield or a macrotask). */
  yieldToHost: () => Promise<void>;
  /** Return false to abandon the run (context invalidated). */
  isAlive?: () => boolean;
}

/**
 * Calls `step` until it returns false (queue drained). Between slices control
 * is yielded to the host; `onSlice` runs at the end of each slice.
 * Returns the number of slices used, or -1 if the run was abandoned.
 */
export async function runSliced(step: () => boolean, options: SlicerOptions, onSlice?: () => void): Promise<number> {
  const { budgetMs, now, yieldToHost, isAlive = () => true } = options;
  let slices = 0;
  for (;;) {
    if (!isAlive()) return -1;
    const deadline = now() + budgetMs;
    let more = true;
    do {
      more = step();
    } while (more && now() < deadline);
    slices++;
    onSlice?.();
    if (!more) return slices;
    await yieldToHost();
  }
}
