import { type Browser, browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/lib/i18n';
import { parsePhoneInput } from '@/lib/phone/detect';
import {
  BackgroundEvent,
  type BlockResult,
  type CardBlockKind,
  ContentRequest,
  type Envelope,
  type EventEnvelope,
  type RequestType,
  type Payload,
  parsePanelEnvelope,
  type Response,
} from '@/lib/messages';
import { SHADOW_ATTACHED_EVENT } from '@/lib/page-hook-events';
import { DEFAULT_SITE_RULES, isEnabledOn, parseSiteRules, SITE_RULES_KEY } from '@/lib/site-rules';
import { runSliced } from '@/lib/time-slicer';
import { DialGuard } from './dial-guard';
import { HighlightStyles } from './highlight-styles';
import { NumberPointer } from './number-pointer';
import { NumberStatuses } from './number-statuses';
import { OverlayHost, OVERLAY_TAG } from './overlay/overlay-host';
import { type Anchor, OverlayStore } from './overlay/overlay-store';
import { PageMarks, type TextMark } from './page-marks';
import { PageScanner } from './page-scanner';
import { PanelRequests } from './panel-requests';
import { forgetColumnHeaders } from './text-label';
import { WorkContextCache } from './work-context-cache';

/** Per slice; a slice overshoots it by at most one step. 12 ms gave no measurable gain over the noise, and less margin to 50 ms. */
const SLICE_BUDGET_MS = 8;
const PAINT_INTERVAL_MS = 1000;

type Yielder = { yield?: () => Promise<void> };

function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Yielder }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the page's next rendered frame (or soon, in a background tab where frames do not come). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** The host the agent sees in the address bar, also from inside an iframe. */
function topHostname(): string {
  const ancestors = location.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors[ancestors.length - 1] : location.origin;
  try {
    return new URL(top ?? location.origin).hostname;
  } catch {
    return location.hostname;
  }
}

async function send<T extends RequestType>(type: T, payload: Payload<T>): Promise<Response<T>> {
  const message: Envelope<T> = { type, payload };
  return (await browser.runtime.sendMessage(message)) as Response<T>;
}

/**
 * Wires the content script: scanner → marks → highlights, the dial guard, the
 * number card and the overlay, and keeps them in step with the block list and
 * the site switch. One per frame.
 */
export class ContentController {
  private readonly statuses = new NumberStatuses();
  private readonly store = new OverlayStore();
  private readonly overlay: OverlayHost;
  private readonly styles = new HighlightStyles();
  private readonly marks: PageMarks;
  private readonly scanner: PageScanner;
  private readonly guard: DialGuard;
  private readonly pointer: NumberPointer;
  private readonly work: WorkContextCache;
  private readonly panel = new PanelRequests(this.store, () => this.overlay.ensure());
  private readonly shadowRoots = new Set<ShadowRoot>();
  private running = false;
  private scheduled = false;
  private lastReported = '';
  private stopped = false;
  private enabled = false;
  private domReady = false;
  private nextBlockedIndex = -1;
  /** The number last sent as "current" from typing or selecting, and when (repeats within a moment are one event). */
  private lastSent = { e164: '', at: 0 };

  constructor(private readonly ctx: ContentScriptContext) {
    this.marks = new PageMarks(this.statuses, () => performance.mark('kontaktvern:first-marks'));
    this.scanner = new PageScanner(
      this.marks,
      () => this.schedule(),
      (root) => {
        this.shadowRoots.add(root);
        this.styles.adopt(root);
      },
      (root) => {
        this.shadowRoots.delete(root);
        this.styles.forget(root);
      },
    );
    this.overlay = new OverlayHost(
      this.store,
      {
        block: (kind, reason, scope) => void this.blockFromCard(kind, reason, scope),
        copy: () => void this.copyCardNumber(),
        openSidePanel: () => void send(ContentRequest.OpenSidePanel, {}).catch(() => undefined),
        close: () => this.closeCard(),
      },
    );
    this.work = new WorkContextCache(
      () => void this.loadContext(),
      (context) => this.store.setWork(this.work.block, context.campaign ? { id: context.campaign.clientId, name: context.campaign.clientName } : null),
    );
    this.guard = new DialGuard(
      this.statuses,
      this.store,
      () => this.overlay.ensure(),
      (field) => {
        this.scanner.refreshField(field);
        this.schedule();
        // A whole number typed or pasted into a field becomes the side panel's current number
        // (refreshField has just read the field's numbers into its mark).
        const typed = this.marks.fieldMarks.get(field);
        if (typed?.length === 1) this.sendCurrentNumber(typed[0]!);
      },
      () => this.enabled,
      () => this.work.check(),
      () => this.loadContext(),
    );
    this.pointer = new NumberPointer(
      this.marks,
      () => [...this.shadowRoots],
      (target) => target instanceof Element && target.localName === OVERLAY_TAG,
      (mark) => this.openCard(mark.e164, mark.range, false),
      (mark) => {
        this.openCard(mark.e164, mark.range, true);
        this.lastSent = { e164: mark.e164, at: Date.now() };
        void send(ContentRequest.CurrentNumber, { e164: mark.e164 }).catch(() => undefined);
      },
    );
  }

