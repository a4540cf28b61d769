import type { KontaktvernDb, RegisterSnapshot } from '../db';
import type { NumberStatus, RegisterState } from '../messages';
import { registerFreshness } from '../register/freshness';
import { loadActiveRegister } from '../register/import-job';
import { osloMidnight } from '../register/oslo-dates';
import { e164ToNsn, hasNumber } from '../register/snapshot';
import { getSetting } from '../settings';
import { BlocklistIndex } from './index';

/** The active register snapshot as used for lookups: only the sorted numbers, no per-number objects. */
interface LoadedRegister {
  snapshotId: string;
  snapshotDate: string;
  importedBy: string;
  /** Oslo midnight of the snapshot date (the `since` of a register hit). */
  since: number;
  /** Sorted, unique 8-digit national numbers. */
  numbers: Uint32Array;
}

/** Everything a lookup needs, built as a whole and swapped in one step. */
interface LookupState {
  index: BlocklistIndex;
  register: LoadedRegister | null;
  /** Snapshot date of the active snapshot row, even when its numbers could not be loaded. */
  registerDate: string | null;
  /** An active snapshot exists but is incomplete in storage: the register counts as missing. */
  registerUnavailable: boolean;
  markUnverified: boolean;
}

export interface BlocklistServiceOptions {
  /** The register's name as a reason on register hits (the background passes the UI-language text). */
  registerName?: () => string;
  /** Clock for freshness (tests). */
  now?: () => Date;
}

/** Loading and swap timings of the last build, for the benchmark and diagnostics. */
export interface BuildStats {
  entries: number;
  registerNumbers: number;
  /** ms spent loading the register numbers (0 when the loaded snapshot was reused). */
  registerLoadMs: number;
  totalMs: number;
  reusedRegister: boolean;
}

/**
 * The background's single source of lookups. On first use it loads, in
 * parallel, the `blocks` entries (opt-outs, internal blocks) into a map and
 * the active Reservasjonsregisteret snapshot as one sorted Uint32Array
 * (3 million numbers = 12 MB, about 80 ms). A lookup checks the entries first
 * (an opt-out or internal block is the more specific reason), then the
 * register by binary search.
 *
 * `invalidate()` starts building a new state at once and swaps it in as a
 * whole when complete: lookups already running finish on the old state,
 * lookups made after the invalidation wait for the new one (so a change is
 * never missed), and no lookup ever sees a half-built state. The register
 * array is reused when the active snapshot did not change.
 */
/** Who the agent calls for now: decides which entries apply. */
export interface LookupScope {
  clientId: string | null;
  /** Reservasjonsregisteret applies (consumer telemarketing, charity, or campaign unknown). */
  register: boolean;
}

export class BlocklistService {
  private current: LookupState | undefined;
  private pending: Promise<LookupState> | undefined;
  private revision = 0;
  private lastStats: BuildStats | undefined;
  private readonly registerName: () => string;
  private readonly now: () => Date;

  constructor(
    private readonly db: KontaktvernDb,
    options: BlocklistServiceOptions = {},
  ) {
    this.registerName = options.registerName ?? (() => 'Reservasjonsregisteret');
    this.now = options.now ?? (() => new Date());
  }

  private state(): Promise<LookupState> {
    if (this.pending) return this.pending;
    if (this.current) return Promise.resolve(this.current);
    return this.rebuild();
  }

  private rebuild(): Promise<LookupState> {
    const previous = this.current;
    const build = this.build(previous).then(
      (state) => {
        // A later invalidation supersedes this build: only the newest one is swapped in.
        if (this.pending === build) {
          this.current = state;
          this.pending = undefined;
        }
        return state;
      },
      (error: unknown) => {
        if (this.pending === build) this.pending = undefined;
        throw error;
      },
    );
    this.pending = build;
    return build;
  }

