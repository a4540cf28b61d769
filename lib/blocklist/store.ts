import { type AuditEvent, type BlockEntry, type BlockSource, type KontaktvernDb, newId } from '../db';
import type { NumberStatus } from '../messages';

export interface BlockRequest {
  e164: string;
  source: BlockSource;
  scope: string | null;
  reason: string;
  actor: string;
}

export class BlocklistError extends Error {
  constructor(
    readonly code: 'reason-required' | 'actor-required' | 'not-found' | 'invalid-number',
    message: string,
  ) {
    super(message);
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;

function requireText(value: string, code: 'reason-required' | 'actor-required'): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BlocklistError(code, code);
  return trimmed;
}

/**
 * Blocks numbers, one entry each, with an audit event per entry in the same transaction.
 * A number that already has an entry with the same source and scope is not duplicated.
 * Returns the entries created.
 */
export async function blockNumbers(db: KontaktvernDb, requests: BlockRequest[], now = Date.now()): Promise<BlockEntry[]> {
  for (const r of requests) {
    if (!E164.test(r.e164)) throw new BlocklistError('invalid-number', r.e164);
    requireText(r.reason, 'reason-required');
    requireText(r.actor, 'actor-required');
  }
  return db.transaction('rw', db.blocks, db.audit, async () => {
    const created: BlockEntry[] = [];
    const existing = await db.blocks.where('e164').anyOf(requests.map((r) => r.e164)).toArray();
    const seen = new Set(existing.map((e) => `${e.e164}|${e.source}|${e.scope ?? ''}`));
    const audit: AuditEvent[] = [];
    for (const r of requests) {
      const key = `${r.e164}|${r.source}|${r.scope ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry: BlockEntry = {
        id: newId(),
        e164: r.e164,
        source: r.source,
        scope: r.scope,
        reason: r.reason.trim(),
        addedBy: r.actor.trim(),
        createdAt: now,
        updatedAt: now,
      };
      created.push(entry);
      audit.push({
        id: newId(),
        at: now,
        actor: entry.addedBy,
        action: 'block',
        reason: entry.reason,
        e164: entry.e164,
        entryId: entry.id,
        source: entry.source,
        scope: entry.scope,
      });
    }
    await db.blocks.bulkAdd(created);
    await db.audit.bulkAdd(audit);
    return created;
  });
}

/** Removes one entry; a reason is required and lands in the audit trail. */
export async function unblockEntry(db: KontaktvernDb, entryId: string, reason: string, actor: string, now = Date.now()): Promise<BlockEntry> {
  const why = requireText(reason, 'reason-required');
  const who = requireText(actor, 'actor-required');
  return db.transaction('rw', db.blocks, db.audit, async () => {
    const entry = await db.blocks.get(entryId);
    if (!entry) throw new BlocklistError('not-found', entryId);
    await db.blocks.delete(entryId);
    await db.audit.add({
      id: newId(),
      at: now,
      actor: who,
      action: 'unblock',
      reason: why,
      e164: entry.e164,
      entryId: entry.id,
      source: entry.source,
      scope: entry.scope,
    });
    return entry;
  });
}

export async function entriesFor(db: KontaktvernDb, e164: string): Promise<BlockEntry[]> {
  return db.blocks.where('e164').equals(e164).sortBy('createdAt');
}

export async function historyFor(db: KontaktvernDb, e164: string): Promise<AuditEvent[]> {
  return db.audit.where('e164').equals(e164).sortBy('at');
}

/** Customer opt-outs outrank internal entries, which outrank the register (most specific reason first). */
const PRECEDENCE: Record<BlockSource, number> = { 'opt-out': 0, internal: 1, register: 2 };

/** Picks the entry that best explains why a number is blocked. */
export function mostSignificant(entries: readonly BlockEntry[]): BlockEntry | undefined {
  let best: BlockEntry | undefined;
  for (const e of entries) {
    if (!best) best = e;
    else if (PRECEDENCE[e.source] < PRECEDENCE[best.source]) best = e;
    else if (PRECEDENCE[e.source] === PRECEDENCE[best.source] && (best.scope !== null && e.scope === null)) best = e;
    else if (PRECEDENCE[e.source] === PRECEDENCE[best.source] && e.scope === best.scope && e.createdAt < best.createdAt) best = e;
  }
  return best;
}

export function toStatus(e164: string, entry: BlockEntry | undefined): NumberStatus {
  if (!entry) return { e164, blocked: false };
  return {
    e164,
    blocked: true,
    entry: { source: entry.source, reason: entry.reason, scope: entry.scope, addedBy: entry.addedBy, since: entry.createdAt },
  };
}
