import type { BlockEntry } from '../db';
import type { NumberStatus } from '../messages';
import { mostSignificant, toStatus } from './store';

/**
 * In-memory lookup index over the block list, built once from storage and
 * rebuilt when the list changes. Lookups are O(1) per number.
 *
 * Scope: an entry for one client blocks the number only while the agent works
 * for that client. Without a known client (no active campaign) every entry
 * blocks — the safer reading.
 */
export class BlocklistIndex {
  /** Most significant entry over all scopes (used when the client is unknown). */
  private readonly byNumber = new Map<string, BlockEntry>();
  /** Numbers that have client-scoped entries: all their entries. */
  private readonly scoped = new Map<string, BlockEntry[]>();

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
      if (list.some((e) => e.scope !== null)) this.scoped.set(e164, list);
    }
  }

  get size(): number {
    return this.byNumber.size;
  }

  /** The most significant entry that applies to a number when working for `clientId` (null: unknown client, all apply). */
  get(e164: string, clientId: string | null = null): BlockEntry | undefined {
    if (clientId === null) return this.byNumber.get(e164);
    const list = this.scoped.get(e164);
    if (!list) return this.byNumber.get(e164);
    return mostSignificant(list.filter((e) => e.scope === null || e.scope === clientId));
  }

  lookup(numbers: readonly string[], clientId: string | null = null): NumberStatus[] {
    return numbers.map((n) => toStatus(n, this.get(n, clientId)));
  }
}
