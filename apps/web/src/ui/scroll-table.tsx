// Shared by every screen with a table wider than a phone (reports, campaigns, API tokens...).
import type { ReactNode } from 'react';

/** A table that may scroll sideways on a phone: the keyboard reaches it too. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to scroll by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
