import { useEffect, useRef, useState } from 'preact/hooks';
import { blockSummary } from '@/components/block-status';
import { BlockSummaryLines } from '@/components/BlockSummaryLines';
import { formatDate } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import type { CardBlockKind, RegisterState } from '@/lib/messages';
import { formatNational } from '@/lib/phone/detect';
import type { CardState } from './overlay-store';
import { placeNextTo } from '@/lib/placement';
import { callingAllowedFrom, callingBlockReason } from '@/components/calling-hours-text';
import type { CallingBlock } from '../work-context-cache';

export interface CardActions {
  block: (kind: CardBlockKind, reason: string, scope: 'all' | 'client') => void;
  copy: () => void;
  openSidePanel: () => void;
  close: () => void;
}

/**
 * The number card: status and actions for one number, next to it. Only
 * trusted events (a real person in Kontaktvern's own UI) can act.
 */
/** The register warning an agent must see before calling: missing, or stale (with its date). */
function registerWarning(register: RegisterState | undefined): string | null {
  if (!register || register.state === 'fresh') return null;
  if (register.state === 'missing' || !register.snapshotDate) return t('cardRegisterMissing');
  const [y, m, d] = register.snapshotDate.split('-').map(Number);
  return t('cardRegisterStale', formatDate(Date.UTC(y!, m! - 1, d!, 12), uiLocale()));
}

export function NumberCard({
  card,
  actions,
  clientName,
  clientNames,
  hours,
  register,
}: {
  card: CardState;
  actions: CardActions;
  /** The active campaign's client (scope "this client"), or null. */
  clientName: string | null;
  /** Client id → name, for the scope of a block that applies to one client. */
  clientNames: ReadonlyMap<string, string>;
  /** Calling is not allowed now, or null. */
  hours: CallingBlock | null;
  register: RegisterState | undefined;
}) {
  const warning = registerWarning(register);
  const ref = useRef<HTMLDivElement>(null);
  const [scope, setScope] = useState<'all' | 'client'>('all');
  const [otherOpen, setOtherOpen] = useState(false);
  const [otherReason, setOtherReason] = useState('');
  const [size, setSize] = useState({ width: 340, height: 260 });
  const status = card.status;
  const summary = status ? blockSummary(status, clientNames) : null;
  const rect = card.anchor.getBoundingClientRect();
  const pos = placeNextTo(rect, size, { width: innerWidth, height: innerHeight });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (Math.abs(r.height - size.height) > 1 || Math.abs(r.width - size.width) > 1) setSize({ width: r.width, height: r.height });
  });

  useEffect(() => {
    if (card.focus) ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [card.e164, card.focus]);

  // Blocking removes the focused button: keep keyboard focus in the card.
  const blocked = status?.blocked === true;
  useEffect(() => {
    const root = ref.current?.getRootNode() as ShadowRoot | undefined;
    const active = root?.activeElement ?? null;
    if (blocked && (card.focus || active) && (!active || !ref.current?.contains(active))) {
      ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }, [blocked]);

  const trusted = (e: Event) => e.isTrusted;
  const titleId = 'kv-card-title';

  return (
    <div
      ref={ref}
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-e164={card.e164}
      data-status={status ? (status.blocked ? 'blocked' : 'clear') : 'unknown'}
      style={{ top: `${pos.top}px`, left: `${pos.left}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.isTrusted) {
          e.stopPropagation();
          actions.close();
        }
      }}
    >
      <div class="card-head">
        <h2 id={titleId} class="number" tabIndex={-1}>
          {formatNational(card.e164)}
        </h2>
        <span class="e164">{card.e164}</span>
      </div>
      {!status && <p class="status unknown">{t('cardChecking')}</p>}
      {status && !status.blocked && <p class="status clear">{t('cardNotBlocked')}</p>}
      {summary && (
        <div class="status blocked" role="status">
          <p class="status-title">{t('cardBlocked')}</p>
          <BlockSummaryLines summary={summary} />
        </div>
      )}
      {hours && (
        <div class="hours-warning" role="status">
          <p class="status-title">{t('hoursNotAllowed')}</p>
          <p>{callingBlockReason(hours)}</p>
          <p class="muted">{callingAllowedFrom(hours)}</p>
        </div>
      )}
      {warning && (
        <p class="register-warning" role="status">
          {warning}
        </p>
      )}
      {card.error && (
        <p class="error" role="alert">
          {card.error}
        </p>
      )}
      {status && !status.blocked && (
        <div class="actions">
          <fieldset class="scope">
            <legend>{t('cardScope')}</legend>
            <label>
              <input type="radio" name="kv-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('scopeAllClients')}
            </label>
            <label title={clientName ? '' : t('cardNoActiveClient')}>
              <input type="radio" name="kv-scope" checked={scope === 'client'} disabled={!clientName} onChange={() => setScope('client')} />{' '}
              {clientName ? t('cardScopeClientNamed', clientName) : t('cardScopeThisClient')}
            </label>
          </fieldset>
          <button
            type="button"
            class="primary"
            data-autofocus
            disabled={card.busy}
            onClick={(e) => trusted(e) && actions.block('opt-out', '', scope)}
          >
            {t('cardBlockOptOut')}
          </button>
          {!otherOpen ? (
            <button type="button" disabled={card.busy} onClick={(e) => trusted(e) && setOtherOpen(true)}>
              {t('cardBlockOther')}
            </button>
          ) : (
            <form
              class="other"
              onSubmit={(e) => {
                // Never act on `submit`: Chromium marks a script's requestSubmit() as trusted.
                e.preventDefault();
              }}
            >
              <label for="kv-other-reason">{t('cardOtherReasonLabel')}</label>
              <input
                id="kv-other-reason"
                value={otherReason}
                maxLength={500}
                onInput={(e) => {
                  if (e.isTrusted) setOtherReason(e.currentTarget.value);
                  else e.currentTarget.value = otherReason;
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.isTrusted && otherReason.trim() && !card.busy) actions.block('other', otherReason, scope);
                }}
                autoFocus
              />
              <button
                type="button"
                class="primary"
                disabled={card.busy || !otherReason.trim()}
                onClick={(e) => trusted(e) && actions.block('other', otherReason, scope)}
              >
                {t('cardBlockOtherConfirm')}
              </button>
            </form>
          )}
        </div>
      )}
      <div class="actions secondary">
        <button type="button" data-autofocus={status?.blocked ? true : undefined} onClick={(e) => trusted(e) && actions.copy()}>
          {card.copied ? t('cardCopied') : t('cardCopy')}
        </button>
        <button type="button" onClick={(e) => trusted(e) && actions.openSidePanel()}>
          {t('cardOpenSidePanel')}
        </button>
        <button type="button" class="close" aria-label={t('actionClose')} title={t('actionClose')} onClick={(e) => trusted(e) && actions.close()}>
          ×
        </button>
      </div>
    </div>
  );
}
