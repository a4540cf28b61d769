import type { BlockSource } from './db';

/**
 * The one message protocol. Each direction has its own enum; each request type
 * maps to its payload and response. Receivers validate with the guards below.
 */

/** What the background tells a caller about one number. */
export interface NumberStatus {
  e164: string;
  blocked: boolean;
  /** Present when blocked: the most significant entry. */
  entry?: {
    source: BlockSource;
    reason: string;
    scope: string | null;
    addedBy: string;
    since: number;
  };
}

/** The national register's state, sent with every lookup so every view can warn when it is missing or stale. */
export interface RegisterState {
  /** Snapshot date of the active register (YYYY-MM-DD), or null when none was ever imported. */
  snapshotDate: string | null;
  state: 'missing' | 'fresh' | 'stale';
  /** Setting: when the register is missing or stale, unlisted numbers are shown as "unverified" (amber), not "not blocked". */
  markUnverified: boolean;
}

/** Content script → background. */
export enum ContentRequest {
  Lookup = 'content:lookup',
  ReportCounts = 'content:report-counts',
  /** The agent blocked a number from the number card (trusted click inside Kontaktvern's own UI). */
  Block = 'content:block',
  OpenSidePanel = 'content:open-side-panel',
  /** The number the agent last clicked, selected or typed. */
  CurrentNumber = 'content:current-number',
}

/** Why an agent blocks from the card: the customer asked, or another reason written out. */
export type CardBlockKind = 'opt-out' | 'other';

export type BlockResult = { ok: true; status: NumberStatus } | { ok: false; error: 'agent-name-required' | 'reason-required' | 'no-active-client' | 'failed' };

/** Extension pages (block list, popup, side panel, options) → background. */
export enum PageRequest {
  BlocklistChanged = 'page:blocklist-changed',
  Lookup = 'page:lookup',
  TabCounts = 'page:tab-counts',
}

/** Background → content scripts. */
export enum BackgroundEvent {
  BlocklistChanged = 'bg:blocklist-changed',
  /** Open the number card for a number chosen through the context menu (or say the selection holds none). */
  OpenCard = 'bg:open-card',
  /** Keyboard shortcut: open the card for the next blocked number on the page. */
  NextBlocked = 'bg:next-blocked',
}

export interface RequestMap {
  [ContentRequest.Lookup]: { payload: { numbers: string[] }; response: { statuses: NumberStatus[]; register: RegisterState } };
  [ContentRequest.ReportCounts]: { payload: { numbers: number; blocked: number }; response: { ok: true } };
  [ContentRequest.Block]: {
    payload: { e164: string; kind: CardBlockKind; reason: string; scope: 'all' | 'client' };
    response: BlockResult;
  };
  [ContentRequest.OpenSidePanel]: { payload: Record<string, never>; response: { ok: boolean } };
  [ContentRequest.CurrentNumber]: { payload: { e164: string }; response: { ok: true } };
  [PageRequest.BlocklistChanged]: { payload: Record<string, never>; response: { ok: true } };
  [PageRequest.TabCounts]: { payload: { tabId: number }; response: { numbers: number; blocked: number } };
  [PageRequest.Lookup]: { payload: { numbers: string[] }; response: { statuses: NumberStatus[]; register: RegisterState } };
}

export type RequestType = keyof RequestMap;
export type Payload<T extends RequestType> = RequestMap[T]['payload'];
export type Response<T extends RequestType> = RequestMap[T]['response'];

export interface Envelope<T extends RequestType = RequestType> {
  type: T;
  payload: Payload<T>;
}

export interface BackgroundEventMap {
  [BackgroundEvent.BlocklistChanged]: { revision: number };
  [BackgroundEvent.OpenCard]: { e164: string | null; selection: string };
  [BackgroundEvent.NextBlocked]: Record<string, never>;
}

export interface EventEnvelope<T extends BackgroundEvent = BackgroundEvent> {
  type: T;
  payload: BackgroundEventMap[T];
}

const E164 = /^\+[1-9]\d{6,14}$/;
export const MAX_LOOKUP_BATCH = 20_000;

export function isE164(value: unknown): value is string {
  return typeof value === 'string' && E164.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e9;
}

function isNumberList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= MAX_LOOKUP_BATCH && value.every(isE164);
}

/** Validates an incoming message's shape; returns null for anything malformed. */
export function parseEnvelope(message: unknown): Envelope | null {
  if (!isRecord(message) || typeof message.type !== 'string' || !isRecord(message.payload)) return null;
  const p = message.payload;
  switch (message.type) {
    case ContentRequest.Lookup:
    case PageRequest.Lookup:
      return isNumberList(p.numbers) ? (message as unknown as Envelope) : null;
    case ContentRequest.ReportCounts:
      return isCount(p.numbers) && isCount(p.blocked) ? (message as unknown as Envelope) : null;
    case ContentRequest.Block:
      return isE164(p.e164) &&
        (p.kind === 'opt-out' || p.kind === 'other') &&
        typeof p.reason === 'string' &&
        p.reason.length <= 500 &&
        (p.scope === 'all' || p.scope === 'client')
        ? (message as unknown as Envelope)
        : null;
    case ContentRequest.CurrentNumber:
      return isE164(p.e164) ? (message as unknown as Envelope) : null;
    case ContentRequest.OpenSidePanel:
    case PageRequest.BlocklistChanged:
      return message as unknown as Envelope;
    case PageRequest.TabCounts:
      return typeof p.tabId === 'number' && Number.isInteger(p.tabId) ? (message as unknown as Envelope) : null;
    default:
      return null;
  }
}
