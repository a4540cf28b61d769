import { describe, expect, it } from 'vitest';
import { barLengths } from './chart-scale';

describe('barLengths', () => {
  it('scales to the largest value', () => {
    expect(barLengths([50, 100, 25])).toEqual([50, 100, 25]);
    expect(barLengths([3])).toEqual([100]);
  });

  it('keeps zero at zero and gives a tiny value a visible minimum', () => {
    expect(barLengths([0, 1_000_000, 1])).toEqual([0, 100, 1.5]);
    expect(barLengths([0, 1000, 1], 4)).toEqual([0, 100, 4]);
  });

  it('returns zeros when nothing is above zero, and nothing for no values', () => {
    expect(barLengths([0, 0])).toEqual([0, 0]);
    expect(barLengths([])).toEqual([]);
  });

  it('treats negative, NaN and infinite values as zero', () => {
    expect(barLengths([-5, Number.NaN, Number.POSITIVE_INFINITY, 10])).toEqual([0, 0, 0, 100]);
  });

  it('never exceeds 100 percent', () => {
    for (const v of barLengths([1, 2, 3, 7, 9.99, 10])) expect(v).toBeLessThanOrEqual(100);
  });
});
