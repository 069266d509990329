// Autosave: the composer saves a draft on the server by itself a couple of seconds after typing
// pauses, and at least every few seconds while typing goes on, so nothing typed is lost to a closed
// tab or a navigation. Leaving the composer with unsaved changes saves them on the way out. Only
// drafts autosave: an edit to an approved or scheduled post sends it back to review, which a
// person must choose (the composer warns before leaving such work instead).
import { useEffect, useRef } from 'react';

export const QUIET_MS = 2_000;
export const MAX_WAIT_MS = 6_000;

/** How long to wait before saving: after a pause in typing, but never longer than MAX_WAIT_MS. */
export function autosaveDelay(firstChangeAt: number, lastChangeAt: number, now: number): number {
  const afterPause = lastChangeAt + QUIET_MS;
  const atTheLatest = firstChangeAt + MAX_WAIT_MS;
  return Math.max(0, Math.min(afterPause, atTheLatest) - now);
}

interface AutosaveOptions {
  /** Whether this post may be saved without asking (a draft with at least one channel). */
  enabled: boolean;
  dirty: boolean;
  /** Changes whenever the content does (the draft and the date, serialised). */
  contentKey: string;
  save: () => Promise<void>;
}

export function useAutosave({ enabled, dirty, contentKey, save }: AutosaveOptions) {
  const firstChange = useRef<number | null>(null);
  const lastChange = useRef(0);
  const inFlight = useRef(false);
  const latest = useRef({ enabled, dirty, save });
  latest.current = { enabled, dirty, save };

  // biome-ignore lint/correctness/useExhaustiveDependencies: contentKey stands for the content, each change restarts the wait
  useEffect(() => {
    if (!enabled || !dirty) {
      firstChange.current = null;
      return;
    }
    const now = Date.now();
    firstChange.current ??= now;
    lastChange.current = now;
    let timer: ReturnType<typeof setTimeout>;
    const fire = () => {
      // One save at a time; the change that arrives meanwhile is picked up by the next run.
      if (inFlight.current) {
        timer = setTimeout(fire, 500);
        return;
      }
      inFlight.current = true;
      firstChange.current = null;
      void latest.current.save().finally(() => {
        inFlight.current = false;
      });
    };
    timer = setTimeout(fire, autosaveDelay(firstChange.current, lastChange.current, now));
    return () => clearTimeout(timer);
  }, [enabled, dirty, contentKey]);

  // Leaving the composer (a link, Back): save what is pending on the way out.
  useEffect(
    () => () => {
      const { enabled: on, dirty: pending, save: run } = latest.current;
      if (on && pending && !inFlight.current) void run();
    },
    [],
  );
}