  /** Runs at document_start: guards first, scanning once the DOM is parsed and the site is on. */
  start(): void {
    this.statuses.onRegister = (register) => this.store.setRegister(register);
    void this.loadContext();
    this.ctx.onInvalidated(() => this.work.stop());
    this.guard.install(this.ctx.signal);
    this.pointer.install(this.ctx.signal);
    this.ctx.onInvalidated(() => this.teardown());
    // An extension that is updated, reloaded or removed leaves this script orphaned: notice within
    // two seconds and take every mark and the overlay away (the new script, if any, takes over).
    this.ctx.setInterval(() => void this.ctx.isValid, 2000);
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      const request = parsePanelEnvelope(message);
      if (request) return this.panel.handle(request, sender);
      this.onBackgroundEvent(message);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SITE_RULES_KEY in changes) this.applySiteRules(changes[SITE_RULES_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onStorage);
    this.ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
    document.addEventListener(
      SHADOW_ATTACHED_EVENT,
      (e) => {
        const host = e.composedPath()[0];
        if (this.enabled && host instanceof Element && host.shadowRoot) this.scanner.attachShadow(host.shadowRoot);
      },
      { capture: true, signal: this.ctx.signal },
    );
    // A number the agent selects on the page becomes the side panel's current number.
    let selectionTimer: ReturnType<typeof setTimeout> | undefined;
    document.addEventListener(
      'selectionchange',
      () => {
        clearTimeout(selectionTimer);
        selectionTimer = setTimeout(() => this.rememberSelectedNumber(), 400);
      },
      { signal: this.ctx.signal },
    );
    window.addEventListener(
      'pointerdown',
      (e) => {
        if (!this.store.current.card) return;
        const host = this.overlay.element;
        if (!host || !e.composedPath().includes(host)) this.closeCard(false);
      },
      { capture: true, signal: this.ctx.signal },
    );
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.isTrusted && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyB') {
          e.preventDefault();
          this.openNextBlocked();
        }
      },
      { capture: true, signal: this.ctx.signal },
    );
    this.store.subscribe(() => {
      if (!this.store.isEmpty && this.enabled) this.overlay.ensure();
    });
    // Until the site rules are read the guard already protects (safer default: on).
    this.enabled = true;
    browser.storage.local
      .get(SITE_RULES_KEY)
      .then((stored) => this.applySiteRules(stored[SITE_RULES_KEY]))
      .catch(() => this.applySiteRules(DEFAULT_SITE_RULES));
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.onDomReady(), { once: true, signal: this.ctx.signal });
    } else {
      this.onDomReady();
    }
  }

  private rulesKnown = false;

  private applySiteRules(value: unknown): void {
    if (this.stopped) return;
    const on = isEnabledOn(topHostname(), parseSiteRules(value));
    const first = !this.rulesKnown;
    this.rulesKnown = true;
    if (on && (first || !this.enabled)) {
      this.enabled = true;
      this.begin();
    } else if (!on && (first || this.enabled)) {
      this.enabled = false;
      this.pause();
    }
  }

  private onDomReady(): void {
    this.domReady = true;
    this.begin();
  }

  private began = false;

  private begin(): void {
    if (this.stopped || !this.enabled || !this.domReady || !this.rulesKnown || this.began) return;
    this.began = true;
    performance.mark('kontaktvern:start');
    this.marks.register();
    this.styles.adopt(document);
    for (const root of this.shadowRoots) this.styles.adopt(root);
    this.scanner.start(document);
  }

  /** Site switched off: every mark, the overlay and the guard go at once. */
  private pause(): void {
    this.began = false;
    // Statuses are asked again when the site is switched back on; shadow roots are looked for again.
    this.statuses.reset();
    this.firstPassDone = false;
    this.scanner.stop();
    this.marks.clearAll();
    this.marks.unregister();
    this.styles.releaseAll();
    this.shadowRoots.clear();
    this.store.clear();
    this.overlay.destroy();
    this.lastReported = '';
    this.report(0, 0);
  }

  private schedule(): void {
    if (this.stopped || this.scheduled || !this.began) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.runPass();
    });
  }

  private alive = () => !this.stopped && this.began && this.ctx.isValid;

  /**
   * One scan pass: drains the scanner queue in slices, confirms visibility,
   * resolves statuses and reports. Highlights change as few times as possible
   * (a preview after the first slice, then once at the end, and at most once a
   * second in between on huge pages): every change costs the page a repaint.
   */
  private async runPass(): Promise<void> {
    if (this.running || !this.alive()) return;
    this.running = true;
    const sliceOptions = { budgetMs: SLICE_BUDGET_MS, now: () => performance.now(), yieldToHost: this.timedYield, isAlive: this.alive };
    try {
      // The first pass starts with a preview slice whose marks go into the page's own first frame;
      // the page's first render is the page's cost, not ours, so the pass goes on after it and its
      // measure counts the preview's time but not the wait.
      let previewMs = 0;
      let mustFinish = false;
      if (!this.firstPassDone) {
        const t = performance.now();
        const more = this.scanner.stepFor(SLICE_BUDGET_MS, () => performance.now());
        this.marks.flushPaint();
        if (this.statuses.hasPending) void this.statuses.flush().catch((error: unknown) => this.handleError(error));
        previewMs = performance.now() - t;
        mustFinish = true;
        if (more) await afterNextFrame();
      }
      while ((mustFinish || !this.scanner.idle) && this.alive()) {
        mustFinish = false;
        forgetColumnHeaders();
        this.scanner.forgetPassCaches();
        const start = performance.now() - previewMs;
        previewMs = 0;
        this.yieldedMs = 0;
        this.slices = 0;
        let lastPaint = start;
        const result = await runSliced(
          () => this.scanner.step(),
          sliceOptions,
          () => {
            this.statuses.sendAhead();
            const now = performance.now();
            if (this.marks.hasPendingPaint && now - lastPaint > PAINT_INTERVAL_MS) {
              this.marks.flushPaint();
              lastPaint = now;
            }
          },
        );
        if (result < 0) return;
        const scanned = performance.now();
        // The last numbers are looked up while visibility is confirmed.
        const lookedUp = this.statuses.flush();
        lookedUp.catch(() => undefined);
        if (this.scanner.hasUnverified) {
          if ((await runSliced(() => this.scanner.verifyStep(), sliceOptions)) < 0) return;
        }
        const verified = performance.now();
        await lookedUp;
        if (!this.alive()) return;
        this.phases = { scanMs: Math.round(scanned - start), verifyMs: Math.round(verified - scanned), lookupMs: Math.round(performance.now() - verified) };
        this.marks.flushPaint();
        this.scanner.forgetPassCaches();
        this.afterStatuses(start, false);
        if (!this.firstPassDone) {
          this.firstPassDone = true;
          // Shadow roots the main-world hook could not announce (declarative ones) are looked for when the page is idle.
          const sweep = () => this.alive() && this.scanner.sweepForShadowRoots(document.documentElement);
          if ('requestIdleCallback' in window) this.ctx.requestIdleCallback(sweep, { timeout: 5000 });
          else this.ctx.setTimeout(sweep, 1000);
        }
      }
    } catch (error) {
      this.handleError(error);
    } finally {
      this.running = false;
    }
  }

  private firstPassDone = false;
  private phases: { scanMs: number; verifyMs: number; lookupMs: number } | Record<string, never> = {};
  /** Time spent waiting for the host between slices during the current pass (for the measure's detail). */
  private yieldedMs = 0;
  private slices = 0;
  private timedYield = async (): Promise<void> => {
    const t = performance.now();
    this.slices++;
    await yieldToHost();
    this.yieldedMs += performance.now() - t;
  };

  /** Puts ranges in the right highlight, refreshes the overlay and records the completed pass. */
  private afterStatuses(start: number, statusesChanged: boolean): void {
    if (statusesChanged) this.marks.repaint();
    else this.marks.settle();
    this.store.setFields(
      [...this.marks.fieldMarks].map(([field, numbers]) => ({ field, blocked: numbers.some((n) => this.statuses.isBlocked(n)) })),
    );
    this.store.updateStatuses((n) => this.statuses.get(n));
    const counts = this.marks.counts();
    performance.measure('kontaktvern:scan', {
      start,
      end: performance.now(),
      detail: {
        numbers: counts.numbers,
        blocked: counts.blocked,
        unique: counts.unique,
        uniqueBlocked: counts.uniqueBlocked,
        // Of the pass's duration: how long the page had the thread between our slices, and how many slices;
        // and its phases (walking and detecting, visibility check, waiting for the block list).
        yieldedMs: Math.round(this.yieldedMs),
        slices: this.slices + 1,
        ...this.phases,
      },
    });
    this.phases = {};
    this.report(counts.unique, counts.uniqueBlocked);
  }

  private report(numbers: number, blocked: number): void {
    const key = `${numbers}/${blocked}`;
    if (key === this.lastReported) return;
    this.lastReported = key;
    send(ContentRequest.ReportCounts, { numbers, blocked }).catch((error: unknown) => this.handleError(error));
  }

  private onBackgroundEvent(message: unknown): void {
    const event = message as EventEnvelope | undefined;
    if (!event || this.stopped || !this.ctx.isValid) return;
    // Before the page is scanned (or while the site is switched off) the dial guard still decides
    // by the statuses it has asked for: a change of the block list or the work context reaches it too.
    if (!this.began) {
      if (event.type === BackgroundEvent.BlocklistChanged) this.statuses.reset();
      else if (event.type === BackgroundEvent.ContextChanged) this.work.set((event as EventEnvelope<BackgroundEvent.ContextChanged>).payload);
      return;
    }
    switch (event.type) {
      case BackgroundEvent.BlocklistChanged: {
        const numbers = this.statuses.reset();
        for (const n of numbers) this.statuses.want(n);
        for (const n of this.marks.uniqueNumbers()) this.statuses.want(n);
        const start = performance.now();
        this.statuses
          .flush()
          .then(() => this.alive() && this.afterStatuses(start, true))
          .catch((error: unknown) => this.handleError(error));
        break;
      }
      case BackgroundEvent.OpenCard: {
        const { e164, selection } = (event as EventEnvelope<BackgroundEvent.OpenCard>).payload;
        const anchor = this.selectionAnchor();
        if (!e164) {
          this.overlay.ensure();
          this.store.showAlert(anchor, { kind: 'no-number', text: selection });
        } else {
          this.openCard(e164, anchor, true);
        }
        break;
      }
      case BackgroundEvent.NextBlocked:
        this.openNextBlocked();
        break;
      case BackgroundEvent.ContextChanged:
        this.work.set((event as EventEnvelope<BackgroundEvent.ContextChanged>).payload);
        break;
    }
  }

  private selectionAnchor(): Anchor {
    const sel = document.getSelection();
    if (sel && sel.rangeCount > 0 && !sel.isCollapsed) return sel.getRangeAt(0).cloneRange();
    return document.activeElement ?? document.documentElement;
  }

  private rememberSelectedNumber(): void {
    if (!this.enabled || !this.ctx.isValid) return;
    const text = document.getSelection()?.toString() ?? '';
    if (text.length < 7 || text.length > 40) return;
    const parsed = parsePhoneInput(text);
    if (parsed.ok) this.sendCurrentNumber(parsed.e164);
  }

  /**
   * Tells the side panel the agent's current number. Each keystroke or selection change
   * of the same number within two seconds is one event; anything later is sent again,
   * since a click elsewhere (or another tab) may have changed the current number meanwhile.
   */
  private sendCurrentNumber(e164: string): void {
    const now = Date.now();
    if (e164 === this.lastSent.e164 && now - this.lastSent.at < 2000) return;
    this.lastSent = { e164, at: now };
    void send(ContentRequest.CurrentNumber, { e164 }).catch(() => undefined);
  }

  /** Asks the background for the work context (active campaign, calling hours). */
  private async loadContext(): Promise<void> {
    try {
      const context = await send(ContentRequest.Context, {});
      if (context && this.ctx.isValid && !this.stopped) this.work.set(context);
    } catch {
      // Background unreachable (extension reloading): the dial guard holds calls until it answers.
    }
  }

  private openCard(e164: string, anchor: Anchor, focus: boolean): void {
    if (!this.enabled) return;
    const current = this.store.current.card;
    if (current && current.e164 === e164 && current.anchor === anchor && (!focus || current.focus)) return;
    this.overlay.ensure();
    this.statuses.want(e164);
    // Focus goes back where it was before Kontaktvern's UI took it (not to the overlay itself).
    const active = document.activeElement;
    const returnFocus = active && active !== this.overlay.element ? active : (current?.returnFocus ?? null);
    this.store.openCard({ e164, anchor, status: this.statuses.get(e164), focus, returnFocus: focus ? returnFocus : null });
    if (!this.statuses.get(e164)) {
      void this.statuses.flush().then(() => this.store.updateStatuses((n) => this.statuses.get(n)));
    }
  }

  private closeCard(restoreFocus = true): void {
    this.pointer.cancelHover();
    const card = this.store.current.card;
    this.store.closeCard();
    if (restoreFocus && card?.returnFocus instanceof HTMLElement) card.returnFocus.focus();
  }

  /** Blocked marks in reading order (top to bottom, left to right). */
  private blockedMarks(): TextMark[] {
    const all: { mark: TextMark; top: number; left: number }[] = [];
    const add = (mark: TextMark) => {
      if (!this.statuses.isBlocked(mark.e164)) return;
      const r = mark.range.getBoundingClientRect();
      all.push({ mark, top: r.top + scrollY, left: r.left + scrollX });
    };
    for (const marks of this.marks.textMarks.values()) marks.forEach(add);
    this.marks.linkMarks.forEach(add);
    all.sort((a, b) => a.top - b.top || a.left - b.left);
    // A number and its "Ring" link on the same row are one stop, not two.
    return all.filter((x, i) => i === 0 || x.mark.e164 !== all[i - 1]!.mark.e164 || Math.abs(x.top - all[i - 1]!.top) > 4).map((x) => x.mark);
  }

  private openNextBlocked(): void {
    if (!this.enabled) return;
    const blocked = this.blockedMarks();
    if (blocked.length === 0) {
      this.overlay.ensure();
      this.store.showAlert(document.documentElement, { kind: 'info', text: t('noBlockedOnPage') });
      return;
    }
    this.nextBlockedIndex = (this.nextBlockedIndex + 1) % blocked.length;
    const mark = blocked[this.nextBlockedIndex]!;
    const container = mark.range.startContainer.parentElement;
    container?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.openCard(mark.e164, mark.range, true);
  }

  private async blockFromCard(kind: CardBlockKind, reason: string, scope: 'all' | 'client'): Promise<void> {
    const card = this.store.current.card;
    if (!card || card.busy) return;
    this.store.patchCard({ busy: true, error: null });
    let result: BlockResult;
    try {
      result = await send(ContentRequest.Block, { e164: card.e164, kind, reason, scope });
    } catch {
      result = { ok: false, error: 'failed' };
    }
    if (result.ok) {
      this.store.patchCard({ busy: false, status: result.status });
      return;
    }
    const messages = {
      'agent-name-required': t('cardNeedAgentName'),
      'reason-required': t('reasonRequired'),
      'no-active-client': t('cardNoActiveClient'),
      failed: t('cardBlockFailed'),
    } as const;
    this.store.patchCard({ busy: false, error: messages[result.error] });
  }

  private async copyCardNumber(): Promise<void> {
    const card = this.store.current.card;
    if (!card) return;
    try {
      await navigator.clipboard.writeText(card.e164);
    } catch {
      // Non-secure pages have no async clipboard: copy through a hidden field in our own shadow root.
      const root = this.overlay.element?.shadowRoot;
      if (!root) return;
      const area = document.createElement('textarea');
      area.value = card.e164;
      area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
      root.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    this.store.patchCard({ copied: true });
  }

  /** Errors never reach the page: a lost extension context stops us cleanly. */
  private handleError(error: unknown): void {
    if (!this.ctx.isValid || /context invalidated|Receiving end does not exist/i.test(String(error))) {
      this.teardown();
      return;
    }
    console.warn('[Kontaktvern]', error);
  }

  teardown(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.enabled = false;
    this.scanner.stop();
    this.marks.clearAll();
    this.marks.unregister();
    this.styles.releaseAll();
    this.store.clear();
    this.overlay.destroy();
  }
}
