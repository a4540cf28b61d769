/**
 * Register files (Reservasjonsregisteret deliveries and customer opt-out
 * lists): sniffing the first bytes of a file, splitting it into records and
 * normalising one value to a Norwegian national number.
 *
 * `registerNumber` is the hot path of an import (3 million lines): a
 * hand-written char loop for values made of digits, blanks, hyphens, `+` and
 * parentheses, with no allocation; anything else falls back to
 * `parsePhoneInput` (slow, rare).
 */
import Papa from 'papaparse';
import { parsePhoneInput } from '../phone/detect';
import { isValidNorwegianNational } from '../phone/norway';

// ---------------------------------------------------------------------------
// registerNumber

/** Why a register value is not a Norwegian subscriber number. */
export type RegisterRejection = 'foreign' | 'too-short' | 'too-long' | 'text' | 'formula' | 'invalid' | 'empty';

export const REGISTER_REJECTIONS: readonly RegisterRejection[] = ['foreign', 'too-short', 'too-long', 'text', 'formula', 'invalid', 'empty'];

const PLUS = 0x2b;
const EQUALS = 0x3d;
const AT = 0x40;
const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const LPAREN = 0x28;

/** Blanks around and inside a value: space, tab, CR/LF, NBSP, en/em/thin/hair spaces, narrow NBSP, ideographic space. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Invisible characters copy/paste drags along: soft hyphen, zero-width, bidi marks, word joiner, BOM. */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** Separators allowed between digit groups: blanks, invisibles, hyphen/dash/minus, parentheses. */
function isSeparator(c: number): boolean {
  return isBlank(c) || c === HYPHEN || (c >= 0x2010 && c <= 0x2013) || c === 0x2212 || c === LPAREN || c === 0x29 || isInvisible(c);
}

/**
 * Validity of an 8-digit number depends only on its first four digits
 * (norway.ts looks at digits 1-4 at most), so the rules are tabulated once
 * per prefix by asking isValidNorwegianNational itself.
 * register-file.test.ts checks the table against the function.
 */
let validPrefix: Uint8Array | undefined;

function prefixTable(): Uint8Array {
  if (!validPrefix) {
    const table = new Uint8Array(10000);
    for (let p = 0; p < 10000; p++) table[p] = isValidNorwegianNational(`${String(p).padStart(4, '0')}0000`) ? 1 : 0;
    validPrefix = table;
  }
  return validPrefix;
}

function national(nsn: number): number | RegisterRejection {
  return prefixTable()[Math.floor(nsn / 10000)] === 1 ? nsn : 'invalid';
}

/**
 * The 8-digit Norwegian national number in one register cell, as an integer
 * (`+47 412 34 567` → 41234567), or why the cell is not one.
 *
 * Accepted spellings: `41234567`, `412 34 567`, `41 23 45 67`, `412-34-567`,
 * `+4741234567`, `+47 412 34 567`, `(+47) 412 34 567`, `0047 41234567`,
 * `4741234567` (+47 with the plus lost), with NBSP / thin spaces / hyphens /
 * dashes between groups and invisible marks anywhere.
 */
