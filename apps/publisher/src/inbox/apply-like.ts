// The "inbox.like" job: brings the network in line with what the team asked for an item (liked
// or not; packages/domain/src/inbox/like-rules.ts), through the shape it shares with the hide job
// (item-action-job.ts). Both calls are safe to repeat (Mastodon's favourite is a no-op when
// already done; Bluesky's like record has a key derived from the request), so a retry after a
// crash mid-call never likes twice.
import { inboxItems } from '@cadence/db';
import { enqueueLikeJob, LIKE_MAX_ATTEMPTS } from '@cadence/domain/inbox/like-item';
import { likeOnNetwork, likeWanted } from '@cadence/domain/inbox/like-rules';
import type { InboxAdapter } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { type ItemActionDeps, runItemAction } from './item-action-job';

export type LikeOutcome = 'liked' | 'unliked' | 'skipped' | 'failed';

const likeCalls = (inbox: InboxAdapter) =>
  inbox.like && inbox.unlike ? { like: inbox.like.bind(inbox), unlike: inbox.unlike.bind(inbox) } : undefined;

export function applyInboxLike(
  deps: ItemActionDeps,
  itemId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<LikeOutcome> {
  const record = (itemId: string, values: Partial<typeof inboxItems.$inferInsert>) =>
    deps.db
      .update(inboxItems)
      .set({ ...values, updatedAt: deps.clock() })
      .where(eq(inboxItems.id, itemId));
  return runItemAction(
    deps,
    {
      errorColumn: 'likeError',
      settled: (item) => likeWanted(item) === likeOnNetwork(item),
      maxAttempts: LIKE_MAX_ATTEMPTS,
      unsupported: 'Cadence cannot like messages on this network',
      calls: likeCalls,
      async run({ like, unlike }, call, item, callSignal) {
        const wanted = item.likeRequestedAt;
        if (wanted) {
          const liked = await like({ ...call, likeKey: `${item.id}:${wanted.getTime()}` }, callSignal);
          await record(item.id, { likedAt: deps.clock(), likeExternalId: liked.likeExternalId });
          return 'liked';
        }
        await unlike({ ...call, likeExternalId: item.likeExternalId ?? item.externalId }, callSignal);
        await record(item.id, { likedAt: null, likeExternalId: null });
        return 'unliked';
      },
      enqueueAgain: enqueueLikeJob,
    },
    itemId,
    attempt,
    signal,
  );
}
