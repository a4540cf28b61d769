/**
 * The label a page shows next to a value, for context the detector cannot see
 * in the text itself: the column header of a table cell ("Kundenr." over a
 * column of 8-digit customer numbers), or the label element just before a
 * value in a key/value layout (`<dt>Org.nr.</dt><dd>912 345 678</dd>`).
 * Only asked for text nodes that hold a number, so it may use the DOM freely.
 */
const MAX_LABEL = 40;
/** Column headers per table, read once per scan pass (a single-page app may rename its columns). */
let headerCache = new WeakMap<HTMLTableElement, string[]>();

/** Forgets the column headers read so far: called at the start of each scan pass. */
export function forgetColumnHeaders(): void {
  headerCache = new WeakMap();
}

function shortText(el: Element | null | undefined): string | null {
  if (!el) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text && text.length <= MAX_LABEL ? text : null;
}

function columnHeaders(table: HTMLTableElement): string[] {
  let headers = headerCache.get(table);
  if (!headers) {
    const row = table.tHead?.rows[0] ?? [...table.rows].find((r) => r.cells[0]?.localName === 'th');
    headers = [];
    if (row) {
      // Indexed like body cells' cellIndex (one entry per header cell).
      for (const cell of row.cells) headers.push(shortText(cell) ?? '');
    }
    headerCache.set(table, headers);
  }
  return headers;
}

/** The table a cell belongs to, by its row and section (cheaper than a selector search). */
function tableOfCell(cell: HTMLTableCellElement): HTMLTableElement | null {
  const section = cell.parentElement?.parentElement;
  if (!section) return null;
  if (section instanceof HTMLTableElement) return section;
  const table = section.parentElement;
  return table instanceof HTMLTableElement ? table : null;
}

/** `data` is the node's text when the caller has already read it. */
export function labelForText(node: Text, data = node.data): string | null {
  const parent = node.parentElement;
  if (!parent) return null;
  // Fast path: the text sits directly in a body cell.
  if (parent.localName === 'td') {
    const table = tableOfCell(parent as HTMLTableCellElement);
    const header = table ? columnHeaders(table)[(parent as HTMLTableCellElement).cellIndex] : undefined;
    if (header) return header;
  }
  const cell = parent.closest('td, th');
  if (cell instanceof HTMLTableCellElement && cell.localName === 'td') {
    const table = cell.closest('table');
    if (table) {
      const header = columnHeaders(table)[cell.cellIndex];
      if (header) return header;
    }
  }
  // Key/value layouts: the value's element (or its parent) directly follows a short label element.
  for (let el: Element | null = parent, depth = 0; el && depth < 2; el = el.parentElement, depth++) {
    if ((el.textContent ?? '').trim().indexOf(data.trim()) !== 0) return null; // the number does not start the value
    const label = shortText(el.previousElementSibling);
    if (label) return label;
  }
  return null;
}
