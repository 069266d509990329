// Lists whose items must differ (channels of a post, labels, pillars, slots). A repeat is reported
// at its own index (body.targets.2.channelId), not on the list as a whole, so a client can show the
// problem next to the input that holds it. Safe for the browser.
import type { z } from 'zod';

export function uniqueItems<T>(
  key: (item: T) => unknown,
  message: string,
  field: readonly PropertyKey[] = [],
) {
  return (items: T[], ctx: z.RefinementCtx<T[]>) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message, path: [index, ...field], input: item });
      seen.add(k);
    });
  };
}
