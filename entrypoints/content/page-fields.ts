/**
 * Which of a campaign's catalogued CRM fields the current page shows, and which fields on
 * it look like personal data but have no catalogue entry ("undocumented": no documented
 * purpose, legal basis or retention — GDPR Art. 5). Read-only: never changes the page's DOM.
 *
 * Data minimisation: the result holds labels, kinds and counts, never a value. Values are
 * read only to classify a label that says nothing by itself (`looksLikePersonalData`'s
 * sample), and only from structured pairs (see below). The returned elements are for
 * highlighting the field while the agent hovers its row in the side panel; they stay in
 * the content script.
 *
 * Label → value pairs come from:
 * - `<dt>` → its following `<dd>`s (also inside `<div>` groups);
 * - tables: a header row (`<thead>`'s first row, else a first row of only `<th>`) → the
 *   column's body `<td>`s (count = rows); a body row starting with `<th>` → its `<td>`s;
 * - ARIA grids: `role=columnheader` → the column's `cell`/`gridcell`s, `role=rowheader` →
 *   the row's cells;
 * - form fields (not hidden/button/checkbox/radio/file/range/color inputs): the first of
 *   `<label for>`/wrapping label (its own text, never the field's content), `aria-labelledby`,
 *   `aria-label`, `placeholder`, `name` (humanised: `customer[firstName]` → "customer first Name");
 * - "generic" key/value layouts: a short text-only `span/div/b/strong/em/i/small/p/label/h1–h6`
 *   without a `role`, followed by a sibling element (or by text: `<p><b>Kundenr.:</b> 123</p>`
 *   → the `<p>`). Generic pairs are weaker evidence: they count as undocumented only when
 *   their label is in the personal-data vocabulary (their value is never looked at).
 * Labels repeated on the page are merged (one hit per catalogue entry / per normalised
 * label); `count` and the highlight elements are the value elements (deduplicated).
 * The walk covers the document, open shadow roots (`element.shadowRoot`) and same-origin
 * iframes. Skipped: Kontaktvern's own `<kontaktvern-overlay>`, script/style/template/
 * noscript/head, hidden elements (`checkVisibility`, incl. `visibility: hidden`), and page
 * chrome: `nav`, `role=navigation|banner|contentinfo|search`, and a `header`/`footer` that is
 * not inside `main/article/section/aside/dialog` (the site banner; it shows the agent, not
 * the customer). Labels must be ≤ 40 characters, hold more letters than digits and no "@"
 * (so a value is never mistaken for a label and shown in the panel).
 *
 * This file reads table headers and key/value labels much as `text-label.ts` does, but in
 * the other direction (label → values, for the whole page); `text-label.ts` only exports
 * `labelForText(node)` (value text → label), so its helpers cannot be reused without
 * changing it.
 *
 * Catalogue matching: an entry with a `selector` is found by `querySelectorAll(selector)`
 * in every document and shadow root (visible matches only; an invalid selector → not found,
 * never a throw); the selector is authoritative (no label fallback: a broken selector must
 * show as missing rather than highlight a guessed field). An entry without one is found by
 * label (`labelMatches`: exact after normalisation). A page label equal to any catalogue
 * label, or a pair inside/around a selector match, is documented.
 *
 * Speed (budget < 20 ms for a few thousand elements; ≈ 3–8 ms measured for 5,000): one
 * `querySelectorAll('*')` per document/shadow root walked with an indexed loop, a tag-name
 * map decides what to do with each element, labels are classified once per text, a table
 * column's cells are collected only when its header matters, visibility is checked last
 * and only for labels that matter. No detector run over the page's text.
 */
import { displayLabel, labelKey } from '@/lib/page-fields/label-match';
import type { CatalogRef, PageFieldHit, PageFieldsResult } from '@/lib/messages';
import { looksLikePersonalData, type PersonalDataKind } from '@/lib/page-fields/personal-data';

export type { CatalogRef, PageFieldHit, PageFieldsResult };

type Scope = Document | ShadowRoot;

interface Pair {
  label: string;
  key: string;
  labelEl: Element;
  values: Element[];
  kind: PersonalDataKind | null;
}

