// Fires claimed targets at their instant with ordinary timers (one per distinct instant), so a
// post leaves on its second rather than at the next poll. Targets already due fire at once, in
// one batch per turn of the event loop.
export interface InstantTimers<T> {
  schedule(target: T): void;
  /** Stops every pending timer and returns the targets that never fired. */
  cancelAll(): T[];
  pending(): number;
}

export function createInstantTimers<T>(
  clock: () => Date,
  instantOf: (target: T) => number,
  onDue: (targets: T[]) => void,
): InstantTimers<T> {
  const byInstant = new Map<number, { timer: NodeJS.Timeout; targets: T[] }>();
  let dueNow: T[] = [];
  let flushQueued = false;

  const flush = () => {
    flushQueued = false;
    const batch = dueNow;
    dueNow = [];
    if (batch.length) onDue(batch);
  };

  const arm = (instant: number) => {
    const delay = instant - clock().getTime();
    return setTimeout(
      () => {
        const slot = byInstant.get(instant);
        if (!slot) return;
        // Timers may fire a millisecond early; a post must not leave before its second.
        if (clock().getTime() < instant) {
          slot.timer = arm(instant);
          return;
        }
        byInstant.delete(instant);
        onDue(slot.targets);
      },
      Math.max(delay, 0),
    );
  };

  return {
    schedule(target) {
      const instant = instantOf(target);
      if (instant <= clock().getTime()) {
        dueNow.push(target);
        if (!flushQueued) {
          flushQueued = true;
          setImmediate(flush);
        }
        return;
      }
      const slot = byInstant.get(instant);
      if (slot) slot.targets.push(target);
      else byInstant.set(instant, { timer: arm(instant), targets: [target] });
    },
    cancelAll() {
      const left = [...dueNow];
      dueNow = [];
      for (const slot of byInstant.values()) {
        clearTimeout(slot.timer);
        left.push(...slot.targets);
      }
      byInstant.clear();
      return left;
    },
    pending: () => dueNow.length + [...byInstant.values()].reduce((n, s) => n + s.targets.length, 0),
  };
}
