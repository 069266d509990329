// "Sync now": makes the channels' next sync due and enqueues it on the shared runner (whichever
// process runs the publisher picks it up). Keyed per channel and minute, so a button pressed
// many times enqueues once.
import { channels, type Db, inboxSyncStates } from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { and, eq, inArray, isNotNull, lte, or } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { notFound } from '../errors';
import { INBOX_READY_NETWORKS, INBOX_SYNC_EVERY_MS, INBOX_SYNC_JOB } from './rules';

export async function requestInboxSync(db: Db, actor: Actor, channelId: string | undefined, now: Date) {
  const found = await db
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        eq(channels.workspaceId, actor.workspaceId),
        eq(channels.status, 'connected'),
        inArray(channels.network, [...INBOX_READY_NETWORKS]),
        channelId ? eq(channels.id, channelId) : undefined,
      ),
    )
    .limit(500);
  if (channelId && found.length === 0) throw notFound('channel');
  const minute = Math.floor(now.getTime() / 60_000);
  for (const c of found) {
    // Due now, unless a run holds the channel (its claim is further ahead than a normal wait);
    // one blocked by a rate limit still waits for its time (the run checks blocked_until). One the
    // network would not read (X's paid tier) is asked again now: the plan may have changed.
    await db
      .update(inboxSyncStates)
      .set({ nextSyncAt: now, updatedAt: now })
      .where(
        and(
          eq(inboxSyncStates.channelId, c.id),
          or(
            lte(inboxSyncStates.nextSyncAt, new Date(now.getTime() + INBOX_SYNC_EVERY_MS)),
            isNotNull(inboxSyncStates.unavailableReason),
          ),
        ),
      );
    await enqueueJob(db, INBOX_SYNC_JOB, { channelId: c.id }, { key: `${c.id}:now:${minute}`, now });
  }
  return { channels: found.length };
}