const MAX_LABEL = 40;
const MAX_SAMPLE = 120;
const OWN_TAG = 'kontaktvern-overlay';
const EXCLUDED = `${OWN_TAG},script,style,template,noscript,head,nav,[role=navigation],[role=banner],[role=contentinfo],[role=search],header,footer`;
const SECTIONING = 'main,article,section,aside,dialog,[role=main],[role=dialog],[role=region],[role=article]';
const SKIPPED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color']);
/** What the walk does with an element, by tag name; tags not listed are passed over (custom elements: shadow root only). */
const enum Tag {
  Dt,
  Table,
  Control,
  Frame,
  /** may be a generic label, may host a shadow root */
  Generic,
  /** may host a shadow root (the elements `attachShadow` accepts) */
  Host,
}
const TAGS = new Map<string, Tag>([
  ['dt', Tag.Dt],
  ['table', Tag.Table],
  ['input', Tag.Control],
  ['select', Tag.Control],
  ['textarea', Tag.Control],
  ['iframe', Tag.Frame],
  ['frame', Tag.Frame],
  ...['span', 'div', 'b', 'strong', 'em', 'i', 'small', 'p', 'label', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((t) => [t, Tag.Generic] as const),
  ...['article', 'aside', 'blockquote', 'body', 'footer', 'header', 'main', 'nav', 'section'].map((t) => [t, Tag.Host] as const),
]);
const NOT_VALUE_TAGS = new Set(['script', 'style', 'template', 'noscript', 'br', 'hr', OWN_TAG]);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);
const VALUE_ROLES = new Set(['cell', 'gridcell']);
const FORM_CONTROL_TAGS = 'input,select,textarea,button,option,datalist';

/** Label text of an element if it is short enough to be a label and does not look like a value. */
function labelText(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = displayLabel(raw);
  if (!text || text.length > MAX_LABEL || text.includes('@')) return null;
  let letters = 0;
  let digits = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') digits++;
    else if (ch.toLowerCase() !== ch.toUpperCase()) letters++; // a cased letter (no Unicode regex: slow to compile)
  }
  return letters > digits ? text : null;
}

function isVisible(el: Element): boolean {
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

/** Inside Kontaktvern's overlay, a script/style/template, or page chrome (nav, site banner …). */
function isExcluded(el: Element): boolean {
  for (let hit = el.closest(EXCLUDED); hit; hit = hit.parentElement?.closest(EXCLUDED) ?? null) {
    if (hit.localName !== 'header' && hit.localName !== 'footer') return true;
    // A <header>/<footer> is chrome when it is the site's banner/footer, not a section's own.
    if (!hit.parentElement?.closest(SECTIONING)) return true;
  }
  return false;
}

/** A label element's own text, without the text of form fields it wraps (a textarea's content is a value). */
function ownLabelText(label: Element): string {
  if (label.childElementCount === 0) return label.textContent ?? '';
  const doc = label.ownerDocument;
  const walker = doc.createTreeWalker(label, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(FORM_CONTROL_TAGS)) continue;
    text += node.nodeValue ?? '';
  }
  return text;
}

function humaniseName(name: string): string {
  return name
    .replace(/([a-z\u00df-\u00ff\d])([A-Z\u00c0-\u00de])/g, '$1 $2')
    .replace(/[_[\].]+/g, ' ')
    .trim();
}

/** The label of a form field: its <label>, else aria-labelledby, aria-label, placeholder, name. */
function controlLabel(control: Element): string | null {
  const labels = (control as HTMLInputElement).labels;
  if (labels) {
    for (const label of labels) {
      const text = labelText(ownLabelText(label));
      if (text) return text;
    }
  }
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = control.getRootNode() as Document | ShadowRoot;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => (id && typeof root.getElementById === 'function' ? root.getElementById(id)?.textContent ?? '' : ''))
      .join(' ');
    const label = labelText(text);
    if (label) return label;
  }
  for (const attr of ['aria-label', 'placeholder']) {
    const label = labelText(control.getAttribute(attr));
    if (label) return label;
  }
  const name = control.getAttribute('name');
  return name ? labelText(humaniseName(name)) : null;
}

