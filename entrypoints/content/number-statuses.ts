import { browser } from 'wxt/browser';
import { ContentRequest, type Envelope, type NumberStatus, type RegisterState, type Response } from '@/lib/messages';

/**
 * The content script's view of the block list: only the numbers this page
 * shows. Unknown numbers are looked up in batches, never one message per number.
 */
export class NumberStatuses {
  private readonly known = new Map<string, NumberStatus>();
  private readonly pending = new Set<string>();
  private inFlight: Promise<void> | undefined;
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
    if (this.inFlight || this.pending.size === 0) return;
    this.flush().catch(() => {
      // The final flush of the pass reports errors; numbers of a failed early batch are asked again there.
    });
  }

  /** Sends one lookup for everything pending; resolves when statuses are known. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.pending.size === 0) return;
    const numbers = [...this.pending];
    this.pending.clear();
    this.inFlight = this.lookup(numbers)
      .then((statuses) => {
        for (const s of statuses) this.known.set(s.e164, s);
      })
      .catch((error: unknown) => {
        for (const n of numbers) if (!this.known.has(n)) this.pending.add(n);
        throw error;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    await this.inFlight;
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
    const response = (await browser.runtime.sendMessage(message)) as Response<ContentRequest.Lookup> | undefined;
    if (response?.register) {
      const changed = JSON.stringify(response.register) !== JSON.stringify(this.register);
      this.register = response.register;
      if (changed) this.onRegister?.(response.register);
    }
    return response?.statuses ?? [];
  }
}
