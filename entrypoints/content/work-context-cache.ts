import type { CallingHoursState } from '@/lib/calling-hours/calling-hours';
import type { WorkContext } from '@/lib/messages';

/** Calling is not allowed now: why, and from when it is. */
export type CallingBlock = Extract<CallingHoursState, { allowed: false }>;

/** What the dial guard knows about calling hours right now. */
export type HoursCheck = { kind: 'allowed' } | { kind: 'blocked'; block: CallingBlock } | { kind: 'unknown' };

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The content script's copy of the work context (active campaign, calling
 * hours). Times are the background's clock: the difference to this page's
 * clock is kept, so a state that has run out (21:00 passed) is noticed here
 * without asking, and a fresh one is asked for at that moment.
 */
export class WorkContextCache {
  private context: WorkContext | null = null;
  private skewMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly refresh: () => void,
    private readonly onChange: (context: WorkContext) => void,
  ) {}

  get current(): WorkContext | null {
    return this.context;
  }

  set(context: WorkContext): void {
    this.context = context;
    this.skewMs = context.now - Date.now();
    clearTimeout(this.timer);
    const change = context.hours.allowed ? context.hours.until : context.hours.allowedFrom;
    if (change !== null) this.timer = setTimeout(() => this.refresh(), Math.min(MAX_TIMER_MS, Math.max(0, change - context.now) + 250));
    this.onChange(context);
  }

  /** Calling hours now, by the background's clock. */
  check(): HoursCheck {
    const context = this.context;
    if (!context) return { kind: 'unknown' };
    const now = Date.now() + this.skewMs;
    const hours = context.hours;
    if (hours.allowed) return hours.until === null || now < hours.until ? { kind: 'allowed' } : { kind: 'unknown' };
    return now < hours.allowedFrom ? { kind: 'blocked', block: hours } : { kind: 'unknown' };
  }

  /** The current calling block (for the card), or null. */
  get block(): CallingBlock | null {
    const check = this.check();
    return check.kind === 'blocked' ? check.block : null;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