export function registerNumber(value: string): number | RegisterRejection {
  const len = value.length;
  let i = 0;
  while (i < len && isBlank(value.charCodeAt(i))) i++;
  if (i === len) return 'empty';
  let c = value.charCodeAt(i);
  // A leading apostrophe is a spreadsheet's "this is text" mark.
  if (c === APOSTROPHE) {
    i++;
    while (i < len && isBlank(value.charCodeAt(i))) i++;
    if (i === len) return 'empty';
    c = value.charCodeAt(i);
  }
  if (c === EQUALS || c === AT || c === HYPHEN) return 'formula';

  let digits = 0;
  let acc = 0;
  let plus = false;
  let d1 = -1;
  let d2 = -1;
  let d3 = -1;
  let d4 = -1;
  for (; i < len; i++) {
    c = value.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (digits < 15) acc = acc * 10 + d;
      if (digits < 4) {
        if (digits === 0) d1 = d;
        else if (digits === 1) d2 = d;
        else if (digits === 2) d3 = d;
        else d4 = d;
      }
      digits++;
      continue;
    }
    if (isSeparator(c)) continue;
    if (c === PLUS && digits === 0 && !plus) {
      // `+` must be followed by a digit or `(` (after blanks), else it starts a formula.
      let j = i + 1;
      while (j < len && isBlank(value.charCodeAt(j))) j++;
      const next = j < len ? value.charCodeAt(j) : -1;
      if (!((next >= 48 && next <= 57) || next === LPAREN)) return 'formula';
      plus = true;
      continue;
    }
    return slowPath(value);
  }

  if (digits === 0) return plus ? 'formula' : 'empty';
  if (plus) {
    if (d1 === 0) return 'invalid';
    if (d1 !== 4 || (digits >= 2 && d2 !== 7)) return 'foreign';
    if (digits < 10) return 'too-short';
    if (digits > 10) return 'too-long';
    return national(acc % 1e8);
  }
  if (digits === 8) return national(acc);
  if (digits > 8 && d1 === 0 && d2 === 0) {
    // 00 international call prefix.
    if (d3 === 0) return 'invalid';
    if (d3 !== 4 || d4 !== 7) return 'foreign';
    if (digits < 12) return 'too-short';
    if (digits > 12) return 'too-long';
    return national(acc % 1e8);
  }
  if (digits === 10 && d1 === 4 && d2 === 7) return national(acc % 1e8);
  return digits < 8 ? 'too-short' : 'too-long';
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const LETTER = /\p{L}/u;

/** Odd spellings (dots, slashes, `tel:`, letters, ...): correct but slow. */
function slowPath(value: string): number | RegisterRejection {
  let s = value.replace(INVISIBLE, '').trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  if (s === '') return 'empty';
  const first = s.charCodeAt(0);
  if (first === EQUALS || first === AT || first === HYPHEN) return 'formula';
  if (first === PLUS && !/^\+\s*[\d(]/.test(s)) return 'formula';
  if (/^tel:/i.test(s)) s = s.slice(4).trim();
  if (LETTER.test(s)) return 'text';
  const parsed = parsePhoneInput(s);
  if (parsed.ok) {
    const e = parsed.e164;
    return e.length === 11 && e.startsWith('+47') ? national(Number(e.slice(3))) : 'foreign';
  }
  switch (parsed.reason) {
    case 'empty':
      return 'empty';
    case 'too-short':
      return 'too-short';
    case 'too-long':
      return 'too-long';
    case 'invalid':
    case 'service-number':
      return 'invalid';
    default:
      return 'text';
  }
}

// ---------------------------------------------------------------------------
// Sniffing

export type RegisterEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type RegisterDelimiter = ';' | '\t' | ',';
export type LineEnding = '\n' | '\r\n' | '\r';

/** How many bytes of a file the sniffer wants. */
export const SNIFF_BYTES = 64 * 1024;

export interface SniffColumn {
  index: number;
  /** Text of the first row's cell when the first row is a header, else null. */
  header: string | null;
  /** Up to 5 non-blank values from the data rows. */
  samples: string[];
  /** Share (0..1) of the sampled non-blank values that are valid Norwegian numbers. */
  phoneScore: number;
  /** The header reads like a phone column (telefon, tlf, mobil, phone, msisdn, or just "nummer"/"nr"). */
  headerMatch: boolean;
}

export interface SniffEmpty {
  kind: 'empty';
  empty: true;
}

export interface SniffBinary {
  kind: 'binary';
  binary: true;
  /** A recognised container, so the UI can say "save it as CSV" instead of "not a text file". */
  format: 'zip' | 'xls' | 'pdf' | 'gzip' | 'unknown';
}

export interface SniffText {
  kind: 'text';
  encoding: RegisterEncoding;
  /** The file starts with a byte-order mark. */
  bom: boolean;
  /** null: one value per line. */
  delimiter: RegisterDelimiter | null;
  lineEnding: LineEnding;
  hasHeader: boolean;
  columns: SniffColumn[];
  /** The column most likely to hold the numbers, or null when no column looks like one. */
  phoneColumn: number | null;
  /** The first rows (header included) as parsed, for a preview table. */
  rows: string[][];
}

export type SniffResult = SniffEmpty | SniffBinary | SniffText;

/**
 * A phone column's title. A bare "nummer"/"nr" counts, but not Postnummer,
 * Kundenummer, Organisasjonsnummer and the like.
 */
const PHONE_HEADER = /telefon|tlf|mobil|phone|msisdn|^\s*(?:tel|nummer|nr\.?|number|no\.?)\s*$/i;
const DELIMITERS: readonly RegisterDelimiter[] = [';', '\t', ','];
/** Papa needs a delimiter; for one value per line use one that never occurs in text. */
export const NO_DELIMITER = '\u001f';
const SNIFF_ROWS = 200;
const PREVIEW_ROWS = 10;

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  if (head.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (head[i] !== bytes[i]) return false;
  return true;
}

function binaryFormat(head: Uint8Array): SniffBinary['format'] | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  return null;
}

