// The "inbox.hide" job: brings the network in line with what the team asked for an item (hidden
// under our post or shown; packages/domain/src/inbox/hide-rules.ts), through the shape it shares
// with the like job (item-action-job.ts). The adapter's hide sets a state, so calling it again is
// harmless. After the call it records what the network has: what it acted on, whatever the team
// asked since.
import { inboxItems } from '@cadence/db';
import { enqueueHideJob, HIDE_MAX_ATTEMPTS } from '@cadence/domain/inbox/hide-item';
import { hiddenOnNetwork, hideWanted } from '@cadence/domain/inbox/hide-rules';
import type { InboxAdapter } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { type ItemActionDeps, runItemAction } from './item-action-job';

export type HideOutcome = 'hidden' | 'shown' | 'skipped' | 'failed';

export function applyInboxHide(
  deps: ItemActionDeps,
  itemId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<HideOutcome> {
  return runItemAction(
    deps,
    {
      errorColumn: 'hideError',
      settled: (item) => hideWanted(item) === hiddenOnNetwork(item),
      maxAttempts: HIDE_MAX_ATTEMPTS,
      unsupported: 'Cadence cannot hide messages on this network',
      calls: (inbox: InboxAdapter) => inbox.hide?.bind(inbox),
      async run(hide, call, item, callSignal) {
        const hidden = hideWanted(item);
        await hide({ ...call, hidden }, callSignal);
        const at = deps.clock();
        await deps.db
          .update(inboxItems)
          .set({ hiddenAt: hidden ? at : null, updatedAt: at })
          .where(eq(inboxItems.id, item.id));
        return hidden ? 'hidden' : 'shown';
      },
      enqueueAgain: enqueueHideJob,
    },
    itemId,
    attempt,
    signal,
  );
}
