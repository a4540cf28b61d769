import type { KontaktvernDb } from '../db';
import type { NumberStatus, RegisterState } from '../messages';
import { BlocklistIndex } from './index';

/**
 * The background's single source of lookups: an in-memory index built from
 * the database on first use and rebuilt after every change.
 */
export class BlocklistService {
  private index: Promise<BlocklistIndex> | undefined;
  private revision = 0;

  constructor(private readonly db: KontaktvernDb) {}

  private load(): Promise<BlocklistIndex> {
    this.index ??= this.db.blocks.toArray().then((entries) => new BlocklistIndex(entries));
    return this.index;
  }

  async lookup(numbers: readonly string[]): Promise<NumberStatus[]> {
    return (await this.load()).lookup(numbers);
  }

  /** The register's state for warnings (replaced by the register integration). */
  async registerState(): Promise<RegisterState> {
    return { snapshotDate: null, state: 'missing', markUnverified: false };
  }

  /** Drops the index; the next lookup rebuilds it. Returns the new revision. */
  invalidate(): number {
    this.index = undefined;
    return ++this.revision;
  }
}
