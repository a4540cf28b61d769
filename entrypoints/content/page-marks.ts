import type { PhoneMatch } from '@/lib/phone/detect';
import type { NumberStatuses } from './number-statuses';

export const HIGHLIGHT_NUMBER = 'kontaktvern-number';
export const HIGHLIGHT_BLOCKED = 'kontaktvern-blocked';
export const HIGHLIGHT_UNVERIFIED = 'kontaktvern-unverified';

export interface TextMark {
  e164: string;
  range: Range;
}

export type PhoneField = HTMLInputElement | HTMLTextAreaElement;

export interface MarkCounts {
  numbers: number;
  blocked: number;
  unique: number;
  uniqueBlocked: number;
}

/**
 * Everything Kontaktvern has found on this document: ranges in text nodes and
 * links (painted through the CSS Custom Highlight API, never through the DOM)
 * and numbers held in form fields (drawn by the overlay).
 */
export class PageMarks {
  readonly textMarks = new Map<Text, TextMark[]>();
  readonly linkMarks = new Map<Element, TextMark>();
  readonly fieldMarks = new Map<PhoneField, string[]>();
  private readonly numberHl = new Highlight();
  private readonly blockedHl = new Highlight();
  private readonly unverifiedHl = new Highlight();
  private firstMarkSeen = false;

  constructor(
    private readonly statuses: NumberStatuses,
    private readonly onFirstMark: () => void,
  ) {
    this.blockedHl.priority = 1;
  }

  register(): void {
    CSS.highlights.set(HIGHLIGHT_NUMBER, this.numberHl);
    CSS.highlights.set(HIGHLIGHT_BLOCKED, this.blockedHl);
    CSS.highlights.set(HIGHLIGHT_UNVERIFIED, this.unverifiedHl);
  }

  /** Removes our highlights from the registry (only if they are still ours). */
  unregister(): void {
    if (CSS.highlights.get(HIGHLIGHT_NUMBER) === this.numberHl) CSS.highlights.delete(HIGHLIGHT_NUMBER);
    if (CSS.highlights.get(HIGHLIGHT_BLOCKED) === this.blockedHl) CSS.highlights.delete(HIGHLIGHT_BLOCKED);
    if (CSS.highlights.get(HIGHLIGHT_UNVERIFIED) === this.unverifiedHl) CSS.highlights.delete(HIGHLIGHT_UNVERIFIED);
  }

  /** Ranges created but not yet added to a highlight (painted in batches: every highlight change costs the page a repaint). */
  private readonly pending = new Set<TextMark>();
  /** Ranges painted while their number's status was still unknown. */
  private unresolved: TextMark[] = [];

  private paint(mark: TextMark): void {
    const status = this.statuses.get(mark.e164);
    if (status?.blocked) this.blockedHl.add(mark.range);
    else if (this.statuses.isUnverified(mark.e164)) this.unverifiedHl.add(mark.range);
    else this.numberHl.add(mark.range);
    if (!status) this.unresolved.push(mark);
    if (!this.firstMarkSeen) {
      this.firstMarkSeen = true;
      this.onFirstMark();
    }
  }

  private unpaint(mark: TextMark): void {
    if (this.pending.delete(mark)) return;
    this.numberHl.delete(mark.range);
    this.blockedHl.delete(mark.range);
    this.unverifiedHl.delete(mark.range);
  }

  private queue(mark: TextMark): void {
    this.statuses.want(mark.e164);
    this.pending.add(mark);
  }

  /** Adds every queued range to its highlight. */
  flushPaint(): void {
    for (const mark of this.pending) this.paint(mark);
    this.pending.clear();
  }

  get hasPendingPaint(): boolean {
    return this.pending.size > 0;
  }

  /** Moves ranges painted before their status was known into the right highlight. */
  settle(): void {
    const still: TextMark[] = [];
    for (const mark of this.unresolved) {
      const status = this.statuses.get(mark.e164);
      if (!status) still.push(mark);
      else if (status.blocked && this.numberHl.delete(mark.range)) this.blockedHl.add(mark.range);
      else if (this.statuses.isUnverified(mark.e164) && this.numberHl.delete(mark.range)) this.unverifiedHl.add(mark.range);
    }
    this.unresolved = still;
  }

