import type { NumberStatus, RegisterState } from '@/lib/messages';
import type { PhoneField } from '../page-marks';
import type { CallingBlock } from '../work-context-cache';

/** Something on the page an overlay item is placed next to. */
export type Anchor = Element | Range;

export interface OverlayAlert {
  id: number;
  anchor: Anchor;
  /** 'check-failed': a call held for a check that could not be made (block list or calling hours unreachable) stays stopped. */
  kind: 'call-stopped' | 'field-blocked' | 'no-number' | 'info' | 'calling-hours' | 'check-failed';
  status?: NumberStatus;
  /** For 'calling-hours': why calling is not allowed now. */
  hours?: CallingBlock;
  /** For 'no-number': the text that held no number; for 'info': the message. */
  text?: string;
}

export interface FieldBox {
  field: PhoneField;
  blocked: boolean;
}

export interface CardState {
  e164: string;
  anchor: Anchor;
  status: NumberStatus | undefined;
  /** Move keyboard focus into the card (opened by click, shortcut or menu, not by hover). */
  focus: boolean;
  /** Element to give focus back to when the card closes. */
  returnFocus: Element | null;
  busy: boolean;
  error: string | null;
  copied: boolean;
}

export interface OverlayState {
  alerts: OverlayAlert[];
  fields: FieldBox[];
  card: CardState | null;
  /** The national register's state, for the card's freshness warning. */
  register: RegisterState | undefined;
  /** Calling is not allowed now (the card says so), or null. */
  hours: CallingBlock | null;
  /** The active campaign's client, for the card's "this client" scope; null without a campaign. */
  clientName: string | null;
  /** Its id: a block for one client shows that client's name (only its entries apply while it is active). */
  clientId: string | null;
  /** Page elements outlined because the agent hovers their field in the side panel. */
  outline: Element[];
}

type Listener = (state: OverlayState) => void;

/** Tiny observable state shared by the content script and the overlay UI. */
export class OverlayStore {
  private state: OverlayState = { alerts: [], fields: [], card: null, register: undefined, hours: null, clientName: null, clientId: null, outline: [] };
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

  /** Shows an alert next to an anchor, replacing an earlier alert on the same anchor. */
  showAlert(anchor: Anchor, alert: Omit<OverlayAlert, 'id' | 'anchor'>): number {
    const id = this.nextId++;
    const alerts = this.state.alerts.filter((a) => a.anchor !== anchor).concat({ ...alert, id, anchor });
    this.set({ ...this.state, alerts: alerts.slice(-3) });
    return id;
  }

  dismissAlert(id: number): void {
    this.set({ ...this.state, alerts: this.state.alerts.filter((a) => a.id !== id) });
  }

  dismissAlertsFor(anchor: Anchor): void {
    if (!this.state.alerts.some((a) => a.anchor === anchor)) return;
    this.set({ ...this.state, alerts: this.state.alerts.filter((a) => a.anchor !== anchor) });
  }

  /** Replaces the status shown in alerts and the card (after the block list changed). */
  updateStatuses(get: (e164: string) => NumberStatus | undefined): void {
    const alerts = this.state.alerts
      .map((a) => (a.status ? { ...a, status: get(a.status.e164) ?? a.status } : a))
      .filter((a) => !a.status || a.status.blocked);
    const card = this.state.card ? { ...this.state.card, status: get(this.state.card.e164) ?? this.state.card.status } : null;
    this.set({ ...this.state, alerts, card });
  }

  setWork(hours: CallingBlock | null, client: { id: string; name: string } | null): void {
    const clientName = client?.name ?? null;
    const clientId = client?.id ?? null;
    if (hours === this.state.hours && clientName === this.state.clientName && clientId === this.state.clientId) return;
    this.set({ ...this.state, hours, clientName, clientId });
  }

  /** Client id → name for what the overlay can know: the active campaign's client. */
  get clientNames(): ReadonlyMap<string, string> {
    const { clientId, clientName } = this.state;
    return new Map(clientId && clientName ? [[clientId, clientName]] : []);
  }

  setOutline(elements: Element[]): void {
    if (elements.length === 0 && this.state.outline.length === 0) return;
    this.set({ ...this.state, outline: elements });
  }

  setFields(fields: FieldBox[]): void {
    const same =
      fields.length === this.state.fields.length &&
      fields.every((f, i) => f.field === this.state.fields[i]?.field && f.blocked === this.state.fields[i]?.blocked);
    if (!same) this.set({ ...this.state, fields });
  }

  openCard(card: Pick<CardState, 'e164' | 'anchor' | 'status' | 'focus' | 'returnFocus'>): void {
    this.set({ ...this.state, card: { ...card, busy: false, error: null, copied: false } });
  }

  patchCard(patch: Partial<CardState>): void {
    if (!this.state.card) return;
    this.set({ ...this.state, card: { ...this.state.card, ...patch } });
  }

  closeCard(): void {
    if (this.state.card) this.set({ ...this.state, card: null });
  }

  setRegister(register: RegisterState): void {
    this.set({ ...this.state, register });
  }

  clear(): void {
    this.set({ ...this.state, alerts: [], fields: [], card: null, outline: [] });
  }

  get isEmpty(): boolean {
    return this.state.alerts.length === 0 && this.state.fields.length === 0 && !this.state.card && this.state.outline.length === 0;
  }
}
