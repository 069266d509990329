import { type Executor, posts, postTargets } from '@cadence/db';
import { and, eq, gte, inArray, lte, notInArray } from 'drizzle-orm';
import type { OtherPost } from './check-post';

// Posts that count against a channel's daily, weekly and spacing rules: committed to go out or
// gone. Drafts and posts in review are plans, not yet part of the channel's rhythm.
const COMMITTED = ['approved', 'scheduled', 'publishing', 'published', 'partially_published'] as const;
const NOT_GOING = ['failed', 'cancelled', 'missed'] as const;

// The widest schedule rule looks one ISO week (or 10,080 minutes of spacing) either side.
export const REACH_MS = 8 * 24 * 60 * 60 * 1000;

/**
 * The committed posts on these channels within reach of the instants (one for a single schedule,
 * a batch's for a bulk one), as the checker wants them. Bounded by the rules' reach, so the cost
 * follows the posts around these instants, not how full the channel is.
 */
export async function listScheduledOnChannels(
  db: Executor,
  workspaceId: string,
  channelIds: readonly string[],
  around: readonly Date[],
): Promise<OtherPost[]> {
  if (channelIds.length === 0 || around.length === 0) return [];
  const times = around.map((d) => d.getTime());
  const rows = await db
    .select({
      channelId: postTargets.channelId,
      scheduledAt: postTargets.scheduledAt,
      postId: postTargets.postId,
    })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(
      and(
        eq(postTargets.workspaceId, workspaceId),
        inArray(postTargets.channelId, [...new Set(channelIds)]),
        gte(postTargets.scheduledAt, new Date(Math.min(...times) - REACH_MS)),
        lte(postTargets.scheduledAt, new Date(Math.max(...times) + REACH_MS)),
        inArray(posts.status, [...COMMITTED]),
        notInArray(postTargets.status, [...NOT_GOING]),
      ),
    );
  return rows.flatMap((r) =>
    r.scheduledAt
      ? [{ channelId: r.channelId, scheduledAt: r.scheduledAt.toISOString(), postId: r.postId }]
      : [],
  );
}
