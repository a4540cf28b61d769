import type { PageMarks, TextMark } from './page-marks';

const HOVER_DWELL_MS = 450;
const MOVE_THROTTLE_MS = 60;

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
};

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * Finds the marked number under the pointer. Highlights are not elements, so
 * this asks the browser for the caret position under the point (one call,
 * piercing known shadow roots) and checks only that text node's marks; links
 * are found through the event path. Pointer moves are throttled.
 */
export class NumberPointer {
  private lastMove = 0;
  private hoverTimer = 0;
  private hovered: TextMark | null = null;

  constructor(
    private readonly marks: PageMarks,
    private readonly shadowRoots: () => ShadowRoot[],
    private readonly isOverlay: (target: EventTarget) => boolean,
    private readonly onHover: (mark: TextMark) => void,
    private readonly onActivate: (mark: TextMark, event: MouseEvent) => void,
  ) {}

  install(signal: AbortSignal): void {
    window.addEventListener('pointermove', (e) => this.onMove(e), { capture: true, passive: true, signal });
    window.addEventListener('click', (e) => this.onClick(e), { capture: true, signal });
    signal.addEventListener('abort', () => this.cancelHover());
  }

  /** The mark at a point, given the event path at that point. */
  markAt(x: number, y: number, path: EventTarget[]): TextMark | null {
    for (const target of path) {
      if (target instanceof Element && (target.localName === 'a' || target.localName === 'area')) {
        const link = this.marks.linkMarks.get(target);
        if (link) return link;
        break;
      }
    }
    const doc = document as CaretDoc;
    let node: Node | null = null;
    let offset = 0;
    if (doc.caretPositionFromPoint) {
      const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: this.shadowRoots() });
      if (pos) ({ offsetNode: node, offset } = pos);
    } else {
      const range = document.caretRangeFromPoint(x, y);
      if (range) ({ startContainer: node, startOffset: offset } = range);
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return null;
    const marks = this.marks.textMarks.get(node as Text);
    if (!marks) return null;
    for (const m of marks) {
      if (offset >= m.range.startOffset && offset <= m.range.endOffset && rectsContain(m.range, x, y)) return m;
    }
    return null;
  }

  private trailing = 0;
  private lastEvent: { x: number; y: number; path: EventTarget[] } | null = null;

  /** Forgets a pending hover (the card was opened by click, or closed). */
  cancelHover(): void {
    clearTimeout(this.hoverTimer);
    clearTimeout(this.trailing);
    this.trailing = 0;
  }

  private onMove(e: PointerEvent): void {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    // Pages without marks pay nothing for pointer moves.
    if (this.marks.textMarks.size === 0 && this.marks.linkMarks.size === 0) return;
    const path = e.composedPath();
    if (this.isOverlay(path[0] ?? window)) return;
    this.lastEvent = { x: e.clientX, y: e.clientY, path };
    const now = performance.now();
    const wait = MOVE_THROTTLE_MS - (now - this.lastMove);
    if (wait > 0) {
      // Throttled, but the place where the pointer comes to rest is always looked at.
      if (!this.trailing) this.trailing = window.setTimeout(() => this.handleMove(), wait);
      return;
    }
    this.handleMove();
  }

  private handleMove(): void {
    this.trailing = 0;
    this.lastMove = performance.now();
    const ev = this.lastEvent;
    if (!ev) return;
    const mark = this.markAt(ev.x, ev.y, ev.path);
    if (mark === this.hovered) return;
    this.hovered = mark;
    clearTimeout(this.hoverTimer);
    if (mark) this.hoverTimer = window.setTimeout(() => this.hovered === mark && this.onHover(mark), HOVER_DWELL_MS);
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || e.defaultPrevented) return;
    const path = e.composedPath();
    if (this.isOverlay(path[0] ?? window)) return;
    // Links keep their own behaviour (dialling); their card opens on hover.
    if (path.some((t) => t instanceof Element && (t.localName === 'a' || t.localName === 'area') && t.hasAttribute('href'))) return;
    const mark = this.markAt(e.clientX, e.clientY, path);
    if (mark) {
      // The click decides: no hover timer may reopen the card afterwards.
      this.cancelHover();
      this.hovered = mark;
      this.onActivate(mark, e);
    }
  }
}
