// When the calendar's hover card opens and closes: ~300 ms after the pointer rests on a card (so a
// glance across the month opens nothing), at once when a card gets keyboard focus, and a little
// after the pointer leaves both the card and the hover card (so it can be reached to click).
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { CalendarItem } from './calendar-queries';
import type { HoverTarget } from './post-hover-card';

const OPEN_DELAY = 300;
const CLOSE_DELAY = 250;

export function useHoverCard(
  box: RefObject<HTMLElement | null>,
  findItem: (eventId: string) => CalendarItem | null,
) {
  const [target, setTarget] = useState<HoverTarget | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  const enter = useCallback(
    (next: HoverTarget) => {
      clear();
      timer.current = setTimeout(() => setTarget(next), OPEN_DELAY);
    },
    [clear],
  );
  const leave = useCallback(() => {
    clear();
    // A confirmation opened from the card (Delete, Cancel) lives inside it: keep the card meanwhile.
    const closeUnlessConfirming = () => {
      if (document.querySelector('.dialog[data-state="open"]')) {
        timer.current = setTimeout(closeUnlessConfirming, CLOSE_DELAY);
      } else setTarget(null);
    };
    timer.current = setTimeout(closeUnlessConfirming, CLOSE_DELAY);
  }, [clear]);
  const close = useCallback(() => {
    clear();
    setTarget(null);
  }, [clear]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onFocusIn = (e: FocusEvent) => {
      const card = (e.target as HTMLElement | null)?.querySelector<HTMLElement>('[data-event-id]');
      const item = card?.dataset.eventId ? findItem(card.dataset.eventId) : null;
      if (!card || !item) return;
      clear();
      setTarget({ item, rect: card.getBoundingClientRect() });
    };
    const onFocusOut = (e: FocusEvent) => {
      if ((e.relatedTarget as HTMLElement | null)?.closest('.hover-card')) return;
      leave();
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    el.addEventListener('focusin', onFocusIn);
    el.addEventListener('focusout', onFocusOut);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('focusin', onFocusIn);
      el.removeEventListener('focusout', onFocusOut);
      el.removeEventListener('keydown', onKey);
    };
  }, [box, findItem, clear, leave, close]);

  useEffect(() => clear, [clear]);
  return { target, enter, leave, stay: clear, close };
}
