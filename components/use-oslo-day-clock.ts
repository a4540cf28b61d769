import { useEffect, useState } from 'preact/hooks';
import { CLOCK_TICK_MS, nextDayClock } from '@/lib/call-log/live-day';

/**
 * An instant of the current Europe/Oslo day that changes only when the day
 * does (checked every minute, and at once when the page becomes visible or
 * focused again: background pages' timers may be throttled). Use it as "now"
 * for day-based ranges and as a dependency of live queries over them.
 */
export function useOsloDayClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow((previous) => nextDayClock(previous, Date.now()));
    const timer = setInterval(tick, CLOCK_TICK_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', tick);
    };
  }, []);
  return now;
}
