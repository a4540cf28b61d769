import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';

describe('parseAmount', () => {
  it.each([
    ['12345', 1_234_500],
    ['12 345', 1_234_500],
    ['12\u00a0345', 1_234_500],
    ['kr 12 345', 1_234_500],
    ['12 345,-', 1_234_500],
    ['12345,50', 1_234_550],
    ['12 345,5', 1_234_550],
    ['1.234,50', 123_450],
    ['1.234', 123_400],
    ['99.90', 9_990],
    ['0', 0],
    ['NOK 250', 25_000],
    ['250 kr', 25_000],
  ])('%s → %i øre', (text, ore) => {
    expect(parseAmount(text)).toEqual({ ok: true, ore });
  });

  it.each([
    ['', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['-5', 'negative'],
    ['1,234,5', 'not-a-number'],
    ['12,345', 'too-many-decimals'],
    ['1000000000', 'too-large'],
  ])('%s is refused (%s)', (text, reason) => {
    expect(parseAmount(text)).toEqual({ ok: false, reason });
  });
});
