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
import { parsePhoneInput } from '../phone/detect';
import { isCalendarDate, isValidNorwegianNational, looksLikeCompactDate } from '../phone/norway';

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

/** Hyphen, the Unicode hyphens and dashes, and the minus sign. */
function isDash(c: number): boolean {
  return c === HYPHEN || (c >= 0x2010 && c <= 0x2013) || c === 0x2212;
}

/** Separators allowed between digit groups: blanks, invisibles, hyphen/dash/minus, parentheses. */
function isSeparator(c: number): boolean {
  return isBlank(c) || isDash(c) || c === LPAREN || c === 0x29 || isInvisible(c);
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
  let dashed = false;
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
    if (isSeparator(c)) {
      if (isDash(c)) dashed = true;
      continue;
    }
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
  if (digits === 8) return dashed && isDashedDate(value) ? 'text' : national(acc);
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

/** `2026-11-28` (4-2-2) or `28-11-2026` (2-2-4) with hyphens or dashes. */
const DASHED_YMD = /^\s*'?\s*(\d{4})([-\u2010-\u2013\u2212])(\d{2})\2(\d{2})\s*$/;
const DASHED_DMY = /^\s*'?\s*(\d{2})([-\u2010-\u2013\u2212])(\d{2})\2(\d{4})\s*$/;

/**
 * A real calendar date written with dashes. Its 8 digits would otherwise pass
 * as a landline (`2026-11-28` → 20261128), and opt-out exports often carry a
 * date column next to the number. Dotted and slashed dates take the slow path,
 * where parsePhoneInput already refuses them.
 */
function isDashedDate(value: string): boolean {
  let m = DASHED_YMD.exec(value);
  if (m) return isCalendarDate(Number(m[4]), Number(m[3]), Number(m[1]));
  m = DASHED_DMY.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[3]), Number(m[4]));
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

// ---------------------------------------------------------------------------
// Splitting text into records

const QUOTE = 0x22;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;

/** Records of a piece of text; see `splitRecords`. */
export interface RecordSplit {
  /** Cells of each record. A record is one physical line, or several when a quoted field holds a line break. */
  records: string[][];
  /**
   * For records that span several physical lines (by index into `records`):
   * those lines split without quote handling. A stray quote that happens to
   * close lines later also makes such a record, so a caller that cannot use
   * the record reads these lines instead and loses none of them.
   */
  spanning: Map<number, string[][]>;
  /** Where the unread rest starts (an incomplete last record when not final). */
  cursor: number;
}

/**
 * One physical line without quote handling. `stray` drops every quote mark:
 * the line's quotes are broken, so they are no field boundaries and no part
 * of a number (`"98765432` is the number 98765432).
 */
function plainCells(line: string, delimiter: string | null, newline: string, stray: boolean): string[] {
  if (newline === '\n' && line.charCodeAt(line.length - 1) === CR) line = line.slice(0, -1);
  const cells = delimiter === null ? [line] : line.split(delimiter);
  return stray ? cells.map((cell) => cell.replace(/"/g, '')) : cells;
}

/** Blanks allowed between a closing quote and the delimiter or line end (as Papa allows them). */
function isQuoteGap(c: number, delimiter: string | null, newline: string): boolean {
  return c === SPACE || (c === TAB && delimiter !== '\t') || (c === CR && newline === '\n');
}

type QuotedRecord = { cells: string[]; stop: number } | 'incomplete' | 'malformed';

/**
 * RFC 4180 record starting at `start` (which holds a quote somewhere): quoted
 * fields may hold delimiters, doubled quotes and line breaks. 'malformed' when
 * a closing quote is followed by anything but blanks and a delimiter or line
 * end (`"Kula" Ola`), or (final text only) a quote never closes. `stop` is
 * the index of the record's line end, or the text's length.
 */
function quotedRecord(text: string, start: number, delimiter: string | null, newline: string, final: boolean): QuotedRecord {
  const len = text.length;
  const cells: string[] = [];
  let pos = start;
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      let value = '';
      let from = pos + 1;
      let close: number;
      for (;;) {
        close = text.indexOf('"', from);
        if (close < 0) return final ? 'malformed' : 'incomplete';
        // A quote at the very end of a piece may be the first half of a doubled quote.
        if (close + 1 === len && !final) return 'incomplete';
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        value += text.slice(from, close + 1);
        from = close + 2;
      }
      cells.push(value + text.slice(from, close));
      let after = close + 1;
      while (after < len && isQuoteGap(text.charCodeAt(after), delimiter, newline)) after++;
      if (after === len) return final ? { cells, stop: len } : 'incomplete';
      if (delimiter !== null && text.startsWith(delimiter, after)) {
        pos = after + delimiter.length;
        continue;
      }
      if (text.startsWith(newline, after)) return { cells, stop: after };
      return 'malformed';
    }
    const eol = text.indexOf(newline, pos);
    const next = delimiter === null ? -1 : text.indexOf(delimiter, pos);
    if (next >= 0 && (eol < 0 || next < eol)) {
      // A quote inside an unquoted field (`Per "Bamse"`) is kept as text, as Papa does.
      cells.push(text.slice(pos, next));
      pos = next + (delimiter as string).length;
      continue;
    }
    if (eol < 0 && !final) return 'incomplete';
    const stop = eol < 0 ? len : eol;
    cells.push(plainCells(text.slice(pos, stop), null, newline, false)[0] as string);
    return { cells, stop };
  }
}