/** Valid UTF-8? A sequence cut off by the end of `bytes` counts as valid (the head is a prefix). */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return false;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return true; // cut off at the end of the head
      const cb = bytes[i + k] as number;
      if ((cb & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (cb & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** Control bytes that never occur in a text file (tab, LF, FF, CR and ESC are allowed). */
function isControlByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b;
}

export function detectLineEnding(text: string): LineEnding {
  const lf = text.indexOf('\n');
  if (lf < 0) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text.charCodeAt(lf - 1) === 0x0d ? '\r\n' : '\n';
}

/** Rows of `text` split with `delimiter` (Papa; quotes honoured). */
function parseRows(text: string, delimiter: string, complete: boolean): string[][] {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"', preview: SNIFF_ROWS * 2 });
  const result = parser.parse(text, 0, !complete) as { data: string[][] };
  return result.data.map((row) => row.map(stripCr));
}

function stripCr(cell: string): string {
  return cell.length > 0 && cell.charCodeAt(cell.length - 1) === 0x0d ? cell.slice(0, -1) : cell;
}

/** Only blanks (and invisible marks)? No allocation: this runs for every line of an import. */
export function isBlankCell(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (!isBlank(c) && !isInvisible(c)) return false;
  }
  return true;
}

export function isBlankRow(row: readonly string[]): boolean {
  for (const cell of row) if (!isBlankCell(cell)) return false;
  return true;
}

function chooseDelimiter(text: string, complete: boolean): RegisterDelimiter | null {
  let best: RegisterDelimiter | null = null;
  let bestShare = 0;
  for (const d of DELIMITERS) {
    const rows = parseRows(text, d, complete).filter((r) => !isBlankRow(r)).slice(0, SNIFF_ROWS);
    if (rows.length === 0) continue;
    const freq = new Map<number, number>();
    for (const r of rows) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [fields, count] of freq) {
      if (count > modeCount || (count === modeCount && fields > mode)) {
        mode = fields;
        modeCount = count;
      }
    }
    if (mode < 2) continue;
    const share = modeCount / rows.length;
    if (share >= 0.8 && share > bestShare) {
      best = d;
      bestShare = share;
    }
  }
  return best;
}

function isNumber(value: string | undefined): boolean {
  return value !== undefined && typeof registerNumber(value) === 'number';
}

function columnScore(rows: readonly string[][], index: number): { score: number; samples: string[] } {
  let nonBlank = 0;
  let ok = 0;
  const samples: string[] = [];
  for (const row of rows) {
    const cell = row[index];
    if (cell === undefined || cell.trim() === '') continue;
    nonBlank++;
    if (isNumber(cell)) ok++;
    if (samples.length < 5) samples.push(cell);
  }
  return { score: nonBlank === 0 ? 0 : ok / nonBlank, samples };
}

/**
 * Looks at the first bytes of a file (about SNIFF_BYTES) and guesses how to
 * read it. `complete` says the bytes are the whole file (else the last,
 * possibly cut, line is ignored).
 */
