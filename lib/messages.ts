import type { CallingHoursState } from './calling-hours/calling-hours';
import type { BlockSource, CampaignType } from './db';
import type { PersonalDataKind } from './page-fields/personal-data';

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

/** The campaign the agent works on and whether calling is allowed now; every view shows and obeys the same. */
export interface WorkContext {
  campaign: {
    id: string;
    name: string;
    type: CampaignType;
    clientId: string;
    clientName: string;
    /** The client has a data processing agreement on record. */
    hasAgreement: boolean;
    optOutScope: 'client' | 'all';
  } | null;
  /** Calling hours now: for the campaign's type; with campaigns set up but none chosen, the consumer rules ('default'); before any set-up, none. */
  hours: CallingHoursState;
  hoursFrom: 'campaign' | 'default' | 'none';
  /** The background's clock when this was computed: views measure `until`/`allowedFrom` against it. */
  now: number;
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
  /** The work context (active campaign, calling hours). */
  Context = 'content:context',
}

/** Why an agent blocks from the card: the customer asked, or another reason written out. */
export type CardBlockKind = 'opt-out' | 'other';

export type BlockResult = { ok: true; status: NumberStatus } | { ok: false; error: 'agent-name-required' | 'reason-required' | 'no-active-client' | 'failed' };

/** Extension pages (block list, popup, side panel, options) → background. */
export enum PageRequest {
  BlocklistChanged = 'page:blocklist-changed',
  Lookup = 'page:lookup',
  TabCounts = 'page:tab-counts',
  Context = 'page:context',
  /** The set-up or the active campaign changed: every tab gets the new work context. */
  ContextChanged = 'page:context-changed',
  /** The web page the side panel works beside (the active http(s) tab, or the last one). */
  PageTab = 'page:page-tab',
}

/** Side panel → the content script of the CRM page beside it. */
export enum PanelRequest {
  /** Find the active campaign's catalogued fields on the page, and undocumented personal-data fields. */
  FindFields = 'panel:find-fields',
  /** Outline one found field on the page (null: none). */
  HighlightField = 'panel:highlight-field',
}

/** Background → content scripts. */
export enum BackgroundEvent {
  BlocklistChanged = 'bg:blocklist-changed',
  /** Open the number card for a number chosen through the context menu (or say the selection holds none). */
  OpenCard = 'bg:open-card',
  /** Keyboard shortcut: open the card for the next blocked number on the page. */
  NextBlocked = 'bg:next-blocked',
  ContextChanged = 'bg:context-changed',
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
  [ContentRequest.Context]: { payload: Record<string, never>; response: WorkContext };
  [PageRequest.Context]: { payload: Record<string, never>; response: WorkContext };
  [PageRequest.ContextChanged]: { payload: Record<string, never>; response: { ok: true } };
  [PageRequest.PageTab]: { payload: Record<string, never>; response: { tabId: number | null; url: string | null } };
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
  [BackgroundEvent.ContextChanged]: WorkContext;
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
    case ContentRequest.Context:
    case PageRequest.Context:
    case PageRequest.ContextChanged:
    case PageRequest.PageTab:
    case PageRequest.BlocklistChanged:
      return message as unknown as Envelope;
    case PageRequest.TabCounts:
      return typeof p.tabId === 'number' && Number.isInteger(p.tabId) ? (message as unknown as Envelope) : null;
    default:
      return null;
  }
}

/** A catalogued field the content script looks for on the page. */
export interface CatalogRef {
  id: string;
  label: string;
  selector: string;
}

/** One field found on the page: a catalogued one, or personal data without a catalogue entry. Never its value. */
export interface PageFieldHit {
  /** Stable for one page scan; used to outline the field. */
  key: string;
  catalogId: string | null;
  label: string;
  /** Personal-data kind guessed from the label (or value shape), null when not personal. */
  kind: PersonalDataKind | null;
  via: 'label' | 'selector';
  count: number;
}

export interface PageFieldsResult {
  found: PageFieldHit[];
  /** Catalogue ids not on this page. */
  missing: string[];
  undocumented: PageFieldHit[];
}

export interface PanelRequestMap {
  [PanelRequest.FindFields]: { payload: { fields: CatalogRef[] }; response: PageFieldsResult };
  [PanelRequest.HighlightField]: { payload: { key: string | null }; response: { ok: boolean } };
}

export interface PanelEnvelope<T extends PanelRequest = PanelRequest> {
  type: T;
  payload: PanelRequestMap[T]['payload'];
}

const MAX_CATALOG_FIELDS = 500;

function isCatalogRef(value: unknown): value is CatalogRef {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    value.id.length <= 100 &&
    typeof value.label === 'string' &&
    value.label.length <= 200 &&
    typeof value.selector === 'string' &&
    value.selector.length <= 500
  );
}

/** Validates a side-panel request arriving in a content script; null for anything malformed. */
export function parsePanelEnvelope(message: unknown): PanelEnvelope | null {
  if (!isRecord(message) || typeof message.type !== 'string' || !isRecord(message.payload)) return null;
  const p = message.payload;
  switch (message.type) {
    case PanelRequest.FindFields:
      return Array.isArray(p.fields) && p.fields.length <= MAX_CATALOG_FIELDS && p.fields.every(isCatalogRef) ? (message as unknown as PanelEnvelope) : null;
    case PanelRequest.HighlightField:
      return p.key === null || (typeof p.key === 'string' && p.key.length <= 100) ? (message as unknown as PanelEnvelope) : null;
    default:
      return null;
  }
}