/**
 * Splits `text` into records of cells (`delimiter` null: one value per line).
 * Lines end with `newline`; with LF a CR before it is dropped. Unless `final`,
 * the last record, which may be cut, is left unread (see `cursor`).
 *
 * Quotes follow RFC 4180, but a malformed quote never swallows the lines
 * after it, as it does in Papa (which then reads `"Kula" Ola;98765432` and
 * the next lines as one field): that physical line alone is read without
 * quote handling and the next line starts a new record. A quote that never
 * closes is only known at the end, so an unfinished one holds up the rest of
 * a piece until then (callers cap that carry).
 */
export function splitRecords(text: string, delimiter: string | null, newline: '\n' | '\r', final: boolean, limit = Infinity): RecordSplit {
  const records: string[][] = [];
  const spanning = new Map<number, string[][]>();
  const len = text.length;
  let pos = 0;
  let nextQuote = text.indexOf('"');
  while (pos < len && records.length < limit) {
    let eol = text.indexOf(newline, pos);
    if (eol < 0) {
      if (!final) break;
      eol = len;
    }
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    if (nextQuote < 0 || nextQuote > eol) {
      // Hot path: no quote on this line.
      records.push(plainCells(text.slice(pos, eol), delimiter, newline, false));
      pos = eol + 1;
      continue;
    }
    const quoted = quotedRecord(text, pos, delimiter, newline, final);
    if (quoted === 'incomplete') break;
    if (quoted === 'malformed') {
      records.push(plainCells(text.slice(pos, eol), delimiter, newline, true));
      pos = eol + 1;
      continue;
    }
    if (eol < quoted.stop) {
      spanning.set(
        records.length,
        text
          .slice(pos, quoted.stop)
          .split(newline)
          .map((line) => plainCells(line, delimiter, newline, true)),
      );
    }
    records.push(quoted.cells);
    pos = quoted.stop + 1;
  }
  return { records, spanning, cursor: Math.min(pos, len) };
}

/**
 * Rows of the head `text` (LF line ends), quotes honoured. Records over
 * several lines are left out: an address with a line break or a stray quote
 * closed lines later, neither tells the layout (a stray quote's record has
 * too many fields, and the ; file would look like one value per line).
 */
function parseRows(text: string, delimiter: string | null, complete: boolean): string[][] {
  const { records, spanning } = splitRecords(text, delimiter, '\n', complete, SNIFF_ROWS * 2);
  return spanning.size === 0 ? records : records.filter((_, i) => !spanning.has(i));
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

/** Below any difference in phone scores of SNIFF_ROWS rows: only breaks ties. */
const DATE_PENALTY = 1e-4;
const DATE_LIKE = /^(?:\d{8}|\d{4}([-./\u2010-\u2013])\d{1,2}\1\d{1,2}|\d{1,2}([-./\u2010-\u2013])\d{1,2}\2\d{4})$/;

/** A cell that reads as a date: `20261128`, `28112026`, `2026-11-28`, `28.11.2026` (a real calendar date). */
function isDateLike(cell: string): boolean {
  const s = cell.trim();
  if (!DATE_LIKE.test(s)) return false;
  const digits = s.replace(/\D/g, '');
  if (digits.length === 8) return looksLikeCompactDate(digits);
  const parts = s.split(/[-./\u2010-\u2013]/).map(Number);
  const [a = 0, b = 0, c = 0] = parts;
  return a > 31 ? isCalendarDate(c, b, a) : isCalendarDate(a, b, c);
}

function columnScore(rows: readonly string[][], index: number): { score: number; samples: string[]; dates: number } {
  let nonBlank = 0;
  let ok = 0;
  let dates = 0;
  const samples: string[] = [];
  for (const row of rows) {
    const cell = row[index];
    if (cell === undefined || cell.trim() === '') continue;
    nonBlank++;
    if (isNumber(cell)) ok++;
    if (isDateLike(cell)) dates++;
    if (samples.length < 5) samples.push(cell);
  }
  const share = (n: number) => (nonBlank === 0 ? 0 : n / nonBlank);
  return { score: share(ok), samples, dates: share(dates) };
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
  const rows = parseRows(text, delimiter, complete)
    .filter((r) => !isBlankRow(r))
    .slice(0, SNIFF_ROWS);
  if (rows.length === 0) {
    // A single line cut off by the end of the head: read it anyway.
    rows.push(...parseRows(text, delimiter, true).filter((r) => !isBlankRow(r)).slice(0, 1));
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
  // A row holding a valid number is data, whatever its other cells say (a type column reading "mobil").
  const hasHeader = firstRowNumbers === 0 && (anyHeaderMatch || (firstRowWords && laterNumbers));

  const dataRows = hasHeader ? laterRows : rows;
  const columns: SniffColumn[] = [];
  let phoneColumn: number | null = null;
  let best = 0;
  for (let i = 0; i < width; i++) {
    const { score, samples, dates } = columnScore(dataRows, i);
    const headerMatch = hasHeader && headerMatchAt(i);
    columns.push({ index: i, header: hasHeader ? (first[i] ?? '') : null, samples, phoneScore: score, headerMatch });
    // Compact dates (20261128) pass as landlines; on a tie the column without them holds the numbers.
    const rank = score + (headerMatch ? 0.25 : 0) - dates * DATE_PENALTY;
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
