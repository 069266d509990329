// What a pull job reads before calling a network: the target as the ledger has it and its
// channel's sealed credentials; and, for the daily follower counts, the channels still missing
// today's figure (a bounded page at a time).
import { channelFollowerCounts, channels, type Executor, postTargets } from '@cadence/db';
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { FOLLOWERS_PULL_JOB, METRICS_NETWORKS } from './schemas';
import { enqueueJobs } from '@cadence/jobs';

export async function loadPullTarget(db: Executor, targetId: string) {
  const [row] = await db
    .select({
      id: postTargets.id,
      workspaceId: postTargets.workspaceId,
      channelId: postTargets.channelId,
      network: postTargets.network,
      status: postTargets.status,
      externalId: postTargets.externalId,
      publishedAt: postTargets.publishedAt,
      updatedAt: postTargets.updatedAt,
      channelStatus: channels.status,
      credentialsSealed: channels.credentialsSealed,
    })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .where(eq(postTargets.id, targetId));
  return row ?? null;
}
export type PullTarget = NonNullable<Awaited<ReturnType<typeof loadPullTarget>>>;

export async function loadFollowerChannel(db: Executor, channelId: string) {
  const [row] = await db
    .select({
      id: channels.id,
      workspaceId: channels.workspaceId,
      network: channels.network,
      status: channels.status,
      credentialsSealed: channels.credentialsSealed,
    })
    .from(channels)
    .where(eq(channels.id, channelId));
  return row ?? null;
}

const PAGE = 500;

/**
 * Queues one follower pull per connected channel (on a network with figures) that has no count for
 * today yet; key "<channel>:<day>", so running this every hour queues each channel once a day.
 */
export async function planFollowerPulls(db: Executor, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  let after = '00000000-0000-0000-0000-000000000000';
  let queued = 0;
  // Pages in id order: the loop ends after (channels / 500) + 1 passes, however many there are.
  for (;;) {
    const page = await db
      .select({ id: channels.id })
      .from(channels)
      .leftJoin(
        channelFollowerCounts,
        and(eq(channelFollowerCounts.channelId, channels.id), eq(channelFollowerCounts.day, day)),
      )
      .where(
        and(
          gt(channels.id, after),
          eq(channels.status, 'connected'),
          inArray(channels.network, [...METRICS_NETWORKS]),
          isNull(channelFollowerCounts.channelId),
        ),
      )
      .orderBy(asc(channels.id))
      .limit(PAGE);
    queued += await enqueueJobs(
      db,
      FOLLOWERS_PULL_JOB,
      page.map((c) => ({ payload: { channelId: c.id }, key: `${c.id}:${day}`, runAt: now, maxAttempts: 6 })),
      now,
    );
    if (page.length < PAGE) return queued;
    after = page[page.length - 1]?.id ?? after;
  }
}