/** A value to classify a label that says nothing by itself: a field's value, else the first non-empty text. */
function valueSample(values: Element[]): string {
  for (const el of values) {
    const name = el.localName;
    let text: string;
    if (name === 'select') text = (el as HTMLSelectElement).selectedOptions?.[0]?.text ?? '';
    else if (name === 'input' || name === 'textarea') text = (el as HTMLInputElement).value ?? '';
    else text = el.textContent ?? '';
    text = text.trim();
    if (text) return text.slice(0, MAX_SAMPLE);
  }
  return '';
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (const child of row.children) if (CELL_ROLES.has(child.getAttribute('role') ?? '')) cells.push(child);
  return cells;
}

export function findPageFields(root: Document, catalogue: CatalogRef[]): { result: PageFieldsResult; elements: Map<string, Element[]> } {
  // Catalogue labels by key (entries with a selector too: their label is documented).
  const catalogueKeys = new Set<string>();
  for (const entry of catalogue) {
    const key = labelKey(entry.label);
    if (key) catalogueKeys.add(key);
  }
  const labelKinds = new Map<string, PersonalDataKind | null>();
  const kindOfLabel = (label: string, key: string): PersonalDataKind | null => {
    let kind = labelKinds.get(key);
    if (kind === undefined) {
      kind = looksLikePersonalData(label)?.kind ?? null;
      labelKinds.set(key, kind);
    }
    return kind;
  };

  const pairs: Pair[] = [];
  const labels = new Map<string, { label: string; key: string } | null>();
  /**
   * Keeps a pair when it can matter (catalogue label, or personal data). Cheap checks
   * first, values collected only when needed, visibility last. A structured pair's value
   * may be read to classify a label that says nothing by itself; a generic pair's never.
   */
  const addPair: AddPair = (labelEl, rawLabel, getValues, structured) => {
    if (!rawLabel) return;
    let known = labels.get(rawLabel);
    if (known === undefined) {
      const label = labelText(rawLabel);
      const key = label ? labelKey(label) : '';
      known = label && key ? { label, key } : null;
      labels.set(rawLabel, known);
    }
    if (!known) return;
    const { label, key } = known;
    let kind = kindOfLabel(label, key);
    let values: Element[] | null = null;
    if (!kind && !catalogueKeys.has(key)) {
      if (!structured) return;
      values = getValues();
      kind = looksLikePersonalData(label, valueSample(values))?.kind ?? null;
      if (!kind) return;
    }
    if (isExcluded(labelEl) || !isVisible(labelEl)) return;
    values ??= getValues();
    if (values.length > 0) pairs.push({ label, key, labelEl, values, kind });
  };

  const scopes: Scope[] = [root];
  const seenScopes = new Set<Scope>(scopes);
  const queueScope = (scope: Scope | null | undefined, host: Element): void => {
    if (!scope || seenScopes.has(scope)) return;
    if (host.localName === OWN_TAG || isExcluded(host) || !isVisible(host)) return;
    seenScopes.add(scope);
    scopes.push(scope);
  };

  for (let s = 0; s < scopes.length; s++) {
    const scope = scopes[s]!;
    const all = scope.querySelectorAll('*');
    // Indexed, not for…of: a NodeList's iterator costs 3× as much per element.
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      const name = el.localName;
      const tag = TAGS.get(name);
      if (tag === undefined) {
        if (name.includes('-') && el.shadowRoot) queueScope(el.shadowRoot, el); // custom element
        continue;
      }
      switch (tag) {
        case Tag.Dt:
          addPair(el, el.textContent, () => ddsOf(el), true);
          break;
        case Tag.Table:
          tablePairs(el as HTMLTableElement, addPair);
          break;
        case Tag.Control:
          if (name !== 'input' || !SKIPPED_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) {
            addPair(el, controlLabel(el), () => [el], true);
          }
          break;
        case Tag.Frame: {
          let doc: Document | null = null;
          try {
            doc = (el as HTMLIFrameElement).contentDocument; // null (or a throw) when cross-origin
          } catch {
            doc = null;
          }
          if (doc?.documentElement) queueScope(doc, el);
          break;
        }
        case Tag.Host:
          if (el.shadowRoot) queueScope(el.shadowRoot, el);
          break;
        case Tag.Generic: {
          if (el.shadowRoot) queueScope(el.shadowRoot, el);
          // Generic key/value layout: a text-only label element followed by its value.
          if (el.childElementCount !== 0 || el.hasAttribute('role')) break; // ARIA headers/cells: read with their grid
          if (name === 'label' && (el as HTMLLabelElement).control) break; // paired with its field
          const raw = el.textContent;
          if (!raw || raw.length > MAX_LABEL * 3) break;
          let next = el.nextSibling;
          while (next && next.nodeType === 3 && !(next.nodeValue ?? '').trim()) next = next.nextSibling;
          let value: Element | null = null;
          if (next?.nodeType === 3) value = el.parentElement; // <p><b>Kundenr.:</b> 123</p>
          else if (next?.nodeType === 1 && !NOT_VALUE_TAGS.has((next as Element).localName)) value = next as Element;
          if (value) {
            const values = [value];
            addPair(el, raw, () => values, false);
          }
          break;
        }
      }
    }
    // ARIA grids (native table cells are read with their table).
    const gridRows = new Map<Element, Element[][]>();
    for (const el of scope.querySelectorAll('[role=rowheader],[role=columnheader]')) {
      if (el.localName === 'th' || el.localName === 'td') continue;
      const getValues = el.getAttribute('role') === 'rowheader' ? () => rowCells(el) : () => gridColumn(el, gridRows);
      addPair(el, el.textContent, getValues, true);
    }
  }

  // Catalogue entries with a selector.
  const selectorHits = new Map<string, Element[]>();
  const selected = new Set<Element>();
  for (const entry of catalogue) {
    const selector = entry.selector.trim();
    if (!selector) continue;
    const hits: Element[] = [];
    try {
      for (const scope of scopes) {
        const overlay = scope.querySelector(OWN_TAG) !== null;
        const matches = scope.querySelectorAll(selector);
        for (let i = 0; i < matches.length; i++) {
          const el = matches[i]!;
          if ((overlay && el.closest(OWN_TAG)) || !isVisible(el)) continue; // script/style/head/template: never visible
          hits.push(el);
        }
      }
    } catch {
      hits.length = 0; // invalid selector: not found
    }
    for (const el of hits) selected.add(el);
    selectorHits.set(entry.id, hits);
  }
  // A pair is documented by a selector when its label or a value is, or is inside, a
  // selected element, or a value holds one.
  const holdsSelected = new Set<Element>();
  for (const el of selected) {
    for (let up = el.parentElement; up && !holdsSelected.has(up); up = up.parentElement) holdsSelected.add(up);
  }
  const insideMemo = new Map<Element, boolean>();
  const insideSelected = (el: Element): boolean => {
    const path: Element[] = [];
    let inside = false;
    for (let up: Element | null = el; up; up = up.parentElement) {
      const memo = insideMemo.get(up);
      if (memo !== undefined) {
        inside = memo;
        break;
      }
      if (selected.has(up)) {
        inside = true;
        break;
      }
      path.push(up);
    }
    for (const p of path) insideMemo.set(p, inside);
    return inside;
  };
  const coveredBySelector = (pair: Pair): boolean =>
    selected.size > 0 && (insideSelected(pair.labelEl) || pair.values.some((el) => holdsSelected.has(el) || insideSelected(el)));

  const elements = new Map<string, Element[]>();
  const found: PageFieldHit[] = [];
  const missing: string[] = [];
  for (const entry of catalogue) {
    const selector = entry.selector.trim();
    if (selector) {
      const hits = selectorHits.get(entry.id) ?? [];
      if (hits.length === 0) {
        missing.push(entry.id);
        continue;
      }
      const key = `f${found.length}`;
      found.push({ key, catalogId: entry.id, label: displayLabel(entry.label), kind: looksLikePersonalData(entry.label)?.kind ?? null, via: 'selector', count: hits.length });
      elements.set(key, hits);
      continue;
    }
    const entryKey = labelKey(entry.label);
    const matching = entryKey ? pairs.filter((p) => p.key === entryKey) : [];
    if (matching.length === 0) {
      missing.push(entry.id);
      continue;
    }
    const values = uniqueValues(matching);
    const key = `f${found.length}`;
    const first = matching[0]!;
    found.push({
      key,
      catalogId: entry.id,
      label: first.label,
      kind: looksLikePersonalData(entry.label)?.kind ?? first.kind,
      via: 'label',
      count: values.length,
    });
    elements.set(key, values);
  }

  const undocumentedByKey = new Map<string, Pair[]>();
  for (const pair of pairs) {
    if (!pair.kind || catalogueKeys.has(pair.key) || coveredBySelector(pair)) continue;
    const group = undocumentedByKey.get(pair.key);
    if (group) group.push(pair);
    else undocumentedByKey.set(pair.key, [pair]);
  }
  const undocumented: PageFieldHit[] = [];
  for (const group of undocumentedByKey.values()) {
    const values = uniqueValues(group);
    const key = `u${undocumented.length}`;
    const first = group[0]!;
    undocumented.push({ key, catalogId: null, label: first.label, kind: first.kind, via: 'label', count: values.length });
    elements.set(key, values);
  }

  return { result: { found, missing, undocumented }, elements };
}

