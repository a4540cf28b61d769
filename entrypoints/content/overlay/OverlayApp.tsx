import { useEffect, useState } from 'preact/hooks';
import { blockSummary } from '@/components/block-status';
import { BlockSummaryLines } from '@/components/BlockSummaryLines';
import { t } from '@/lib/i18n';
import { formatNational } from '@/lib/phone/detect';
import { NumberCard, type CardActions } from './NumberCard';
import type { OverlayAlert, OverlayState, OverlayStore } from './overlay-store';
import { callingAllowedFrom, callingBlockReason } from '@/components/calling-hours-text';

/** Re-renders on scroll and resize (once per frame) while there is something to place. */
function useViewportTick(active: boolean): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    const onChange = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setTick((n) => n + 1);
      });
    };
    window.addEventListener('scroll', onChange, { capture: true, passive: true });
    window.addEventListener('resize', onChange, { passive: true });
    const timer = setInterval(onChange, 500); // layout shifts that fire no event
    return () => {
      window.removeEventListener('scroll', onChange, { capture: true });
      window.removeEventListener('resize', onChange);
      clearInterval(timer);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [active]);
  return tick;
}

function isOnScreen(rect: DOMRect): boolean {
  return rect.width + rect.height > 0 && rect.bottom >= 0 && rect.right >= 0 && rect.top <= innerHeight && rect.left <= innerWidth;
}

function alertTitle(alert: OverlayAlert): string {
  switch (alert.kind) {
    case 'call-stopped':
      return t('alertCallStopped', formatNational(alert.status!.e164));
    case 'field-blocked':
      return t('alertFieldBlocked', formatNational(alert.status!.e164));
    case 'no-number':
      return t('alertNoNumber');
    case 'info':
      return alert.text ?? '';
    case 'calling-hours':
      return t('hoursCallStopped');
    case 'check-failed':
      return t('alertCheckFailed');
  }
}

function Alert({ alert, onClose, clientNames }: { alert: OverlayAlert; onClose: () => void; clientNames: ReadonlyMap<string, string> }) {
  const rect = alert.anchor.getBoundingClientRect();
  const summary = alert.status ? blockSummary(alert.status, clientNames) : null;
  const top = Math.min(Math.max(8, rect.bottom + 6), innerHeight - 140);
  const left = Math.max(8, Math.min(Math.max(8, rect.left), innerWidth - 388));
  return (
    <div class={`alert ${alert.kind}`} role={alert.kind === 'info' ? 'status' : 'alert'} style={{ top: `${top}px`, left: `${left}px` }} data-e164={alert.status?.e164}>
      <h2>{alertTitle(alert)}</h2>
      {alert.kind === 'no-number' && <p class="muted">{t('alertNoNumberDetail', (alert.text ?? '').slice(0, 80))}</p>}
      {alert.kind === 'check-failed' && <p>{t('alertCheckFailedDetail')}</p>}
      {alert.hours && (
        <>
          <p>{callingBlockReason(alert.hours)}</p>
          <p class="muted">{callingAllowedFrom(alert.hours)}</p>
        </>
      )}
      {summary && (
        <BlockSummaryLines summary={summary} />
      )}
      <button type="button" class="close" aria-label={t('actionClose')} title={t('actionClose')} onClick={(e) => e.isTrusted && onClose()}>
        ×
      </button>
    </div>
  );
}

/** Light or dark, after the page behind the overlay (its body background, else its color scheme). */
export function pageTheme(): 'light' | 'dark' {
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const bg = getComputedStyle(el).backgroundColor;
    const m = bg.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110 ? 'dark' : 'light';
    }
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function OverlayApp({ store, cardActions }: { store: OverlayStore; cardActions: CardActions }) {
  const [state, setState] = useState<OverlayState>(store.current);
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  useEffect(() => {
    // The overlay is created on demand, often right before the state it must show: catch up first.
    setState(store.current);
    return store.subscribe(setState);
  }, [store]);
  useViewportTick(state.alerts.length + state.fields.length + state.outline.length > 0 || state.card !== null);
  const cardOpen = state.card !== null;

  useEffect(() => {
    if (cardOpen || state.alerts.length > 0) setTheme(pageTheme());
  }, [cardOpen, state.alerts.length]);

  useEffect(() => {
    if (state.alerts.length === 0 && !cardOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !e.isTrusted) return;
      if (store.current.card) cardActions.close();
      else for (const a of store.current.alerts) store.dismissAlert(a.id);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [state.alerts.length, cardOpen, store, cardActions]);

  return (
    <div class="layer" data-theme={theme}>
      {state.fields.map(({ field, blocked }, i) => {
        const rect = field.getBoundingClientRect();
        if (!isOnScreen(rect)) return null;
        return (
          <div
            key={i}
            class={`field-box ${blocked ? 'blocked' : 'detected'}`}
            style={{ top: `${rect.top}px`, left: `${rect.left}px`, width: `${rect.width}px`, height: `${rect.height}px` }}
          />
        );
      })}
      {state.outline.map((el, i) => {
        const rect = el.getBoundingClientRect();
        if (!isOnScreen(rect)) return null;
        return (
          <div
            key={`o${i}`}
            class="field-outline"
            style={{ top: `${rect.top - 3}px`, left: `${rect.left - 3}px`, width: `${rect.width + 6}px`, height: `${rect.height + 6}px` }}
          />
        );
      })}
      {state.alerts.map((alert) => (
        <Alert key={alert.id} alert={alert} onClose={() => store.dismissAlert(alert.id)} clientNames={store.clientNames} />
      ))}
      {state.card && <NumberCard card={state.card} actions={cardActions} clientName={state.clientName} clientNames={store.clientNames} hours={state.hours} register={state.register} />}
    </div>
  );
}
