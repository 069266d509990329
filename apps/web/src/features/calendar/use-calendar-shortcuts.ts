import { useEffect } from 'react';
import type { CalendarView } from './calendar-url';

type Action = 'prev' | 'next' | 'today' | CalendarView;

const KEYS: Record<string, Action> = {
  t: 'today',
  m: 'month',
  w: 'week',
  d: 'day',
  l: 'list',
  ArrowLeft: 'prev',
  ArrowRight: 'next',
};

/** T today, M/W/D/L views, ←/→ previous/next; ignored while typing or with a modifier held. */
export function useCalendarShortcuts(onAction: (action: Action) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (
        target?.closest('input, textarea, select, [contenteditable="true"], [role="menu"], [role="dialog"]')
      )
        return;
      const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (!action) return;
      event.preventDefault();
      onAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onAction]);
}
