// Asks before leaving work that was not saved, for links inside the app as well as for closing
// the tab (the router in library mode has no blocker, so in-app links are caught on click).
import { useEffect } from 'react';

export function useLeaveWarning(active: boolean, question: string) {
  useEffect(() => {
    if (!active) return;
    const onClick = (e: MouseEvent) => {
      const link = (e.target as HTMLElement | null)?.closest('a[href]');
      if (!link || link.getAttribute('target') === '_blank' || e.defaultPrevented) return;
      const url = new URL((link as HTMLAnchorElement).href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    // Capture phase: before the router's own click handler navigates.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [active, question]);
}