function uniqueValues(pairs: Pair[]): Element[] {
  if (pairs.length === 1) return pairs[0]!.values.slice();
  const seen = new Set<Element>();
  for (const pair of pairs) for (const el of pair.values) seen.add(el);
  return [...seen];
}

type AddPair = (labelEl: Element, rawLabel: string | null, getValues: () => Element[], structured: boolean) => void;

/** The `<dd>`s after a `<dt>`, up to the next `<dt>`. */
function ddsOf(dt: Element): Element[] {
  const values: Element[] = [];
  for (let v = dt.nextElementSibling; v && v.localName !== 'dt'; v = v.nextElementSibling) if (v.localName === 'dd') values.push(v);
  return values;
}

/** The `cell`/`gridcell`s after a `rowheader`. */
function rowCells(header: Element): Element[] {
  const values: Element[] = [];
  for (let v = header.nextElementSibling; v; v = v.nextElementSibling) if (VALUE_ROLES.has(v.getAttribute('role') ?? '')) values.push(v);
  return values;
}

/** Column headers → body cells, and row headers (`<th>` first in a body row) → the row's cells. */
function tablePairs(table: HTMLTableElement, addPair: AddPair): void {
  const rows = table.rows;
  if (!rows || rows.length === 0) return;
  let header: HTMLTableRowElement | null = table.tHead?.rows[0] ?? null;
  if (!header) {
    const first = rows[0]!;
    if (first.cells.length > 0 && [...first.cells].every((c) => c.localName === 'th')) header = first;
  }
  const body: HTMLTableRowElement[] = [];
  for (const row of rows) {
    if (row === header) continue;
    const section = row.parentElement?.localName;
    if (section === 'thead' || section === 'tfoot') continue;
    body.push(row);
  }
  if (header) {
    const cells = header.cells;
    for (let i = 0; i < cells.length; i++) {
      const th = cells[i]!;
      const column = (): Element[] => {
        const values: Element[] = [];
        for (const row of body) {
          const cell = row.cells[i];
          if (cell && cell.localName === 'td') values.push(cell);
        }
        return values;
      };
      addPair(th, th.textContent, column, true);
    }
  }
  for (const row of body) {
    const th = row.cells[0];
    if (!th || th.localName !== 'th') continue;
    addPair(th, th.textContent, () => [...row.cells].filter((cell) => cell.localName === 'td'), true);
  }
}

/** The body cells under an ARIA `columnheader` (by position among the row's cells). */
function gridColumn(headerCell: Element, cache: Map<Element, Element[][]>): Element[] {
  const row = headerCell.parentElement;
  const grid = headerCell.closest('[role=grid],[role=table],[role=treegrid]');
  if (!row || !grid) return [];
  const index = cellsOf(row).indexOf(headerCell);
  if (index < 0) return [];
  let rows = cache.get(grid);
  if (!rows) {
    rows = [];
    for (const r of grid.querySelectorAll('[role=row]')) rows.push(cellsOf(r));
    cache.set(grid, rows);
  }
  const values: Element[] = [];
  for (const cells of rows) {
    const cell = cells[index];
    if (cell && VALUE_ROLES.has(cell.getAttribute('role') ?? '')) values.push(cell);
  }
  return values;
}
