// Whether a CSS media query matches, kept current as the window resizes. The phone breakpoint is
// the one styles.css uses, so what the code decides (list view, drafts as a sheet, the nav menu)
// matches what the styles show.
import { useCallback, useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 720px)';

/** jsdom (unit tests) has no matchMedia: it counts as a desktop. */
export const matchesNow = (query: string) =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia(query).matches;

function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => matchesNow(query),
    () => false,
  );
}

export const useIsPhone = () => useMediaQuery(PHONE_QUERY);
