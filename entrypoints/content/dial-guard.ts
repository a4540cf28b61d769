import { isDialHref } from '@/lib/dial-href';
import type { NumberStatus } from '@/lib/messages';
import { DIAL_OPEN_EVENT } from '@/lib/page-hook-events';
import { numberOfDialHref } from '@/lib/phone/first-number';
import type { NumberStatuses } from './number-statuses';
import type { OverlayStore } from './overlay/overlay-store';
import { isPhoneField, numberOfLink, numbersInField } from './page-scanner';
import type { PhoneField } from './page-marks';
import type { CallingBlock, HoursCheck } from './work-context-cache';

/** Words on a button that starts a call (Norwegian and English). */
const CALL_WORDS = /\b(ring|ringe|ring opp|anrop|oppringing|slå nummer|call|dial|phone)\b/i;
const BUTTON_SELECTOR = 'button, [role="button"], input[type="submit"], input[type="button"], input[type="image"]';

function labelOf(el: Element): string {
  return [
    el.textContent ?? '',
    el.getAttribute('aria-label') ?? '',
    el.getAttribute('title') ?? '',
    el.getAttribute('value') ?? '',
    el.getAttribute('name') ?? '',
    el.id,
    typeof el.className === 'string' ? el.className.replace(/[-_]/g, ' ') : '',
  ].join(' ');
}

/** Phone fields that a call button acts on: its form's, or those in its nearest surrounding container. */
function fieldsForButton(button: Element): PhoneField[] {
  const form = (button as HTMLButtonElement).form ?? button.closest('form');
  if (form) return [...form.elements].filter((el): el is PhoneField => isPhoneField(el) && el.value !== '');
  let container: Element | null = button.parentElement;
  for (let depth = 0; container && depth < 4; depth++, container = container.parentElement) {
    const fields = [...container.querySelectorAll('input, textarea')].filter((el): el is PhoneField => isPhoneField(el) && el.value !== '');
    if (fields.length > 0) return fields;
  }
  return [];
}

/** What Kontaktvern needs of the Navigation API's `navigate` event (not yet in TypeScript's DOM types). */
interface NavigateEventLike extends Event {
  readonly destination: { readonly url: string };
}

/** Did the event happen inside Kontaktvern's own overlay? */
function fromOverlay(e: Event): boolean {
  return e.composedPath().some((t) => t instanceof Element && t.localName === 'kontaktvern-overlay');
}

/** The call button next to a phone field (in its form, or two levels up), or null. */
function callButtonFor(field: PhoneField): HTMLElement | null {
  const scope = field.form ?? field.parentElement?.parentElement ?? field.parentElement;
  if (!scope) return null;
  return [...scope.querySelectorAll<HTMLElement>(BUTTON_SELECTOR)].find((b) => CALL_WORDS.test(labelOf(b))) ?? null;
}

/** A call button: a button (or an element acting as one) whose label says it calls. */
function isCallButton(el: Element): boolean {
  return el.matches(BUTTON_SELECTOR) && CALL_WORDS.test(labelOf(el));
}

/** Does the element get a click from the browser when Enter or Space is pressed on it? */
function clicksOnKey(el: Element): boolean {
  return el.localName === 'button' || el.localName === 'input' || el.localName === 'a';
}

/**
 * Stops calls to blocked numbers at the moment of dialling: clicks on
 * tel:/callto:/sip: links, call buttons next to a phone field, and Enter in
 * a dialler field. Installed on the window in the capture phase at
 * document_start, so it runs before the page's own handlers. Everything that
 * is not a call to a blocked number passes untouched.
 */
export class DialGuard {
  /** Elements whose next click we re-dispatched ourselves after a dial-time check said "not blocked". */
  private readonly passThrough = new WeakSet<Element>();

  constructor(
    private readonly statuses: NumberStatuses,
    private readonly store: OverlayStore,
    private readonly showOverlay: () => void,
    private readonly onFieldChanged: (field: PhoneField) => void,
    private readonly isEnabled: () => boolean,
    /** Calling hours of the active campaign now. */
    private readonly hours: () => HoursCheck,
    /** Asks the background for the work context again (the cached one ran out). */
    private readonly refreshHours: () => Promise<void>,
  ) {}