export function sniffRegisterFile(head: Uint8Array, complete = false): SniffResult {
  let bom = false;
  let encoding: RegisterEncoding;
  let body = head;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) {
    bom = true;
    encoding = 'utf-8';
    body = head.subarray(3);
  } else if (startsWith(head, [0xff, 0xfe])) {
    bom = true;
    encoding = 'utf-16le';
    body = head.subarray(2);
  } else if (startsWith(head, [0xfe, 0xff])) {
    bom = true;
    encoding = 'utf-16be';
    body = head.subarray(2);
  } else {
    const format = binaryFormat(head);
    if (format) return { kind: 'binary', binary: true, format };
    encoding = 'utf-8';
  }
  if (body.length === 0) return { kind: 'empty', empty: true };

  if (encoding === 'utf-8') {
    let controls = 0;
    for (let i = 0; i < body.length; i++) {
      const b = body[i] as number;
      if (b === 0) return { kind: 'binary', binary: true, format: 'unknown' };
      if (isControlByte(b)) controls++;
    }
    if (controls > body.length * 0.01) return { kind: 'binary', binary: true, format: 'unknown' };
    if (!bom && !isUtf8(body)) encoding = 'windows-1252';
  }

  let text = new TextDecoder(encoding).decode(body);
  if (encoding.startsWith('utf-16')) {
    let controls = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0 || isControlByte(c)) controls++;
    }
    if (controls > text.length * 0.01) return { kind: 'binary', binary: true, format: 'unknown' };
  }
  if (text.trim() === '') return { kind: 'empty', empty: true };
  const lineEnding = detectLineEnding(text);
  if (lineEnding === '\r') text = text.replace(/\r/g, '\n');

  const delimiter = chooseDelimiter(text, complete);
  const rows = parseRows(text, delimiter ?? NO_DELIMITER, complete)
    .filter((r) => !isBlankRow(r))
    .slice(0, SNIFF_ROWS);
  if (rows.length === 0) {
    // A single line cut off by the end of the head: read it anyway.
    rows.push(...parseRows(text, delimiter ?? NO_DELIMITER, true).filter((r) => !isBlankRow(r)).slice(0, 1));
  }
  const width = Math.min(rows.reduce((w, r) => Math.max(w, r.length), 1), 100);
  const first = rows[0] ?? [];

  // Header: a phone-like title, or a first row of words above a column of numbers.
  const headerMatchAt = (i: number): boolean => {
    const cell = first[i];
    return cell !== undefined && !isNumber(cell) && PHONE_HEADER.test(cell);
  };
  let anyHeaderMatch = false;
  let firstRowNumbers = 0;
  for (let i = 0; i < width; i++) {
    if (headerMatchAt(i)) anyHeaderMatch = true;
    if (isNumber(first[i])) firstRowNumbers++;
  }
  const firstRowWords = first.some((cell) => LETTER.test(cell));
  const laterRows = rows.slice(1);
  let laterNumbers = false;
  for (let i = 0; i < width && !laterNumbers; i++) laterNumbers = columnScore(laterRows, i).score >= 0.5;
  const hasHeader = anyHeaderMatch || (firstRowNumbers === 0 && firstRowWords && laterNumbers);

  const dataRows = hasHeader ? laterRows : rows;
  const columns: SniffColumn[] = [];
  let phoneColumn: number | null = null;
  let best = 0;
  for (let i = 0; i < width; i++) {
    const { score, samples } = columnScore(dataRows, i);
    const headerMatch = hasHeader && headerMatchAt(i);
    columns.push({ index: i, header: hasHeader ? (first[i] ?? '') : null, samples, phoneScore: score, headerMatch });
    const rank = score + (headerMatch ? 0.25 : 0);
    if (rank > best) {
      best = rank;
      phoneColumn = i;
    }
  }
  if (delimiter === null) phoneColumn = 0;

  return {
    kind: 'text',
    encoding,
    bom,
    delimiter,
    lineEnding,
    hasHeader,
    columns,
    phoneColumn,
    rows: rows.slice(0, PREVIEW_ROWS),
  };
}

/** Reads the head of a file and sniffs it. */
export async function sniffFile(file: Blob): Promise<SniffResult> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffRegisterFile(head, file.size <= SNIFF_BYTES);
}
