import { describe, expect, it } from 'vitest';
import { matchesInCore, textWindows } from './text-chunks';

/** A toy matcher: every run of 8 digits. */
function findRuns(text: string) {
  return [...text.matchAll(/(?<!\d)\d{8}(?!\d)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, value: m[0] }));
}

describe('textWindows + matchesInCore', () => {
  it('finds every match exactly once, including those straddling a seam', () => {
    const filler = 'x'.repeat(95);
    const whole = Array.from({ length: 50 }, (_, i) => `${filler}${String(41234500 + i)}`).join(' ');
    const expected = findRuns(whole);
    const found = [...textWindows(whole, 100, 20)].flatMap((w) => matchesInCore(w, findRuns(w.text)));
    expect(found).toEqual(expected);
    expect(found).toHaveLength(50);
  });

  it('covers the whole text with windows no larger than core + 2 × margin', () => {
    const whole = 'a'.repeat(1050);
    const windows = [...textWindows(whole, 100, 10)];
    expect(windows).toHaveLength(11);
    expect(Math.max(...windows.map((w) => w.text.length))).toBe(120);
    expect(windows.at(-1)?.coreEnd).toBe(1050);
  });

  it('yields nothing for empty text and rejects a zero core', () => {
    expect([...textWindows('', 10, 2)]).toEqual([]);
    expect(() => [...textWindows('abc', 0, 2)]).toThrow(RangeError);
  });
});
