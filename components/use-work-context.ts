import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackgroundEvent, type EventEnvelope, PageRequest, type WorkContext } from '@/lib/messages';
import { askBackground } from './ask-background';

const REFRESH_MS = 15_000;

/**
 * The work context (active campaign, calling hours) as the background sees
 * it: asked on mount, when the background announces a change, and every few
 * seconds (calling hours change with the clock).
 */
export function useWorkContext(): { context: WorkContext | null; refresh: () => void } {
  const [context, setContext] = useState<WorkContext | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    void askBackground(PageRequest.Context, {})
      .then((c) => alive && c && setContext(c))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [tick]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    const onMessage = (message: unknown) => {
      const event = message as EventEnvelope | undefined;
      if (event?.type === BackgroundEvent.ContextChanged) setContext((event as EventEnvelope<BackgroundEvent.ContextChanged>).payload);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      clearInterval(timer);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);
  return { context, refresh: () => setTick((n) => n + 1) };
}
