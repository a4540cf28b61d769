import { describe, expect, it } from 'vitest';
import type { ContentRequest, Envelope, NumberStatus, Response } from '@/lib/messages';
import { NumberStatuses, type AskBackground } from './number-statuses';

const BLOCKED = new Set(['+4741234567']);

/** A background that answers after `release()`, failing the first `failures` lookups. */
function background(failures = 0) {
  const asked: string[][] = [];
  const waiting: Array<() => void> = [];
  let failed = 0;
  const ask: AskBackground = (message: Envelope<ContentRequest.Lookup>) => {
    const numbers = message.payload.numbers;
    asked.push(numbers);
    return new Promise<Response<ContentRequest.Lookup>>((resolve, reject) => {
      waiting.push(() => {
        if (failed < failures) {
          failed++;
          reject(new Error('Could not establish connection'));
          return;
        }
        const statuses: NumberStatus[] = numbers.map((e164) => ({ e164, blocked: BLOCKED.has(e164) }));
        resolve({ statuses, register: { snapshotDate: null, state: 'missing', markUnverified: false } });
      });
    });
  };
  const releaseAll = async () => {
    while (waiting.length > 0) {
      waiting.shift()!();
      await Promise.resolve();
    }
  };
  return { ask, asked, releaseAll };
}

async function settle(flush: Promise<void>, releaseAll: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await releaseAll();
    await new Promise((r) => setTimeout(r, 0));
  }
  await flush;
}

describe('NumberStatuses', () => {
  it('sends the rest at once beside a lookup already on its way, and knows every status after flush', async () => {
    const bg = background();
    const statuses = new NumberStatuses(bg.ask);
    statuses.want('+4741234567');
    statuses.sendAhead();
    statuses.want('+4798765432');
    statuses.sendAhead(); // one already on its way: waits
    expect(bg.asked).toEqual([['+4741234567']]);
    const flushed = statuses.flush();
    // The final flush does not queue behind the first lookup.
    expect(bg.asked).toEqual([['+4741234567'], ['+4798765432']]);
    await settle(flushed, bg.releaseAll);
    expect(statuses.isBlocked('+4741234567')).toBe(true);
    expect(statuses.get('+4798765432')?.blocked).toBe(false);
    expect(statuses.hasPending).toBe(false);
  });

  it('asks again for the numbers of a failed batch, and reports a second failure', async () => {
    const once = background(1);
    const statuses = new NumberStatuses(once.ask);
    statuses.want('+4741234567');
    statuses.sendAhead();
    await settle(statuses.flush(), once.releaseAll);
    expect(once.asked).toEqual([['+4741234567'], ['+4741234567']]);
    expect(statuses.isBlocked('+4741234567')).toBe(true);

    const twice = background(2);
    const failing = new NumberStatuses(twice.ask);
    failing.want('+4741234567');
    const flushed = failing.flush();
    flushed.catch(() => undefined);
    await expect(settle(flushed, twice.releaseAll)).rejects.toThrow('Could not establish connection');
    // Nothing is lost: the number is still wanted for the next pass.
    expect(failing.hasPending).toBe(true);
    expect(failing.get('+4741234567')).toBeUndefined();
  });
});
