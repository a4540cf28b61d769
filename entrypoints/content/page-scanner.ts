import { classifyLabel, findPhoneNumbers, mightContainPhone, parsePhoneInput, type PhoneMatch } from '@/lib/phone/detect';
import { isDialHref } from '@/lib/dial-href';
import { numberOfDialHref } from '@/lib/phone/first-number';
import { matchesInCore, textWindows, type TextWindow } from '@/lib/text-chunks';
import type { PageMarks, PhoneField } from './page-marks';
import { labelForText } from './text-label';

/** Elements whose content is never scanned. */
const SKIP_TAGS = new Set([
  'HEAD',
  'TITLE',
  'TEXTAREA',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'SELECT',
  'KONTAKTVERN-OVERLAY',
]);
const SKIP_SELECTOR = 'head,script,style,noscript,template,code,pre,kbd,samp,select,textarea,kontaktvern-overlay,[hidden]';
/** Ancestors to look for above a text node that holds a number (hidden ones are caught by the visibility check). */
const SKIP_ANCESTORS = new Set(['code', 'pre', 'kbd', 'samp', 'select', 'noscript', 'kontaktvern-overlay']);
/** No phone number is written in fewer characters. */
const MIN_NUMBER_CHARS = 7;
const FIELD_INPUT_TYPES = new Set(['tel', 'text', 'search', '']);
/** Units of work per step: a text node is 1, a window of a huge text node is a whole step. */
const STEP_UNITS = 64;
/** Elements that can hold or dial a number. */
const ELEMENTS_OF_INTEREST = 'a[href], area[href], input, textarea';
/** Hidden: `display: none` (also of an ancestor), `content-visibility: hidden` or `visibility: hidden` (a closed menu). */
const VISIBLE: CheckVisibilityOptions = { visibilityProperty: true };
/** Text nodes whose visibility is confirmed per verify step. */
const VERIFY_BATCH = 32;
/** Elements checked per sweep unit. */
const SWEEP_BATCH = 256;
/** Text nodes read per batch: one Range.toString() copies all their text at once. */
const TEXT_BATCH = 256;
/** A batch stops growing at this many characters. */
const TEXT_BATCH_CHARS = 64 * 1024;
/** Text nodes larger than this are scanned a window at a time. */
const WINDOW_CORE = 32 * 1024;
const WINDOW_MARGIN = 64;
const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['href', 'hidden', 'style', 'class', 'open', 'value', 'type'],
};

export function isPhoneField(el: Element): el is PhoneField {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && FIELD_INPUT_TYPES.has(el.getAttribute('type')?.toLowerCase() ?? '');
}

/** Numbers held in a form field's current value. */
export function numbersInField(field: PhoneField): string[] {
  const value = field.value;
  if (!value || !mightContainPhone(value)) return [];
  if (field instanceof HTMLInputElement) {
    const whole = parsePhoneInput(value);
    if (whole.ok) return [whole.e164];
  }
  return [...new Set(findPhoneNumbers(value).map((m) => m.e164))];
}

/** The number a dial link calls, in E.164, or null. */
export function numberOfLink(link: Element): string | null {
  const href = link.getAttribute('href');
  return href && isDialHref(href) ? numberOfDialHref(href) : null;
}

/** Does one of the link's own text nodes hold the number it dials? */
function linkTextShows(link: Element, e164: string): boolean {
  const walker = link.ownerDocument.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    if (data.length >= MIN_NUMBER_CHARS && mightContainPhone(data) && findPhoneNumbers(data).some((m) => m.e164 === e164)) return true;
  }
  return false;
}

interface BigText {
  node: Text;
  windows: Generator<TextWindow>;
  found: PhoneMatch[];
}

/**
 * Walks the document (and every open shadow root) for numbers, and follows it
 * as it changes. All work goes through a queue drained in small steps by the
 * caller's time slicer; nothing here ever writes to the page's DOM.
 */
