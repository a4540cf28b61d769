import { describe, expect, it, vi } from 'vitest';
import type { NumberStatus } from '@/lib/messages';
import { DialGuard } from './dial-guard';
import type { HoursCheck } from './work-context-cache';

const CLEAR: NumberStatus = { e164: '+4741234567', blocked: false } as NumberStatus;

/** A guard whose statuses and calling hours are given; returns it with its spies. */
function guardWith(options: { hours: () => HoursCheck; refresh?: () => Promise<void>; lookup?: () => Promise<NumberStatus[]>; known?: boolean }) {
  const statuses = { get: () => (options.known === false ? undefined : CLEAR), lookupNow: vi.fn(options.lookup ?? (async () => [CLEAR])) };
  const store = { showAlert: vi.fn() };
  // Like ContentController.loadContext: a failed request is swallowed and the promise resolves.
  const refresh = options.refresh ?? (async () => undefined);
  const guard = new DialGuard(statuses as never, store as never, () => undefined, () => undefined, () => true, options.hours, refresh);
  const retry = vi.fn();
  const event = new Event('click', { cancelable: true });
  (guard as unknown as { guard: (e: Event, a: unknown, n: string[], r: () => void) => void }).guard(event, {}, [CLEAR.e164], retry);
  return { event, retry, store };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('DialGuard: a call held for a check', () => {
  it('stays stopped, with an alert, when the calling hours ran out and the background does not answer', async () => {
    const { event, retry, store } = guardWith({ hours: () => ({ kind: 'unknown' }) });
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(retry).not.toHaveBeenCalled();
    expect(store.showAlert).toHaveBeenCalledWith(expect.anything(), { kind: 'check-failed' });
  });

  it('stays stopped, with an alert, when the block list cannot be reached', async () => {
    const { event, retry, store } = guardWith({
      hours: () => ({ kind: 'allowed' }),
      known: false,
      lookup: () => Promise.reject(new Error('Receiving end does not exist')),
    });
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(retry).not.toHaveBeenCalled();
    expect(store.showAlert).toHaveBeenCalledWith(expect.anything(), { kind: 'check-failed' });
  });

  it('goes on once the refreshed calling hours allow it', async () => {
    let hours: HoursCheck = { kind: 'unknown' };
    const { event, retry, store } = guardWith({
      hours: () => hours,
      refresh: async () => {
        hours = { kind: 'allowed' };
      },
    });
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(retry).toHaveBeenCalledTimes(1);
    expect(store.showAlert).not.toHaveBeenCalled();
  });

  it('passes at once, untouched, when the number and the hours are known to be clear', async () => {
    const { event, retry } = guardWith({ hours: () => ({ kind: 'allowed' }) });
    await settle();
    expect(event.defaultPrevented).toBe(false);
    expect(retry).not.toHaveBeenCalled();
  });
});
