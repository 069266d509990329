import { type Executor, posts, postTargets } from '@cadence/db';
import { and, eq, gte, inArray, lte, ne, notInArray } from 'drizzle-orm';

// The same notion of "committed" as the charter's own look-up (charter/scheduled-on-channels.ts):
// posts approved or further along fill a channel's slots and count for its caps; drafts do not.
const COMMITTED = ['approved', 'scheduled', 'publishing', 'published', 'partially_published'] as const;
const NOT_GOING = ['failed', 'cancelled', 'missed'] as const;

/**
 * The instants (ms) of committed posts on each channel between `from` and `to`, leaving out one
 * post (the one being queued, which must not compete with itself).
 */
export async function listCommitments(
  db: Executor,
  input: { workspaceId: string; channelIds: readonly string[]; from: Date; to: Date; excludePostId?: string },
): Promise<Map<string, number[]>> {
  const byChannel = new Map<string, number[]>(input.channelIds.map((id) => [id, []]));
  if (input.channelIds.length === 0) return byChannel;
  const rows = await db
    .select({ channelId: postTargets.channelId, scheduledAt: postTargets.scheduledAt })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(
      and(
        eq(postTargets.workspaceId, input.workspaceId),
        inArray(postTargets.channelId, [...input.channelIds]),
        gte(postTargets.scheduledAt, input.from),
        lte(postTargets.scheduledAt, input.to),
        inArray(posts.status, [...COMMITTED]),
        notInArray(postTargets.status, [...NOT_GOING]),
        input.excludePostId ? ne(postTargets.postId, input.excludePostId) : undefined,
      ),
    );
  for (const r of rows) if (r.scheduledAt) byChannel.get(r.channelId)?.push(r.scheduledAt.getTime());
  return byChannel;
}
