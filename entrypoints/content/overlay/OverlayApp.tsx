import { useEffect, useState } from 'preact/hooks';
import { blockSummary } from '@/components/block-status';
import { t } from '@/lib/i18n';
import { formatNational } from '@/lib/phone/detect';
import type { OverlayAlert, OverlayState, OverlayStore } from './overlay-store';

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

function Alert({ alert, onClose }: { alert: OverlayAlert; onClose: () => void }) {
  const rect = alert.anchor.getBoundingClientRect();
  const summary = blockSummary(alert.status);
  const national = formatNational(alert.status.e164);
  const top = Math.min(Math.max(8, rect.bottom + 6), innerHeight - 140);
  const left = Math.min(Math.max(8, rect.left), innerWidth - 388);
  const title = alert.kind === 'call-stopped' ? t('alertCallStopped', national) : t('alertFieldBlocked', national);
  return (
    <div class="alert" role="alert" style={{ top: `${top}px`, left: `${Math.max(8, left)}px` }} data-e164={alert.status.e164}>
      <h2>{title}</h2>
      {summary && (
        <>
          <p>
            <strong>{summary.source}</strong> — {summary.reason}
          </p>
          <p class="muted">
            {summary.since} · {summary.scope}
          </p>
        </>
      )}
      <button type="button" class="close" aria-label={t('actionClose')} title={t('actionClose')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

export function OverlayApp({ store }: { store: OverlayStore }) {
  const [state, setState] = useState<OverlayState>(store.current);
  useEffect(() => store.subscribe(setState), [store]);
  useViewportTick(state.alerts.length + state.fields.length > 0);

  useEffect(() => {
    if (state.alerts.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && e.isTrusted) for (const a of state.alerts) store.dismissAlert(a.id);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [state.alerts, store]);

  return (
    <div class="layer">
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
      {state.alerts.map((alert) => (
        <Alert key={alert.id} alert={alert} onClose={() => store.dismissAlert(alert.id)} />
      ))}
    </div>
  );
}
