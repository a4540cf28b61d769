import type { BlockEntry } from '../db';
import type { NumberStatus } from '../messages';
import { mostSignificant, toStatus } from './store';

/**
 * In-memory lookup index over the block list, built once from storage and
 * rebuilt when the list changes. Lookups are O(1) per number.
 */
export class BlocklistIndex {
  private readonly byNumber = new Map<string, BlockEntry>();

  constructor(entries: Iterable<BlockEntry>) {
    const groups = new Map<string, BlockEntry[]>();
    for (const e of entries) {
      const list = groups.get(e.e164);
      if (list) list.push(e);
      else groups.set(e.e164, [e]);
    }
    for (const [e164, list] of groups) {
      const best = mostSignificant(list);
      if (best) this.byNumber.set(e164, best);
    }
  }

  get size(): number {
    return this.byNumber.size;
  }

  /** The most significant entry for a number, if any. */
  get(e164: string): BlockEntry | undefined {
    return this.byNumber.get(e164);
  }

  lookup(numbers: readonly string[]): NumberStatus[] {
    return numbers.map((n) => toStatus(n, this.byNumber.get(n)));
  }
}
