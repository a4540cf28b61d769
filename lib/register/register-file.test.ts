import { describe, expect, it } from 'vitest';
import { parsePhoneInput } from '../phone/detect';
import { isValidNorwegianNational } from '../phone/norway';
import { type SniffResult, type SniffText, isUtf8, registerNumber, sniffFile, sniffRegisterFile, splitRecords } from './register-file';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

function text(result: SniffResult): SniffText {
  if (result.kind !== 'text') throw new Error(`expected text, got ${result.kind}`);
  return result;
}

describe('registerNumber: accepted spellings', () => {
  it.each([
    '41234567',
    '412 34 567',
    '41 23 45 67',
    '4123 4567',
    '412-34-567',
    '41-23-45-67',
    '412\u00a034\u00a0567',
    '412\u202f34\u202f567',
    '412\u201334\u2013567',
    '+4741234567',
    '+47 412 34 567',
    '+47\u00a041234567',
    '+ 47 41234567',
    '(+47) 412 34 567',
    '(+47)41234567',
    '0047 41234567',
    '004741234567',
    '0047 412 34 567',
    '4741234567',
    '47 41234567',
    '  41234567  ',
    '\t41234567\r',
    '41234567\r',
    '\ufeff41234567',
    '\u200b412\u200b34567',
    "'41234567",
    "'+47 412 34 567",
    // Slow path (parsePhoneInput): dots, tel: prefix.
    '412.34.567',
    'tel:+4741234567',
  ])('%j → 41234567', (value) => {
    expect(registerNumber(value)).toBe(41234567);
  });

  it.each([
    ['22 12 34 56', 22123456],
    ['+47 22 12 34 56', 22123456],
    ['800 12 345', 80012345],
    ['98765432', 98765432],
    ['79123456', 79123456],
  ])('%j → %i', (value, expected) => {
    expect(registerNumber(value)).toBe(expected);
  });
});

describe('registerNumber: rejections', () => {
  it.each([
    // Another country code.
    ['+46701234567', 'foreign'],
    ['+46 70 123 45 67', 'foreign'],
    ['+1 (555) 123-4567', 'foreign'],
    ['0046701234567', 'foreign'],
    ['00 44 20 7946 0958', 'foreign'],
    // Too few digits.
    ['4123456', 'too-short'],
    ['412 34 56', 'too-short'],
    ['02800', 'too-short'],
    ['+47 4123456', 'too-short'],
    ['0047 4123456', 'too-short'],
    ['+4', 'too-short'],
    // Too many digits: organisation numbers, fødselsnummer, account numbers.
    ['412345678', 'too-long'],
    ['912 345 678', 'too-long'],
    ['010190 12345', 'too-long'],
    ['1234.56.78901', 'too-long'],
    ['+47412345678', 'too-long'],
    ['00474123456789', 'too-long'],
    // Letters.
    ['abc', 'text'],
    ['Telefon', 'text'],
    ['41234567a', 'text'],
    ['NO93 8601 1117 947', 'text'],
    ['kr 41234567', 'text'],
    ['n/a', 'text'],
    // Spreadsheet formulas.
    ["=cmd|' /C calc'!A0", 'formula'],
    ['=41234567', 'formula'],
    ['@SUM(1)', 'formula'],
    ['-41234567', 'formula'],
    ['-2+3', 'formula'],
    ['+cmd', 'formula'],
    ['+SUM(1)', 'formula'],
    ['+-1', 'formula'],
    ['+', 'formula'],
    ['  =1+1', 'formula'],
    ["'=1+1", 'formula'],
    // 8 digits outside the Norwegian subscriber ranges.
    ['12345678', 'invalid'],
    ['01234567', 'invalid'],
    ['83012345', 'invalid'],
    ['+4712345678', 'invalid'],
    ['4712345678', 'invalid'],
    ['+0123456789', 'invalid'],
    ['0001234567890', 'invalid'],
    // Nothing.
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u00a0', 'empty'],
    ['\r', 'empty'],
    ["'", 'empty'],
    // Dates written with hyphens or dashes: their 8 digits would pass as a landline.
    ['2026-11-28', 'text'],
    ['2026\u201311\u201328', 'text'],
    ['28-11-2026', 'text'],
    ["'2026-11-28", 'text'],
    ['2024-02-29', 'text'],
  ])('%j → %s', (value, reason) => {
    expect(registerNumber(value)).toBe(reason);
  });
});

