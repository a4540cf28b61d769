import type { NumberStatus } from '@/lib/messages';
import type { PhoneField } from '../page-marks';

export interface OverlayAlert {
  id: number;
  /** The element the alert is placed next to. */
  anchor: Element;
  status: NumberStatus;
  kind: 'call-stopped' | 'field-blocked';
}

export interface FieldBox {
  field: PhoneField;
  blocked: boolean;
}

export interface OverlayState {
  alerts: OverlayAlert[];
  fields: FieldBox[];
}

type Listener = (state: OverlayState) => void;

/** Tiny observable state shared by the content script and the overlay UI. */
export class OverlayStore {
  private state: OverlayState = { alerts: [], fields: [] };
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  get current(): OverlayState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: OverlayState): void {
    this.state = next;
    for (const l of this.listeners) l(next);
  }

  /** Shows an alert for an element, replacing an earlier alert on the same element. */
  showAlert(anchor: Element, status: NumberStatus, kind: OverlayAlert['kind']): number {
    const id = this.nextId++;
    const alerts = this.state.alerts.filter((a) => a.anchor !== anchor).concat({ id, anchor, status, kind });
    this.set({ ...this.state, alerts: alerts.slice(-3) });
    return id;
  }

  dismissAlert(id: number): void {
    this.set({ ...this.state, alerts: this.state.alerts.filter((a) => a.id !== id) });
  }

  dismissAlertsFor(anchor: Element): void {
    if (!this.state.alerts.some((a) => a.anchor === anchor)) return;
    this.set({ ...this.state, alerts: this.state.alerts.filter((a) => a.anchor !== anchor) });
  }

  setFields(fields: FieldBox[]): void {
    const same =
      fields.length === this.state.fields.length &&
      fields.every((f, i) => f.field === this.state.fields[i]?.field && f.blocked === this.state.fields[i]?.blocked);
    if (!same) this.set({ ...this.state, fields });
  }

  clear(): void {
    this.set({ alerts: [], fields: [] });
  }

  get isEmpty(): boolean {
    return this.state.alerts.length === 0 && this.state.fields.length === 0;
  }
}
