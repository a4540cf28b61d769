import { browser } from 'wxt/browser';
import { ContentRequest, type Envelope, type NumberStatus, type RegisterState, type Response } from '@/lib/messages';

/**
 * The content script's view of the block list: only the numbers this page
 * shows. Unknown numbers are looked up in batches, never one message per number.
 */
/** Asks the background about numbers (the content script's message; tests pass their own). */
export type AskBackground = (message: Envelope<ContentRequest.Lookup>) => Promise<Response<ContentRequest.Lookup> | undefined>;

const askBackground: AskBackground = async (message) => (await browser.runtime.sendMessage(message)) as Response<ContentRequest.Lookup> | undefined;

export class NumberStatuses {
  constructor(private readonly ask: AskBackground = askBackground) {}

  private readonly known = new Map<string, NumberStatus>();
  private readonly pending = new Set<string>();
  /** Lookups on their way to the background. */
  private readonly inFlight = new Set<Promise<void>>();
  /** The national register's state as of the last lookup. */
  register: RegisterState | undefined;
  onRegister: ((state: RegisterState) => void) | undefined;

  /** Not blocked, but the register is missing or stale and the team wants such numbers shown as unverified. */
  isUnverified(e164: string): boolean {
    const status = this.known.get(e164);
    const reg = this.register;
    return status !== undefined && !status.blocked && reg !== undefined && reg.markUnverified && reg.state !== 'fresh';
  }

  get(e164: string): NumberStatus | undefined {
    return this.known.get(e164);
  }

  isBlocked(e164: string): boolean {
    return this.known.get(e164)?.blocked === true;
  }

  /** Queues numbers whose status is not known yet. */
  want(e164: string): void {
    if (!this.known.has(e164)) this.pending.add(e164);
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Sends what is pending now unless a lookup is already on its way, without
   * waiting: a long pass asks the background while it goes on scanning, so its
   * final flush waits only for the last few numbers.
   */
  sendAhead(): void {
    if (this.inFlight.size > 0 || this.pending.size === 0) return;
    this.send().catch(() => {
      // The final flush of the pass reports errors; numbers of a failed early batch are asked again there.
    });
  }

  /**
   * Sends everything pending at once (beside any lookup already on its way) and
   * resolves when every status asked for so far is known.
   */
  async flush(): Promise<void> {
    if (this.pending.size > 0) void this.send().catch(() => undefined);
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
    // A batch that failed put its numbers back: ask once more, and report a second failure.
    if (this.pending.size > 0) await this.send();
  }

  private send(): Promise<void> {
    const numbers = [...this.pending];
    this.pending.clear();
    const request: Promise<void> = this.lookup(numbers)
      .then((statuses) => {
        for (const s of statuses) this.known.set(s.e164, s);
      })
      .catch((error: unknown) => {
        for (const n of numbers) if (!this.known.has(n)) this.pending.add(n);
        throw error;
      })
      .finally(() => {
        this.inFlight.delete(request);
      });
    this.inFlight.add(request);
    return request;
  }

  /** Looks numbers up now, bypassing the cache (dial-time check). */
  async lookupNow(numbers: string[]): Promise<NumberStatus[]> {
    const statuses = await this.lookup(numbers);
    for (const s of statuses) this.known.set(s.e164, s);
    return statuses;
  }

  /** Forgets everything (the block list changed); returns the numbers that were known. */
  reset(): string[] {
    const numbers = [...this.known.keys()];
    this.known.clear();
    return numbers;
  }

  private async lookup(numbers: string[]): Promise<NumberStatus[]> {
    const message: Envelope<ContentRequest.Lookup> = { type: ContentRequest.Lookup, payload: { numbers } };
    const response = await this.ask(message);
    if (response?.register) {
      const changed = JSON.stringify(response.register) !== JSON.stringify(this.register);
      this.register = response.register;
      if (changed) this.onRegister?.(response.register);
    }
    return response?.statuses ?? [];
  }
}
