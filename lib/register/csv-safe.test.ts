import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv-safe';

describe('csvCell', () => {
  it.each([
    ['41234567', '41234567'],
    ['Kari Nordmann', 'Kari Nordmann'],
    ['', ''],
    ['=1+1', "'=1+1"],
    ['+4741234567', "'+4741234567"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    [' =1+1', "' =1+1"],
    ['\u00a0 @SUM(A1)', "'\u00a0 @SUM(A1)"],
    ['  -2+3', "'  -2+3"],
    ['\n=1', `"'\n=1"`],
    ['Kari = kunde', 'Kari = kunde'],
    [' 41234567', ' 41234567'],
    ['a;b', '"a;b"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x";"y")', `"'=HYPERLINK(""x"";""y"")"`],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('joins with ; and ends every row with CRLF', () => {
    expect(toCsv([['line', 'text'], ['1', '=1+1'], ['2', 'a;b']])).toBe("line;text\r\n1;'=1+1\r\n2;\"a;b\"\r\n");
  });

  it('can use another delimiter', () => {
    expect(toCsv([['a', 'b,c']], { delimiter: ',' })).toBe('a,"b,c"\r\n');
    expect(toCsv([])).toBe('');
  });
});