  install(signal: AbortSignal): void {
    const opts = { capture: true, signal };
    window.addEventListener('click', (e) => this.onClick(e), opts);
    window.addEventListener('auxclick', (e) => this.onClick(e), opts);
    window.addEventListener('keydown', (e) => this.onKeyDown(e), opts);
    window.addEventListener('input', (e) => this.onInput(e), opts);
    window.addEventListener('change', (e) => this.onInput(e), opts);
    // A page that dials from script (`location.href = 'tel:…'` in a click handler) shows no link to
    // click: the navigation itself is where the call starts, and the Navigation API lets it be cancelled.
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigate', (e) => this.onNavigate(e as NavigateEventLike), { signal });
    // `window.open('tel:…')` opens no navigation in this frame: the main-world hook asks here first.
    window.addEventListener(DIAL_OPEN_EVENT, (e) => this.onWindowOpen(e as CustomEvent<unknown>), opts);
  }

  /** The page called `window.open` with a dial URL (announced by the main-world hook). */
  private onWindowOpen(e: CustomEvent<unknown>): void {
    if (!this.isEnabled() || !e.cancelable || typeof e.detail !== 'string') return;
    let url: unknown;
    let target: unknown;
    try {
      [url, target] = JSON.parse(e.detail) as unknown[];
    } catch {
      return;
    }
    if (typeof url !== 'string' || !isDialHref(url)) return;
    const e164 = numberOfDialHref(url);
    if (!e164) return;
    // Once clear, the call is opened from this world, whose window.open is the browser's own (no hook).
    this.guard(e, this.focusAnchor(), [e164], () => window.open(url, typeof target === 'string' ? target : ''));
  }

  /** Where an alert for a call the page dialled from script is shown: the focused control, or the page. */
  private focusAnchor(): Element {
    const active = document.activeElement;
    return active && active !== document.body ? active : document.documentElement;
  }

  /** A dial navigation we let through ourselves after a dial-time check said "not blocked". */
  private navigationPassThrough: string | null = null;

  private onNavigate(e: NavigateEventLike): void {
    if (!this.isEnabled() || !e.cancelable) return;
    const url = e.destination.url;
    if (!isDialHref(url)) return;
    if (this.navigationPassThrough === url) {
      this.navigationPassThrough = null;
      return;
    }
    const e164 = numberOfDialHref(url);
    if (!e164) return;
    this.guard(e, this.focusAnchor(), [e164], () => {
      this.navigationPassThrough = url;
      location.href = url;
    });
  }