describe('registerNumber: consistency', () => {
  it('agrees with isValidNorwegianNational for every 4-digit prefix and random numbers', () => {
    for (let p = 0; p < 10000; p++) {
      for (const rest of ['0000', '5555', '9999']) {
        const nsn = `${String(p).padStart(4, '0')}${rest}`;
        const expected = isValidNorwegianNational(nsn) ? Number(nsn) : 'invalid';
        if (registerNumber(nsn) !== expected) throw new Error(`disagrees on ${nsn}`);
      }
    }
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let k = 0; k < 100000; k++) {
      const nsn = String(Math.floor(random() * 1e8)).padStart(8, '0');
      const expected = isValidNorwegianNational(nsn) ? Number(nsn) : 'invalid';
      if (registerNumber(nsn) !== expected) throw new Error(`disagrees on ${nsn}`);
    }
  });

  it('accepts exactly what parsePhoneInput accepts as +47 for Norwegian spellings', () => {
    const spellings = (n: string): string[] => [
      n,
      `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`,
      `+47 ${n}`,
      `0047${n}`,
      `47${n}`,
      `(+47) ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
    ];
    for (const n of ['41234567', '91234567', '22123456', '80012345', '12345678', '01234567', '81091234', '81012345']) {
      for (const s of spellings(n)) {
        const parsed = parsePhoneInput(s);
        const expected = parsed.ok ? Number(parsed.e164.slice(3)) : 'invalid';
        expect([s, registerNumber(s)]).toEqual([s, expected]);
      }
    }
  });
});

describe('sniffRegisterFile', () => {
  it('says empty for no bytes, a BOM alone, or only blank lines', () => {
    expect(sniffRegisterFile(new Uint8Array(0))).toEqual({ kind: 'empty', empty: true });
    expect(sniffRegisterFile(new Uint8Array([0xef, 0xbb, 0xbf]), true)).toEqual({ kind: 'empty', empty: true });
    expect(sniffRegisterFile(utf8('\n\r\n  \n'), true)).toEqual({ kind: 'empty', empty: true });
  });

  it('says binary for NUL bytes, control bytes and known containers', () => {
    expect(sniffRegisterFile(new Uint8Array([0x34, 0x31, 0x00, 0x32]), true)).toMatchObject({ kind: 'binary', binary: true, format: 'unknown' });
    const controls = utf8('41234567\n'.repeat(10) + '\u0001\u0002\u0003\u0004\u0005');
    expect(sniffRegisterFile(controls, true)).toMatchObject({ binary: true });
    expect(sniffRegisterFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toMatchObject({ binary: true, format: 'zip' });
    expect(sniffRegisterFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatchObject({ binary: true, format: 'xls' });
    expect(sniffRegisterFile(utf8('%PDF-1.7\n'))).toMatchObject({ binary: true, format: 'pdf' });
  });

  it('reads one number per line without a header', () => {
    const r = text(sniffRegisterFile(utf8('41234567\n412 34 567\n+47 98765432\n22123456\n'), true));
    expect(r).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: null, lineEnding: '\n', hasHeader: false, phoneColumn: 0 });
    expect(r.columns).toEqual([{ index: 0, header: null, samples: ['41234567', '412 34 567', '+47 98765432', '22123456'], phoneScore: 1, headerMatch: false }]);
  });

  it('sees a header above a single column of numbers', () => {
    const r = text(sniffRegisterFile(utf8('Nr\r\n41234567\r\n98765432\r\n'), true));
    expect(r).toMatchObject({ delimiter: null, lineEnding: '\r\n', hasHeader: true, phoneColumn: 0 });
    expect(r.columns[0]).toMatchObject({ header: 'Nr', samples: ['41234567', '98765432'], phoneScore: 1 });
  });

  it('finds the phone column by its header in a ; file with a UTF-8 BOM', () => {
    const csv = '\ufeffNavn;Telefon;Postnummer\nKari Nordmann;412 34 567;0150\nOla Nordmann;+47 98765432;5003\nPer Hansen;22123456;7010\n';
    const r = text(sniffRegisterFile(utf8(csv), true));
    expect(r).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ';', hasHeader: true, phoneColumn: 1 });
    expect(r.columns.map((c) => [c.header, c.headerMatch, c.phoneScore])).toEqual([
      ['Navn', false, 0],
      ['Telefon', true, 1],
      ['Postnummer', false, 0],
    ]);
    expect(r.columns[0]?.samples).toEqual(['Kari Nordmann', 'Ola Nordmann', 'Per Hansen']);
    expect(r.rows[0]).toEqual(['Navn', 'Telefon', 'Postnummer']);
  });

  it.each([
    ['Telefonnummer', true],
    ['Mobilnr', true],
    ['Tlf.', true],
    ['MSISDN', true],
    ['Phone', true],
    ['Nummer', true],
    ['Nr.', true],
    ['Postnummer', false],
    ['Kundenummer', false],
    ['Organisasjonsnummer', false],
  ])('header %j reads as a phone column: %s', (title, match) => {
    const r = text(sniffRegisterFile(utf8(`Navn;${title}\nKari;x\n`), true));
    expect(r.hasHeader).toBe(match);
    if (match) expect(r.columns[1]?.headerMatch).toBe(true);
  });

  it('finds the phone column by its values when the header says nothing', () => {
    const csv = 'Kunde\tKontakt\tBeløp\nA\t41234567\t100\nB\t98765432\t200\nC\t22123456\t300\n';
    const r = text(sniffRegisterFile(utf8(csv), true));
    expect(r).toMatchObject({ delimiter: '\t', hasHeader: true, phoneColumn: 1 });
    expect(r.columns[1]).toMatchObject({ header: 'Kontakt', headerMatch: false, phoneScore: 1 });
  });

  it('has no header when the first row already holds a number', () => {
    const r = text(sniffRegisterFile(utf8('Kari;41234567\nOla;98765432\n'), true));
    expect(r).toMatchObject({ delimiter: ';', hasHeader: false, phoneColumn: 1 });
    expect(r.columns[1]).toMatchObject({ header: null, samples: ['41234567', '98765432'] });
  });

  it('has no header when the first row holds a number next to a "mobil" type cell', () => {
    const r = text(sniffRegisterFile(utf8('Kari;41234567;mobil\nOla;22123456;fasttelefon\nPer;98765432;mobil\n'), true));
    expect(r).toMatchObject({ delimiter: ';', hasHeader: false, phoneColumn: 1 });
  });

  it('does not take a date column for the numbers', () => {
    const dashed = text(sniffRegisterFile(utf8('2026-11-28;41234567\n2026-11-27;98765432\n2026-11-26;45678901\n'), true));
    expect(dashed).toMatchObject({ delimiter: ';', hasHeader: false, phoneColumn: 1 });
    // Compact dates pass as landlines (2026 1128): on the tie the column without dates wins.
    const compact = text(sniffRegisterFile(utf8('20261128;22123456\n20261127;23456789\n20261126;51234567\n'), true));
    expect(compact.columns.map((c) => c.phoneScore)).toEqual([1, 1]);
    expect(compact.phoneColumn).toBe(1);
  });

  it('reads quoted , fields (a comma inside quotes is no delimiter)', () => {
    const csv = 'name,mobile\n"Nordmann, Kari","412 34 567"\n"Hansen, Per","+47 98765432"\n';
    const r = text(sniffRegisterFile(utf8(csv), true));
    expect(r).toMatchObject({ delimiter: ',', hasHeader: true, phoneColumn: 1 });
    expect(r.columns[0]?.samples).toEqual(['Nordmann, Kari', 'Hansen, Per']);
  });

  it('prefers ; when , also appears in every line (decimal commas)', () => {
    const r = text(sniffRegisterFile(utf8('Tlf;Beløp\n41234567;12,50\n98765432;3,00\n'), true));
    expect(r.delimiter).toBe(';');
  });

  it('detects Latin-1 (windows-1252) text', () => {
    const r = text(sniffRegisterFile(latin1('Navn;Mobil\nKåre Ærlig;41234567\nØystein Å;98765432\n'), true));
    expect(r).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';', phoneColumn: 1 });
    expect(r.columns[0]?.samples).toEqual(['Kåre Ærlig', 'Øystein Å']);
  });

  it('reads UTF-8 without a BOM as UTF-8', () => {
    const r = text(sniffRegisterFile(utf8('Navn;Mobil\nKåre Ærlig;41234567\n'), true));
    expect(r.encoding).toBe('utf-8');
    expect(r.columns[0]?.samples).toEqual(['Kåre Ærlig']);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const s = 'Navn\tTelefon\r\nKåre\t41234567\r\n';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) bytes[2 + i * 2] = s.charCodeAt(i);
    const r = text(sniffRegisterFile(bytes, true));
    expect(r).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t', hasHeader: true, phoneColumn: 1 });
  });

  it('reads CR-only line ends', () => {
    const r = text(sniffRegisterFile(utf8('Telefon\r41234567\r98765432\r'), true));
    expect(r).toMatchObject({ lineEnding: '\r', hasHeader: true, delimiter: null });
    expect(r.columns[0]?.samples).toEqual(['41234567', '98765432']);
  });

  it('ignores the last, possibly cut, line of a head', () => {
    const r = text(sniffRegisterFile(utf8('41234567\n98765432\n4123'), false));
    expect(r.columns[0]?.samples).toEqual(['41234567', '98765432']);
    expect(r.columns[0]?.phoneScore).toBe(1);
  });

  it('sniffFile reads the head of a Blob', async () => {
    const r = text(await sniffFile(new Blob(['Telefon\n41234567\n'])));
    expect(r).toMatchObject({ hasHeader: true, phoneColumn: 0 });
  });
});

describe('isUtf8', () => {
  it('accepts a multi-byte character cut by the end of the head, rejects broken ones', () => {
    const aa = utf8('å'); // c3 a5
    expect(isUtf8(utf8('abc å'))).toBe(true);
    expect(isUtf8(new Uint8Array([0x61, aa[0] as number]))).toBe(true);
    expect(isUtf8(new Uint8Array([0xe5, 0x61]))).toBe(false); // Latin-1 å then a
    expect(isUtf8(new Uint8Array([0xc0, 0x80]))).toBe(false); // overlong
    expect(isUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
  });
});

describe('splitRecords', () => {
  const cells = (t: string, delimiter: string | null = ';') => splitRecords(t, delimiter, '\n', true).records;

  it('honours quotes: delimiters, doubled quotes and line breaks inside a field', () => {
    const split = splitRecords('"Nordmann; Kari";41234567\r\n"Hansen ""Per""";"Storgata 1\nOslo";98765432\n', ';', '\n', true);
    expect(split.records).toEqual([
      ['Nordmann; Kari', '41234567'],
      ['Hansen "Per"', 'Storgata 1\nOslo', '98765432'],
    ]);
    // The same record line by line without quote handling, for a caller that cannot use it whole.
    expect([...split.spanning.entries()]).toEqual([
      [
        1,
        [
          ['Hansen Per', 'Storgata 1'],
          ['Oslo', '98765432'],
        ],
      ],
    ]);
  });

  it('reads a line with a malformed quote on its own, without quote handling, and never swallows the next lines', () => {
    expect(cells('Kari;41234567\n"Kula" Ola;98765432\nPer;22123456\nPer "Bamse";92345678\n')).toEqual([
      ['Kari', '41234567'],
      ['Kula Ola', '98765432'],
      ['Per', '22123456'],
      ['Per "Bamse"', '92345678'],
    ]);
    expect(cells('41234567\n"98765432\n22123456\n', null)).toEqual([['41234567'], ['98765432'], ['22123456']]);
  });

  it('leaves the last, maybe cut, record unread unless final', () => {
    expect(splitRecords('41234567\n98765', null, '\n', false)).toMatchObject({ records: [['41234567']], cursor: 9 });
    // An open quote may close in the next piece.
    expect(splitRecords('41234567\n"Kari\n', ';', '\n', false)).toMatchObject({ records: [['41234567']], cursor: 9 });
    expect(splitRecords('"Kari"', ';', '\n', false)).toMatchObject({ records: [], cursor: 0 });
  });
});
