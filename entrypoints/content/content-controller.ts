import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BackgroundEvent, ContentRequest, type Envelope, type EventEnvelope } from '@/lib/messages';
import { runSliced } from '@/lib/time-slicer';
import { DialGuard } from './dial-guard';
import { HighlightStyles } from './highlight-styles';
import { NumberStatuses } from './number-statuses';
import { OverlayHost } from './overlay/overlay-host';
import { OverlayStore } from './overlay/overlay-store';
import { PageMarks } from './page-marks';
import { PageScanner } from './page-scanner';

/** Event the main-world hook dispatches on a host right after it attaches an open shadow root. */
export const SHADOW_ATTACHED_EVENT = 'kontaktvern:shadow-attached';
const SLICE_BUDGET_MS = 8;

type Yielder = { yield?: () => Promise<void> };

function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Yielder }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Wires the content script: scanner → marks → highlights, the dial guard and
 * the overlay, and keeps them in step with the block list. One per frame.
 */
export class ContentController {
  private readonly statuses = new NumberStatuses();
  private readonly store = new OverlayStore();
  private readonly overlay = new OverlayHost(this.store);
  private readonly styles = new HighlightStyles();
  private readonly marks: PageMarks;
  private readonly scanner: PageScanner;
  private readonly guard: DialGuard;
  private running = false;
  private scheduled = false;
  private lastReported = '';
  private stopped = false;

  constructor(private readonly ctx: ContentScriptContext) {
    this.marks = new PageMarks(this.statuses, () => performance.mark('kontaktvern:first-marks'));
    this.scanner = new PageScanner(
      this.marks,
      () => this.schedule(),
      (root) => this.styles.adopt(root),
    );
    this.guard = new DialGuard(
      this.statuses,
      this.store,
      () => this.overlay.ensure(),
      (field) => {
        this.scanner.refreshField(field);
        this.schedule();
      },
    );
  }

  /** Runs at document_start: guards first, scanning once the DOM is parsed. */
  start(): void {
    this.guard.install(this.ctx.signal);
    this.ctx.onInvalidated(() => this.teardown());
    const onMessage = (message: unknown) => {
      this.onBackgroundEvent(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    document.addEventListener(
      SHADOW_ATTACHED_EVENT,
      (e) => {
        const host = e.composedPath()[0];
        if (host instanceof Element && host.shadowRoot) this.scanner.attachShadow(host.shadowRoot);
      },
      { capture: true, signal: this.ctx.signal },
    );
    this.store.subscribe(() => {
      if (!this.store.isEmpty) this.overlay.ensure();
    });
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.begin(), { once: true, signal: this.ctx.signal });
    } else {
      this.begin();
    }
  }

  private begin(): void {
    if (this.stopped) return;
    performance.mark('kontaktvern:start');
    this.marks.register();
    this.styles.adopt(document);
    this.scanner.start(document);
  }

  private schedule(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.runPass();
    });
  }

  private alive = () => !this.stopped && this.ctx.isValid;

  /** One scan pass: drains the scanner queue in slices, then resolves statuses and reports. */
  private async runPass(): Promise<void> {
    if (this.running || !this.alive()) return;
    this.running = true;
    try {
      while (!this.scanner.idle && this.alive()) {
        const start = performance.now();
        let slices = 0;
        const result = await runSliced(
          () => this.scanner.step(),
          { budgetMs: SLICE_BUDGET_MS, now: () => performance.now(), yieldToHost, isAlive: this.alive },
          () => {
            slices++;
            // Resolve what the first slice found right away so the visible part of the page is right first.
            if (slices === 1 && this.statuses.hasPending) void this.statuses.flush().then(() => this.alive() && this.marks.repaint());
          },
        );
        if (result < 0) return;
        await this.statuses.flush();
        if (!this.alive()) return;
        this.marks.repaint();
        this.refreshFields();
        const counts = this.marks.counts();
        performance.measure('kontaktvern:scan', {
          start,
          end: performance.now(),
          detail: { numbers: counts.numbers, blocked: counts.blocked, unique: counts.unique, uniqueBlocked: counts.uniqueBlocked },
        });
        this.report(counts.unique, counts.uniqueBlocked);
      }
    } catch (error) {
      this.handleError(error);
    } finally {
      this.running = false;
    }
  }

  private refreshFields(): void {
    const fields = [...this.marks.fieldMarks].map(([field, numbers]) => ({
      field,
      blocked: numbers.some((n) => this.statuses.isBlocked(n)),
    }));
    this.store.setFields(fields);
  }

  private report(numbers: number, blocked: number): void {
    const key = `${numbers}/${blocked}`;
    if (key === this.lastReported) return;
    this.lastReported = key;
    const message: Envelope<ContentRequest.ReportCounts> = { type: ContentRequest.ReportCounts, payload: { numbers, blocked } };
    browser.runtime.sendMessage(message).catch((error: unknown) => this.handleError(error));
  }

  private onBackgroundEvent(message: unknown): void {
    const event = message as EventEnvelope | undefined;
    if (!event || event.type !== BackgroundEvent.BlocklistChanged || !this.alive()) return;
    const numbers = this.statuses.reset();
    for (const n of numbers) this.statuses.want(n);
    for (const n of this.marks.uniqueNumbers()) this.statuses.want(n);
    void this.refreshStatuses();
  }

  private async refreshStatuses(): Promise<void> {
    try {
      const start = performance.now();
      await this.statuses.flush();
      if (!this.alive()) return;
      this.marks.repaint();
      this.refreshFields();
      for (const alert of this.store.current.alerts) {
        const status = this.statuses.get(alert.status.e164);
        if (status && !status.blocked) this.store.dismissAlert(alert.id);
      }
      const counts = this.marks.counts();
      performance.measure('kontaktvern:scan', {
        start,
        end: performance.now(),
        detail: { numbers: counts.numbers, blocked: counts.blocked, unique: counts.unique, uniqueBlocked: counts.uniqueBlocked },
      });
      this.report(counts.unique, counts.uniqueBlocked);
    } catch (error) {
      this.handleError(error);
    }
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
    this.scanner.stop();
    this.marks.clearAll();
    this.marks.unregister();
    this.styles.releaseAll();
    this.store.clear();
    this.overlay.destroy();
  }
}