  private stop(e: Event): void {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  private alert(anchor: Element, status: NumberStatus, kind: 'call-stopped' | 'field-blocked'): void {
    this.showOverlay();
    this.store.showAlert(anchor, { kind, status });
  }

  /**
   * Decides a dial attempt. Known statuses decide synchronously; an unknown
   * number is held, checked with the background, and re-dispatched if clear.
   */
  private guard(e: Event, anchor: Element, numbers: string[], retry: () => void): void {
    if (numbers.length === 0) return;
    const blocked = numbers.map((n) => this.statuses.get(n)).find((s) => s?.blocked);
    if (blocked) {
      this.stop(e);
      this.alert(anchor, blocked, 'call-stopped');
      return;
    }
    const hours = this.hours();
    if (hours.kind === 'blocked') {
      this.stop(e);
      this.alertHours(anchor, hours.block);
      return;
    }
    const unknown = numbers.filter((n) => !this.statuses.get(n));
    if (unknown.length === 0 && hours.kind === 'allowed') return;
    // Held until the background answers: the number's status, and the calling hours when ours ran out.
    this.stop(e);
    Promise.all([unknown.length > 0 ? this.statuses.lookupNow(unknown) : Promise.resolve([]), hours.kind === 'unknown' ? this.refreshHours() : undefined])
      .then(([statuses]) => {
        const hit = statuses.find((s) => s.blocked);
        const now = this.hours();
        if (hit) this.alert(anchor, hit, 'call-stopped');
        else if (now.kind === 'blocked') this.alertHours(anchor, now.block);
        // Still no calling hours (the background did not answer): a call is let through only when known to be allowed.
        else if (now.kind === 'unknown') this.alertCheckFailed(anchor);
        else retry();
      })
      .catch(() => {
        // Cannot reach the block list (extension reloading): the call stays stopped, and the agent is told why.
        this.alertCheckFailed(anchor);
      });
  }

  /** Clicks an element again after a dial-time check said "not blocked"; the guard lets that one click pass. */
  private clickThrough(el: Element): void {
    this.passThrough.add(el);
    (el as HTMLElement).click();
  }

  private alertCheckFailed(anchor: Element): void {
    this.showOverlay();
    this.store.showAlert(anchor, { kind: 'check-failed' });
  }

  private alertHours(anchor: Element, hours: CallingBlock): void {
    this.showOverlay();
    this.store.showAlert(anchor, { kind: 'calling-hours', hours });
  }

  private onClick(e: MouseEvent): void {
    if (!this.isEnabled()) return;
    if (e.type === 'auxclick' && e.button !== 1) return;
    const path = e.composedPath();
    for (const target of path) {
      if (!(target instanceof Element)) continue;
      if (target.localName === 'kontaktvern-overlay') return;
      if ((target.localName === 'a' || target.localName === 'area') && target.hasAttribute('href')) {
        const e164 = numberOfLink(target);
        if (!e164) return;
        if (this.passThrough.has(target)) {
          this.passThrough.delete(target);
          return;
        }
        this.guard(e, target, [e164], () => this.clickThrough(target));
        return;
      }
      if (isCallButton(target)) {
        if (this.passThrough.has(target)) {
          this.passThrough.delete(target);
          return;
        }
        // A call button with no number in its fields may still sit inside a dial link: look further out.
        if (this.guardButton(e, target)) return;
      }
    }
  }

  /** Guards a call button by the numbers in its fields; false when it has none. */
  private guardButton(e: Event, button: Element): boolean {
    const perField = fieldsForButton(button).map((field) => ({ field, numbers: numbersInField(field) }));
    const numbers = perField.flatMap((f) => f.numbers);
    if (numbers.length === 0) return false;
    const anchor = perField.find((f) => f.numbers.some((n) => this.statuses.isBlocked(n)))?.field ?? button;
    this.guard(e, anchor, numbers, () => this.clickThrough(button));
    return true;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if ((e.key !== 'Enter' && e.key !== ' ') || !this.isEnabled() || fromOverlay(e)) return;
    const target = e.composedPath()[0];
    if (!(target instanceof Element)) return;
    // An element acting as a call button (`<div role="button">Ring</div>`) gets no click from the
    // browser for Enter or Space: the page dials from its own key handler, so the key is guarded.
    const button = target.closest(BUTTON_SELECTOR);
    if (button && !clicksOnKey(button) && isCallButton(button)) {
      this.guardButton(e, button);
      return;
    }
    if (e.key !== 'Enter') return;
    const callButton = isPhoneField(target) && target instanceof HTMLInputElement ? callButtonFor(target) : null;
    if (callButton) {
      // Once the number is known to be clear, the call goes on through the page's own call button.
      this.guard(e, target, numbersInField(target as PhoneField), () => callButton.click());
      return;
    }
    const link = target.closest('a, area');
    if (link) {
      const e164 = numberOfLink(link);
      if (e164) this.guard(e, link, [e164], () => this.clickThrough(link));
    }
  }

  private onInput(e: Event): void {
    // Kontaktvern's own fields (the card's reason field) are not the page's phone fields.
    if (!this.isEnabled() || fromOverlay(e)) return;
    const target = e.composedPath()[0];
    if (!(target instanceof Element) || !isPhoneField(target)) return;
    this.onFieldChanged(target);
    this.checkField(target);
  }

  /** Shows (or clears) the "blocked number in this field" alert for a field's current value. */
  checkField(field: PhoneField): void {
    const numbers = numbersInField(field);
    const blocked = numbers.map((n) => this.statuses.get(n)).find((s) => s?.blocked);
    if (blocked) {
      this.alert(field, blocked, 'field-blocked');
      return;
    }
    const unknown = numbers.filter((n) => !this.statuses.get(n));
    if (unknown.length === 0) {
      this.store.dismissAlertsFor(field);
      return;
    }
    this.statuses
      .lookupNow(unknown)
      .then(() => {
        // The field may have changed while the background answered: judge what it holds now.
        const current = numbersInField(field).map((n) => this.statuses.get(n));
        const hit = current.find((s) => s?.blocked);
        if (hit) this.alert(field, hit, 'field-blocked');
        else if (current.every((s) => s !== undefined)) this.store.dismissAlertsFor(field);
      })
      .catch(() => {});
  }
}