export class PageScanner {
  private queue: Node[] = [];
  private queueHead = 0;
  private readonly queued = new Set<Node>();
  private walker: TreeWalker | null = null;
  /** Elements of the root being scanned, checked for links, fields and shadow roots. */
  private sweep: { elements: NodeListOf<Element>; index: number } | null = null;
  private bigText: BigText | null = null;
  private readonly hiddenCandidates = new Set<Text>();
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<ShadowRoot>();
  private needsPrune = false;
  private needsVisibilityCheck = false;

  constructor(
    private readonly marks: PageMarks,
    private readonly onWork: () => void,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    /** A shadow root whose host left the page: forget it (it is found again if the host comes back). */
    private readonly onShadowRootGone: (root: ShadowRoot) => void = () => undefined,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(root: Document): void {
    this.observer.observe(root, OBSERVE);
    this.enqueue(root.documentElement ?? root);
  }

  stop(): void {
    this.observer.disconnect();
    this.observedRoots.clear();
    this.queue = [];
    this.queueHead = 0;
    this.queued.clear();
    this.walker = null;
    this.sweep = null;
    this.shadowSweep = null;
    this.fullSweep.clear();
    this.bigText = null;
    this.hiddenCandidates.clear();
    this.unverified.clear();
    this.unverifiedLinks.clear();
    this.hiddenLinks.clear();
    this.verifyIterator = null;
    this.fieldsChanged = false;
    this.skipMemo.clear();
  }

  /** Roots whose next scan checks every element (for shadow roots the hook could not announce). */
  private readonly fullSweep = new Set<Node>();
  /** A sweep of every element for shadow roots only (no text is rescanned). */
  private shadowSweep: { elements: NodeListOf<Element>; index: number } | null = null;

  /**
   * Looks at every element under a root for open shadow roots the main-world
   * hook could not announce (declared in HTML, or attached while their host
   * was outside the document). Run at idle time after the first pass.
   */
  sweepForShadowRoots(root: Element | Document): void {
    this.shadowSweep = { elements: root.querySelectorAll('*'), index: 0 };
    this.onWork();
  }

  get idle(): boolean {
    return !this.fieldsChanged && !this.shadowSweep && this.queueHead >= this.queue.length && !this.walker && !this.bigText && !this.needsPrune && !this.needsVisibilityCheck;
  }

  enqueue(node: Node): void {
    if (this.queued.has(node)) return;
    this.queued.add(node);
    this.queue.push(node);
    this.onWork();
  }

  /** A form field's value changed (typing, pasting). */
  refreshField(field: PhoneField): void {
    if (!field.isConnected) return;
    this.visitField(field);
    this.fieldsChanged = true;
    this.onWork();
  }

  /** Set when a field changed outside the queue, so the next pass still completes (and redraws field boxes). */
  private fieldsChanged = false;

  /** Steps until the budget is spent; returns false when nothing is left. */
  stepFor(budgetMs: number, now: () => number): boolean {
    const deadline = now() + budgetMs;
    let more = true;
    while (more && now() < deadline) more = this.step();
    return more;
  }

  /**
   * Does a small batch of work (about 64 nodes' worth, so the caller's clock is
   * read rarely); returns false when nothing is left.
   */
  step(): boolean {
    let budget = STEP_UNITS;
    while (budget > 0) {
      const cost = this.unit();
      if (cost === 0) return false;
      budget -= cost;
    }
    return true;
  }

  /** One unit of work; returns its cost in units (0 = nothing left). */
  private unit(): number {
    if (this.bigText) {
      this.stepBigText(this.bigText);
      return STEP_UNITS;
    }
    if (this.walker) {
      const walker = this.walker;
      const at = walker.currentNode;
      if (at !== walker.root && !walker.root.contains(at)) {
        // The page removed the node the walk stood on (between our slices): the walk would end
        // there. It starts over; text scanned already keeps its marks.
        this.walker = null;
        this.enqueue(walker.root);
        return 1;
      }
      this.scanTextBatch(walker);
      return STEP_UNITS / 2;
    }
    if (this.shadowSweep) {
      const { elements } = this.shadowSweep;
      const end = Math.min(elements.length, this.shadowSweep.index + SWEEP_BATCH);
      for (let i = this.shadowSweep.index; i < end; i++) {
        const shadow = elements[i]!.shadowRoot;
        if (shadow && !this.observedRoots.has(shadow) && elements[i]!.localName !== 'kontaktvern-overlay') this.attachShadow(shadow);
      }
      this.shadowSweep.index = end;
      if (end >= elements.length) this.shadowSweep = null;
      return SWEEP_BATCH / 8;
    }
    if (this.sweep) {
      const { elements } = this.sweep;
      const end = Math.min(elements.length, this.sweep.index + SWEEP_BATCH);
      for (let i = this.sweep.index; i < end; i++) this.visitElement(elements[i]!);
      this.sweep.index = end;
      if (end >= elements.length) this.sweep = null;
      return SWEEP_BATCH / 8;
    }
    if (this.queueHead < this.queue.length) {
      const root = this.queue[this.queueHead++] as Node;
      this.queued.delete(root);
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.queueHead);
        this.queueHead = 0;
      }
      this.startRoot(root);
      return 1;
    }
    if (this.needsPrune) {
      this.needsPrune = false;
      this.marks.prune();
      for (const t of this.hiddenCandidates) if (!t.isConnected) this.hiddenCandidates.delete(t);
      for (const link of this.hiddenLinks) if (!link.isConnected) this.hiddenLinks.delete(link);
      // Component frameworks create and drop shadow roots all day: keep no reference to the dropped ones.
      for (const root of this.observedRoots) {
        if (!root.host.isConnected) {
          this.observedRoots.delete(root);
          this.onShadowRootGone(root);
        }
      }
      return STEP_UNITS;
    }
    if (this.needsVisibilityCheck) {
      this.needsVisibilityCheck = false;
      this.recheckVisibility();
      return STEP_UNITS;
    }
    this.fieldsChanged = false;
    return 0;
  }

  private startRoot(root: Node): void {
    const full = this.fullSweep.delete(root);
    if (!root.isConnected) return;
    if (root.nodeType === Node.TEXT_NODE) {
      this.scanText(root as Text);
      return;
    }
    let scope: Element | DocumentFragment | Document;
    if (root.nodeType === Node.ELEMENT_NODE) {
      const el = root as Element;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        if (!el.parentElement?.closest(SKIP_SELECTOR)) this.visitField(el);
        return;
      }
      if (SKIP_TAGS.has(el.tagName) || this.isInSkippedSubtree(el)) return;
      this.visitElement(el);
      scope = el;
    } else if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE || root.nodeType === Node.DOCUMENT_NODE) {
      scope = root as DocumentFragment | Document;
    } else {
      return;
    }
    // Text is walked natively (no per-node callback). Links and form fields are found by one
    // selector query. Shadow roots are announced by the main-world hook as they are attached;
    // an idle sweep (sweepForShadowRoots) later finds any it could not see (declarative ones).
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    this.sweep = { elements: scope.querySelectorAll(full ? '*' : ELEMENTS_OF_INTEREST), index: 0 };
  }

  private isInSkippedSubtree(node: Node): boolean {
    const parent = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    return parent?.closest(SKIP_SELECTOR) != null;
  }

  private visitElement(el: Element): void {
    const name = el.localName;
    if (name === 'kontaktvern-overlay') return;
    const shadow = el.shadowRoot;
    if (shadow && !this.observedRoots.has(shadow)) this.attachShadow(shadow);
    if (name === 'a' || name === 'area') {
      if (!this.isInSkippedSubtree(el)) this.visitLink(el);
    } else if (name === 'input' || name === 'textarea') {
      if (!el.parentElement?.closest(SKIP_SELECTOR)) this.visitField(el as PhoneField);
    }
  }

  /** Starts following an open shadow root (found on the walk or announced by the page hook). */
  attachShadow(shadow: ShadowRoot): void {
    if (this.observedRoots.has(shadow)) return;
    this.observedRoots.add(shadow);
    this.observer.observe(shadow, OBSERVE);
    this.onShadowRoot(shadow);
    // Every element: a shadow root may hold hosts of its own that no one announced (built while detached).
    this.fullSweep.add(shadow);
    this.enqueue(shadow);
  }

  private visitLink(link: Element): void {
    const e164 = numberOfLink(link);
    if (!e164) {
      this.marks.clearLink(link);
      return;
    }
    // The link text already shows the number within one text node: that node's mark covers it.
    // (A number split over elements, `412<b>34567</b>`, gets no text mark: the link is marked.)
    if (linkTextShows(link, e164)) {
      this.marks.clearLink(link);
      return;
    }
    this.marks.setLink(link, e164);
    // Confirmed visible after the pass, like text (an image map's area has no box of its own: it stays).
    this.hiddenLinks.delete(link);
    if (link.localName === 'a') this.unverifiedLinks.add(link);
  }

  private visitField(field: PhoneField): void {
    if (!isPhoneField(field)) return;
    this.marks.setField(field, numbersInField(field));
  }

  private readonly batchNodes: Text[] = [];
  private batchRange: Range | null = null;

  /**
   * Reads the next run of text nodes. Reading each node's text from the content
   * script's world costs a string copy per node; one Range over the run copies
   * all of it in one call, and each node's text is then a slice of that string.
   * Only the nodes' lengths are read one by one.
   */
  private scanTextBatch(walker: TreeWalker): void {
    const nodes = this.batchNodes;
    nodes.length = 0;
    let chars = 0;
    let big: Text | null = null;
    while (nodes.length < TEXT_BATCH && chars < TEXT_BATCH_CHARS) {
      const node = walker.nextNode() as Text | null;
      if (!node) {
        this.walker = null;
        break;
      }
      const length = node.length;
      if (length > WINDOW_CORE) {
        big = node;
        break;
      }
      nodes.push(node);
      chars += length;
    }
    if (nodes.length > 0) {
      const range = (this.batchRange ??= new Range());
      const first = nodes[0]!;
      const last = nodes[nodes.length - 1]!;
      range.setStart(first, 0);
      range.setEnd(last, last.length);
      const text = range.toString();
      if (text.length === chars) {
        let offset = 0;
        for (const node of nodes) {
          const end = offset + node.length;
          this.scanTextData(node, end - offset < MIN_NUMBER_CHARS ? '' : text.slice(offset, end));
          offset = end;
        }
      } else {
        // The page changed the text between our reads (or the run held something unusual): read node by node.
        for (const node of nodes) this.scanText(node);
      }
      range.collapse();
    }
    if (big) this.scanText(big);
  }

  private scanText(node: Text): void {
    // Most text nodes (whitespace between tags, short labels) are too short to hold a number:
    // their length is read without copying their text.
    if (node.length < MIN_NUMBER_CHARS) {
      if (this.marks.textMarks.size > 0 && this.marks.textMarks.has(node)) this.marks.clearText(node);
      return;
    }
    const data = node.data;
    if (data.length > WINDOW_CORE) {
      this.marks.clearText(node);
      if (this.isInSkippedSubtree(node)) return;
      this.bigText = { node, windows: textWindows(data, WINDOW_CORE, WINDOW_MARGIN), found: [] };
      return;
    }
    this.scanTextData(node, data);
  }

  /** Scans one text node whose text was already read ('' when too short to hold a number). */
  private scanTextData(node: Text, data: string): void {
    if (data.length < MIN_NUMBER_CHARS || !mightContainPhone(data)) {
      if (this.marks.textMarks.size > 0 && this.marks.textMarks.has(node)) this.marks.clearText(node);
      this.hiddenCandidates.delete(node);
      return;
    }
    const found = findPhoneNumbers(data);
    // Skipped ancestors (script, style, textarea, code > span…) are looked for only when a number was found.
    if (found.length > 0) {
      const parent = node.parentElement;
      if (parent && (SKIP_TAGS.has(parent.tagName) || this.inSkippedAncestor(parent))) {
        this.marks.clearText(node);
        return;
      }
    }
    this.place(node, found, data);
  }

  /**
   * Elements known, during this pass, to be inside (true) or outside (false) a
   * skipped ancestor (`code`, `pre`, `select`…). Numbers in one row or list
   * share the answer for everything above their own cell, so each ancestor is
   * looked at once per pass. Forgotten when the tree changes and between passes.
   */
  private readonly skipMemo = new Map<Element, boolean>();

  /** Is the element, or an element above it, one whose text is never scanned? */
  private inSkippedAncestor(element: Element): boolean {
    const path: Element[] = [];
    let skipped = false;
    for (let el: Element | null = element; el; el = el.parentElement) {
      const known = this.skipMemo.get(el);
      if (known !== undefined) {
        skipped = known;
        break;
      }
      if (SKIP_ANCESTORS.has(el.localName)) {
        skipped = true;
        break;
      }
      path.push(el);
    }
    for (const el of path) this.skipMemo.set(el, skipped);
    return skipped;
  }

  /** Drops what one pass learnt about the tree (called when a pass starts and ends). */
  forgetPassCaches(): void {
    this.skipMemo.clear();
  }

  private stepBigText(job: BigText): void {
    const next = job.windows.next();
    if (!next.done) {
      const w = next.value;
      if (mightContainPhone(w.text)) job.found.push(...matchesInCore(w, findPhoneNumbers(w.text)));
      return;
    }
    this.bigText = null;
    if (job.node.isConnected) this.place(job.node, job.found, job.node.data);
  }

  /** `data` is the node's text as scanned. */
  private place(node: Text, found: PhoneMatch[], data: string): void {
    const matches = found.length > 0 ? this.withPageLabel(node, found, data) : found;
    if (matches.length === 0) {
      this.marks.clearText(node);
      this.hiddenCandidates.delete(node);
      this.unverified.delete(node);
      return;
    }
    // Visibility is checked after the pass, once the page has rendered: asking now would
    // force the browser to compute the whole page's style in the middle of our slice.
    this.hiddenCandidates.delete(node);
    this.unverified.add(node);
    this.marks.setText(node, matches);
  }

  /**
   * A number that opens its text node may be labelled by the page around it: a
   * column header or a label element. The detector reads that label as if it
   * were written just before the number (`Kundenr.: 41234567` is no phone number).
   */
  private withPageLabel(node: Text, matches: PhoneMatch[], data: string): PhoneMatch[] {
    const first = matches[0]!;
    if (first.start > 0 && data.slice(0, first.start).trim() !== '') return matches;
    const label = labelForText(node, data);
    if (!label) return matches;
    switch (classifyLabel(label)) {
      case 'other':
        return matches.slice(1);
      case 'weak':
        // After `Kunde`, `Sak`, `ID` only a bare digit run is an identifier (as in the detector).
        return /^\d+$/.test(data.slice(first.start, first.end)) ? matches.slice(1) : matches;
      default:
        return matches;
    }
  }

  /** Text nodes marked in this pass whose visibility is not yet confirmed. */
  private readonly unverified = new Set<Text>();
  private verifyIterator: Iterator<Text> | null = null;
  /** Dial links marked in this pass whose visibility is not yet confirmed, and those found hidden. */
  private readonly unverifiedLinks = new Set<Element>();
  private readonly hiddenLinks = new Set<Element>();

  get hasUnverified(): boolean {
    return this.unverified.size > 0 || this.unverifiedLinks.size > 0;
  }

  /**
   * One step of the post-pass visibility check (up to VERIFY_BATCH text nodes, so
   * the slicer's clock is read rarely); false when done. Marks in hidden
   * elements are taken back.
   */
  verifyStep(): boolean {
    if (this.unverified.size === 0) return this.verifyLinks();
    this.verifyIterator ??= this.unverified.values();
    for (let i = 0; i < VERIFY_BATCH; i++) {
      const next = this.verifyIterator.next();
      if (next.done) {
        this.verifyIterator = null;
        this.unverified.clear();
        return this.unverifiedLinks.size > 0;
      }
      const node = next.value;
      this.unverified.delete(node);
      if (!node.isConnected) {
        this.marks.clearText(node);
        continue;
      }
      const parent = node.parentElement;
      if (parent && !parent.checkVisibility(VISIBLE)) {
        this.marks.clearText(node);
        this.hiddenCandidates.add(node);
      }
    }
    return true;
  }

  /** Up to VERIFY_BATCH dial links: a hidden one (a menu, a mobile-only call button) is not counted; true while more are left. */
  private verifyLinks(): boolean {
    let checked = 0;
    for (const link of this.unverifiedLinks) {
      if (checked++ >= VERIFY_BATCH) return true;
      this.unverifiedLinks.delete(link);
      if (!link.isConnected || !link.checkVisibility(VISIBLE)) {
        this.marks.clearLink(link);
        if (link.isConnected) this.hiddenLinks.add(link);
      }
    }
    return false;
  }

  private recheckVisibility(): void {
    for (const link of this.hiddenLinks) {
      if (!link.isConnected) this.hiddenLinks.delete(link);
      else if (link.checkVisibility(VISIBLE)) {
        this.hiddenLinks.delete(link);
        this.enqueue(link);
      }
    }
    for (const link of this.marks.linkMarks.keys()) {
      if (link.localName === 'a' && !link.checkVisibility(VISIBLE)) {
        this.marks.clearLink(link);
        this.hiddenLinks.add(link);
      }
    }
    for (const node of this.hiddenCandidates) {
      if (!node.isConnected) this.hiddenCandidates.delete(node);
      else if (node.parentElement?.checkVisibility(VISIBLE) !== false) this.enqueue(node);
    }
    for (const node of this.marks.textMarks.keys()) {
      const parent = node.parentElement;
      if (parent && !parent.checkVisibility(VISIBLE)) {
        this.marks.clearText(node);
        this.hiddenCandidates.add(node);
      }
    }
  }

  private onMutations(records: MutationRecord[]): void {
    let work = false;
    for (const r of records) {
      const target = r.target;
      if (target instanceof Element && target.localName === 'kontaktvern-overlay') continue;
      switch (r.type) {
        case 'childList':
          if (this.skipMemo.size > 0) this.skipMemo.clear();
          for (const n of r.addedNodes) {
            if (n.nodeType === Node.TEXT_NODE) {
              this.enqueue(n);
              work = true;
            } else if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName !== 'kontaktvern-overlay') {
              // Added subtrees are small: check every element, shadow hosts attached while detached included.
              this.fullSweep.add(n);
              this.enqueue(n);
              work = true;
            }
          }
          if (r.removedNodes.length > 0) {
            this.needsPrune = true;
            work = true;
          }
          break;
        case 'characterData':
          if (target.nodeType === Node.TEXT_NODE) {
            this.enqueue(target);
            work = true;
          }
          break;
        case 'attributes': {
          const name = r.attributeName;
          if (name === 'href' || name === 'value' || name === 'type') {
            if (target instanceof Element) {
              this.enqueue(target);
              work = true;
            }
          } else if (this.hiddenCandidates.size > 0 || this.marks.textMarks.size > 0 || this.hiddenLinks.size > 0 || this.marks.linkMarks.size > 0) {
            this.needsVisibilityCheck = true;
            if (name === 'hidden' && target instanceof Element && !target.hasAttribute('hidden')) this.enqueue(target);
            work = true;
          } else if (name === 'hidden' && target instanceof Element && !target.hasAttribute('hidden')) {
            this.enqueue(target);
            work = true;
          }
          break;
        }
      }
    }
    if (work) this.onWork();
  }
}
