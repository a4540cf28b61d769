/**
 * Splits a large text into overlapping windows so a scanner can work through
 * it in small steps without missing or duplicating matches at the seams.
 * A match belongs to the window whose core [coreStart, coreEnd) holds its
 * start; the margin on each side gives the scanner context and room for a
 * match that runs past the core.
 */
export interface TextWindow {
  /** Offset of `text` in the whole string. */
  offset: number;
  text: string;
  coreStart: number;
  coreEnd: number;
}

export function* textWindows(whole: string, coreSize: number, margin: number): Generator<TextWindow> {
  if (coreSize <= 0 || margin < 0) throw new RangeError('coreSize must be positive and margin non-negative');
  for (let coreStart = 0; coreStart < whole.length; coreStart += coreSize) {
    const coreEnd = Math.min(whole.length, coreStart + coreSize);
    const offset = Math.max(0, coreStart - margin);
    const end = Math.min(whole.length, coreEnd + margin);
    yield { offset, text: whole.slice(offset, end), coreStart, coreEnd };
  }
}

/** Keeps the matches of one window whose absolute start lies in its core, shifted to absolute offsets. */
export function matchesInCore<T extends { start: number; end: number }>(window: TextWindow, matches: readonly T[]): T[] {
  const out: T[] = [];
  for (const m of matches) {
    const start = m.start + window.offset;
    if (start >= window.coreStart && start < window.coreEnd) out.push({ ...m, start, end: m.end + window.offset });
  }
  return out;
}
