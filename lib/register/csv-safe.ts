/**
 * CSV output that is safe to open in a spreadsheet: cells that a spreadsheet
 * would read as a formula (`=`, `+`, `-`, `@`, also after leading spaces, or a
 * leading tab / CR / LF) get a
 * leading apostrophe, and cells are quoted when they hold a delimiter, quote
 * or line break. Rows end with CRLF. Callers writing a file prepend a UTF-8
 * BOM (`'\uFEFF' + toCsv(rows)`) so Excel reads the text as UTF-8.
 */

/** Spreadsheets differ on whether they trim before looking for a formula: spaces in front do not make a cell safe. */
const FORMULA_START = /^\s*[=+\-@]|^[\t\r\n]/;
const NEEDS_QUOTES = /[";,\t\r\n]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: string): string {
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface CsvOptions {
  /** Default `;`: what Excel expects in Norwegian locales (where `,` is the decimal mark). */
  delimiter?: ';' | ',' | '\t';
}

/** Rows of cells → CSV text, every row terminated by CRLF. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  let out = '';
  for (const row of rows) out += `${row.map(csvCell).join(delimiter)}\r\n`;
  return out;
}
