import { describe, expect, it } from 'vitest';
import { runSliced } from './time-slicer';

describe('runSliced', () => {
  it('splits work into slices no longer than the budget on a fake clock', async () => {
    let clock = 0;
    let remaining = 100;
    const sliceLengths: number[] = [];
    let sliceStart = 0;
    const slices = await runSliced(
      () => {
        clock += 3; // each item costs 3 ms
        return --remaining > 0;
      },
      {
        budgetMs: 10,
        now: () => clock,
        yieldToHost: async () => {
          sliceStart = clock;
        },
      },
      () => sliceLengths.push(clock - sliceStart),
    );
    expect(remaining).toBe(0);
    expect(slices).toBe(25); // 4 items (12 ms) per slice: the item that crosses the deadline finishes
    expect(Math.max(...sliceLengths)).toBeLessThanOrEqual(12);
  });

  it('abandons the run when the context dies', async () => {
    let alive = true;
    let done = 0;
    const result = await runSliced(
      () => {
        done++;
        return true;
      },
      {
        budgetMs: 0,
        now: () => 0,
        yieldToHost: async () => {
          alive = done < 3;
        },
        isAlive: () => alive,
      },
    );
    expect(result).toBe(-1);
    expect(done).toBe(3);
  });

  it('finishes in one slice when the queue is short', async () => {
    let n = 2;
    const slices = await runSliced(() => --n > 0, { budgetMs: 50, now: () => 0, yieldToHost: async () => {} });
    expect(slices).toBe(1);
  });
});
