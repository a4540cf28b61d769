import { findPhoneNumbers, mightContainPhone, parsePhoneInput, type PhoneMatch } from '@/lib/phone/detect';
import { dialNumberOf, isDialHref } from '@/lib/dial-href';
import { matchesInCore, textWindows, type TextWindow } from '@/lib/text-chunks';
import type { PageMarks, PhoneField } from './page-marks';

/** Elements whose content is never scanned. */
const SKIP_TAGS = new Set([
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
const SKIP_SELECTOR = 'script,style,noscript,template,code,pre,kbd,samp,select,kontaktvern-overlay,[hidden]';
const FIELD_INPUT_TYPES = new Set(['tel', 'text', 'search', '']);
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
  if (!href || !isDialHref(href)) return null;
  const raw = dialNumberOf(href);
  if (!raw) return null;
  const parsed = parsePhoneInput(raw);
  return parsed.ok ? parsed.e164 : null;
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
  private bigText: BigText | null = null;
  private readonly hiddenCandidates = new Set<Text>();
  private readonly observer: MutationObserver;
  private readonly observedRoots = new Set<ShadowRoot>();
  private needsPrune = false;
  private needsVisibilityCheck = false;
  private readonly filter: { acceptNode: (node: Node) => number };

  constructor(
    private readonly marks: PageMarks,
    private readonly onWork: () => void,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.filter = {
      acceptNode: (node: Node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (SKIP_TAGS.has(el.tagName)) return NodeFilter.FILTER_REJECT;
        if (el.hasAttribute('hidden')) return NodeFilter.FILTER_REJECT;
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          this.visitField(el);
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    };
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
    this.bigText = null;
    this.hiddenCandidates.clear();
  }

  /** Rescans everything (used after the extension is switched back on). */
  rescanAll(root: Document): void {
    this.enqueue(root.documentElement ?? root);
    for (const shadow of this.observedRoots) this.enqueue(shadow);
  }

  get idle(): boolean {
    return !this.fieldsChanged && this.queueHead >= this.queue.length && !this.walker && !this.bigText && !this.needsPrune && !this.needsVisibilityCheck;
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

  /** Does one small unit of work; returns false when nothing is left. */
  step(): boolean {
    if (this.bigText) {
      this.stepBigText(this.bigText);
      return true;
    }
    if (this.walker) {
      const node = this.walker.nextNode();
      if (!node) this.walker = null;
      else if (node.nodeType === Node.TEXT_NODE) this.scanText(node as Text);
      else this.visitElement(node as Element);
      return true;
    }
    if (this.queueHead < this.queue.length) {
      const root = this.queue[this.queueHead++] as Node;
      this.queued.delete(root);
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.queueHead);
        this.queueHead = 0;
      }
      this.startRoot(root);
      return true;
    }
    if (this.needsPrune) {
      this.needsPrune = false;
      this.marks.prune();
      for (const t of this.hiddenCandidates) if (!t.isConnected) this.hiddenCandidates.delete(t);
      return true;
    }
    if (this.needsVisibilityCheck) {
      this.needsVisibilityCheck = false;
      this.recheckVisibility();
      return true;
    }
    this.fieldsChanged = false;
    return false;
  }

  private startRoot(root: Node): void {
    if (!root.isConnected) return;
    if (root.nodeType === Node.TEXT_NODE) {
      if (!this.isInSkippedSubtree(root)) this.scanText(root as Text);
      return;
    }
    if (root.nodeType === Node.ELEMENT_NODE) {
      const el = root as Element;
      if (this.isInSkippedSubtree(el)) return;
      if (this.filter.acceptNode!(el) === NodeFilter.FILTER_REJECT) return;
      this.visitElement(el);
    } else if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) {
      return;
    }
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      this.filter,
    );
  }

  private isInSkippedSubtree(node: Node): boolean {
    const parent = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    return parent?.closest(SKIP_SELECTOR) != null;
  }

  private visitElement(el: Element): void {
    const shadow = el.shadowRoot;
    if (shadow && !this.observedRoots.has(shadow)) this.attachShadow(shadow);
    if (el.localName === 'a' || el.localName === 'area') this.visitLink(el);
  }

  /** Starts following an open shadow root (found on the walk or announced by the page hook). */
  attachShadow(shadow: ShadowRoot): void {
    if (this.observedRoots.has(shadow)) return;
    this.observedRoots.add(shadow);
    this.observer.observe(shadow, OBSERVE);
    this.onShadowRoot(shadow);
    this.enqueue(shadow);
  }

  private visitLink(link: Element): void {
    const e164 = numberOfLink(link);
    if (!e164) {
      this.marks.clearLink(link);
      return;
    }
    // The link text already shows the number: the text mark covers it.
    const text = link.textContent ?? '';
    if (mightContainPhone(text) && findPhoneNumbers(text).some((m) => m.e164 === e164)) {
      this.marks.clearLink(link);
      return;
    }
    this.marks.setLink(link, e164);
  }

  private visitField(field: PhoneField): void {
    if (!isPhoneField(field)) return;
    this.marks.setField(field, numbersInField(field));
  }

  private scanText(node: Text): void {
    const data = node.data;
    if (data.length > WINDOW_CORE) {
      this.marks.clearText(node);
      this.bigText = { node, windows: textWindows(data, WINDOW_CORE, WINDOW_MARGIN), found: [] };
      return;
    }
    if (!mightContainPhone(data)) {
      this.marks.clearText(node);
      this.hiddenCandidates.delete(node);
      return;
    }
    this.place(node, findPhoneNumbers(data));
  }

  private stepBigText(job: BigText): void {
    const next = job.windows.next();
    if (!next.done) {
      const w = next.value;
      if (mightContainPhone(w.text)) job.found.push(...matchesInCore(w, findPhoneNumbers(w.text)));
      return;
    }
    this.bigText = null;
    if (job.node.isConnected) this.place(job.node, job.found);
  }

  private place(node: Text, matches: PhoneMatch[]): void {
    if (matches.length === 0) {
      this.marks.clearText(node);
      this.hiddenCandidates.delete(node);
      return;
    }
    const parent = node.parentElement;
    if (parent && !parent.checkVisibility()) {
      this.marks.clearText(node);
      this.hiddenCandidates.add(node);
      return;
    }
    this.hiddenCandidates.delete(node);
    this.marks.setText(node, matches);
  }

  private recheckVisibility(): void {
    for (const node of this.hiddenCandidates) {
      if (!node.isConnected) this.hiddenCandidates.delete(node);
      else if (node.parentElement?.checkVisibility() !== false) this.enqueue(node);
    }
    for (const node of this.marks.textMarks.keys()) {
      const parent = node.parentElement;
      if (parent && !parent.checkVisibility()) {
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
          for (const n of r.addedNodes) {
            if (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName !== 'kontaktvern-overlay')) {
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
          } else if (this.hiddenCandidates.size > 0 || this.marks.textMarks.size > 0) {
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