  private async build(previous: LookupState | undefined): Promise<LookupState> {
    const started = performance.now();
    const db = this.db;
    const [entries, active, markUnverified] = await Promise.all([
      db.blocks.toArray(),
      db.registerSnapshots.where('status').equals('active').toArray(),
      getSetting(db, 'markUnverifiedWhenStale'),
    ]);
    const newest = newestActive(active);
    let register: LoadedRegister | null = null;
    let registerUnavailable = false;
    let registerLoadMs = 0;
    let reusedRegister = false;
    if (newest && previous?.register?.snapshotId === newest.id) {
      register = previous.register;
      reusedRegister = true;
    } else if (newest) {
      const t0 = performance.now();
      try {
        const loaded = await loadActiveRegister(db);
        if (loaded) register = toLoaded(loaded.snapshot, loaded.numbers);
      } catch (error) {
        // Never use a half-stored snapshot: the register counts as unavailable (state 'missing').
        console.error('[Kontaktvern] the register snapshot could not be loaded', error);
        registerUnavailable = true;
      }
      registerLoadMs = performance.now() - t0;
    }
    const index = new BlocklistIndex(entries);
    this.lastStats = {
      entries: entries.length,
      registerNumbers: register?.numbers.length ?? 0,
      registerLoadMs,
      totalMs: performance.now() - started,
      reusedRegister,
    };
    return {
      index,
      register,
      registerDate: register?.snapshotDate ?? newest?.snapshotDate ?? null,
      registerUnavailable,
      markUnverified,
    };
  }

  /**
   * Statuses of numbers for the agent's current work: `clientId` (null: client unknown, every entry
   * applies) and whether Reservasjonsregisteret applies (not to business-to-business calls or market
   * research; direct opt-outs always do).
   */
  async lookup(numbers: readonly string[], work: LookupScope = { clientId: null, register: true }): Promise<NumberStatus[]> {
    const { clientId } = work;
    const { index, register: loaded } = await this.state();
    const register = work.register ? loaded : null;
    const reason = register ? this.registerName() : '';
    return numbers.map((e164) => {
      const entry = index.get(e164, clientId);
      if (entry) {
        return {
          e164,
          blocked: true,
          entry: { source: entry.source, reason: entry.reason, scope: entry.scope, addedBy: entry.addedBy, since: entry.createdAt },
        };
      }
      if (register) {
        const nsn = e164ToNsn(e164);
        if (nsn !== null && hasNumber(register.numbers, nsn)) {
          return { e164, blocked: true, entry: { source: 'register', reason, scope: null, addedBy: register.importedBy, since: register.since } };
        }
      }
      return { e164, blocked: false };
    });
  }

  /**
   * The register's state for warnings: 'missing' when no snapshot was
   * imported or the active one cannot be used (then `snapshotDate` is its
   * date, so a view can say "could not be loaded"), else fresh/stale by
   * `registerFreshness` today (Europe/Oslo).
   */
  async registerState(): Promise<RegisterState> {
    const s = await this.state();
    const snapshotDate = s.registerDate;
    const state = s.registerUnavailable ? 'missing' : registerFreshness(s.register?.snapshotDate ?? null, this.now()).state;
    return { snapshotDate, state, markUnverified: s.markUnverified };
  }

  /**
   * Starts loading the block list and the register now, without waiting, so the
   * first lookup finds them ready. A page asks for its work context at
   * document_start, long before its first lookup; a failure here is reported by
   * that lookup.
   */
  prepare(): void {
    this.state().catch(() => undefined);
  }

  /** Timings of the last completed build (undefined before the first). */
  stats(): BuildStats | undefined {
    return this.lastStats;
  }

  /**
   * The block list, the register or the settings changed: starts building the
   * new state now (see the class comment) and returns the new revision.
   */
  invalidate(): number {
    this.rebuild().catch((error: unknown) => console.error('[Kontaktvern] could not reload the block list', error));
    return ++this.revision;
  }
}

function newestActive(actives: readonly RegisterSnapshot[]): RegisterSnapshot | undefined {
  let newest: RegisterSnapshot | undefined;
  for (const s of actives) if (!newest || (s.completedAt ?? 0) > (newest.completedAt ?? 0)) newest = s;
  return newest;
}

function toLoaded(snapshot: RegisterSnapshot, numbers: Uint32Array): LoadedRegister {
  return {
    snapshotId: snapshot.id,
    snapshotDate: snapshot.snapshotDate,
    importedBy: snapshot.importedBy,
    since: osloMidnight(snapshot.snapshotDate) ?? snapshot.completedAt ?? snapshot.startedAt,
    numbers,
  };
}