  setText(node: Text, matches: readonly PhoneMatch[]): void {
    // A rescan that finds the same numbers keeps the marks it has (no flicker, no repaint).
    const old = this.textMarks.get(node);
    if (
      old &&
      old.length === matches.length &&
      old.every((m, i) => m.e164 === matches[i]!.e164 && m.range.startContainer === node && m.range.startOffset === matches[i]!.start && m.range.endOffset === matches[i]!.end)
    ) {
      return;
    }
    this.clearText(node);
    if (matches.length === 0) return;
    const marks: TextMark[] = [];
    for (const m of matches) {
      const range = new Range();
      range.setStart(node, m.start);
      range.setEnd(node, m.end);
      const mark = { e164: m.e164, range };
      marks.push(mark);
      this.queue(mark);
    }
    this.textMarks.set(node, marks);
  }

  clearText(node: Text): void {
    const old = this.textMarks.get(node);
    if (!old) return;
    for (const mark of old) this.unpaint(mark);
    this.textMarks.delete(node);
  }

  setLink(link: Element, e164: string | null): void {
    this.clearLink(link);
    if (!e164) return;
    const range = new Range();
    range.selectNodeContents(link);
    const mark = { e164, range };
    this.linkMarks.set(link, mark);
    this.queue(mark);
  }

  clearLink(link: Element): void {
    const old = this.linkMarks.get(link);
    if (!old) return;
    this.unpaint(old);
    this.linkMarks.delete(link);
  }

  setField(field: PhoneField, numbers: string[]): void {
    if (numbers.length === 0) {
      this.fieldMarks.delete(field);
      return;
    }
    for (const n of numbers) this.statuses.want(n);
    this.fieldMarks.set(field, numbers);
  }

  /** Drops marks whose nodes left the document. Returns true if anything was dropped. */
  prune(): boolean {
    let dropped = false;
    for (const node of this.textMarks.keys()) {
      if (!node.isConnected) {
        this.clearText(node);
        dropped = true;
      }
    }
    for (const link of this.linkMarks.keys()) {
      if (!link.isConnected) {
        this.clearLink(link);
        dropped = true;
      }
    }
    for (const field of this.fieldMarks.keys()) {
      if (!field.isConnected) {
        this.fieldMarks.delete(field);
        dropped = true;
      }
    }
    return dropped;
  }

  /** Re-sorts every range into the highlight its number's current status calls for (after the block list changed). */
  repaint(): void {
    this.numberHl.clear();
    this.blockedHl.clear();
    this.unverifiedHl.clear();
    this.pending.clear();
    this.unresolved = [];
    for (const marks of this.textMarks.values()) for (const m of marks) this.paint(m);
    for (const m of this.linkMarks.values()) this.paint(m);
    for (const numbers of this.fieldMarks.values()) for (const n of numbers) this.statuses.want(n);
  }

  clearAll(): void {
    this.pending.clear();
    this.unresolved = [];
    this.textMarks.clear();
    this.linkMarks.clear();
    this.fieldMarks.clear();
    this.numberHl.clear();
    this.blockedHl.clear();
    this.unverifiedHl.clear();
  }

  /** Every number currently on the page, once. */
  uniqueNumbers(): Set<string> {
    const all = new Set<string>();
    for (const marks of this.textMarks.values()) for (const m of marks) all.add(m.e164);
    for (const m of this.linkMarks.values()) all.add(m.e164);
    for (const numbers of this.fieldMarks.values()) for (const n of numbers) all.add(n);
    return all;
  }

  counts(): MarkCounts {
    let numbers = 0;
    let blocked = 0;
    const count = (e164: string) => {
      numbers++;
      if (this.statuses.isBlocked(e164)) blocked++;
    };
    for (const marks of this.textMarks.values()) for (const m of marks) count(m.e164);
    for (const m of this.linkMarks.values()) count(m.e164);
    for (const list of this.fieldMarks.values()) for (const n of list) count(n);
    const unique = this.uniqueNumbers();
    let uniqueBlocked = 0;
    for (const n of unique) if (this.statuses.isBlocked(n)) uniqueBlocked++;
    return { numbers, blocked, unique: unique.size, uniqueBlocked };
  }
}
