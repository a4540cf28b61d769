import { describe, expect, it } from 'vitest';
import { parseNumberLines } from './parse-lines';

describe('parseNumberLines', () => {
  it('accepts any spelling, skips blanks, reports bad lines by line number and removes repeats', () => {
    const result = parseNumberLines('412 34 567\n\n+47 22 12 34 56\r\nhello\n0047 41234567\n123\n');
    expect(result.valid).toEqual([
      { line: 1, text: '412 34 567', e164: '+4741234567' },
      { line: 3, text: '+47 22 12 34 56', e164: '+4722123456' },
    ]);
    expect(result.invalid.map((i) => [i.line, i.text])).toEqual([
      [4, 'hello'],
      [6, '123'],
    ]);
    expect(result.invalid[0]?.reason).toBe('not-a-number');
    expect(result.duplicates).toBe(1);
  });

  it("reads numbers pasted from the block-list export, written as '+47…", () => {
    const result = parseNumberLines("'+4741234567\n'+4798765432\n");
    expect(result.valid.map((v) => v.e164)).toEqual(['+4741234567', '+4798765432']);
    expect(result.invalid).toEqual([]);
  });

  it('returns nothing for empty input', () => {
    expect(parseNumberLines('  \n \n')).toEqual({ valid: [], invalid: [], duplicates: 0 });
  });
});
