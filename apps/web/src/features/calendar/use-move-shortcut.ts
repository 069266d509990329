import { type RefObject, useEffect } from 'react';

/** Shift+M, the context-menu key or Shift+F10 on a focused calendar card. */
export const isMoveKey = (e: KeyboardEvent) =>
  !e.altKey &&
  !e.ctrlKey &&
  !e.metaKey &&
  ((e.shiftKey && (e.key === 'M' || e.key === 'F10')) || e.key === 'ContextMenu');

/**
 * Calls onMove with the focused card's event id. Listens on the calendar's own container, which the
 * key reaches before the window-wide view shortcuts (M = month), and marks the key as handled.
 */
export function useMoveShortcut(container: RefObject<HTMLElement | null>, onMove: (eventId: string) => void) {
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isMoveKey(e) || !(e.target instanceof HTMLElement)) return;
      const card = e.target.closest('.fc-event')?.querySelector<HTMLElement>('.cad-card[data-event-id]');
      const eventId = card?.dataset.eventId;
      if (!eventId) return;
      e.preventDefault();
      onMove(eventId);
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [container, onMove]);
}
