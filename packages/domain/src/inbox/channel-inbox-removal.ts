// What was synced from a channel leaves with the channel (issue 16, item 5; decision 0271). A
// disconnect (or a removal) counts the channel's items; up to INLINE_REMOVAL_MAX are deleted in
// the same commit, more are deleted by an "inbox.purge-channel" job of the shared runner, in
// chunks of PURGE_CHUNK, each its own short transaction, so no request or transaction grows with
// the inbox. Until that job has finished the channel's sync does not run: a reconnection meanwhile
// cannot have its fresh items deleted by the purge still under way.
import {
  channels,
  type Db,
  type Executor,
  inboxItems,
  inboxPostSyncStates,
  inboxSyncStates,
  jobs,
} from '@cadence/db';
import { enqueueJob } from '@cadence/jobs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { notFound } from '../errors';
import { INBOX_PURGE_JOB } from './rules';

export const INLINE_REMOVAL_MAX = 1_000;
export const PURGE_CHUNK = 1_000;

export interface InboxPurgePayload {
  channelId: string;
  workspaceId: string;
  /** The channel itself is deleted once its items are gone (a removal too large for one commit). */
  deleteChannel: boolean;
}

export interface InboxRemoval {
  /** Items the channel had when it was disconnected or removed. */
  items: number;
  /** `done`: removed in the same commit; `queued`: the purge job removes them shortly. */
  removal: 'done' | 'queued';
}

const countOf = async (db: Executor, workspaceId: string, channelId: string) => {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inboxItems)
    .where(and(eq(inboxItems.workspaceId, workspaceId), eq(inboxItems.channelId, channelId)));
  return row?.n ?? 0;
};

/**
 * How many conversations a disconnect or a removal of the channel would take away, and why its
 * inbox cannot be read if the network said so (X's paid tier); 404 if the channel is not ours.
 */
export async function channelInboxSummary(db: Db, actor: Actor, channelId: string) {
  const [channel] = await db
    .select({ id: channels.id, unavailable: inboxSyncStates.unavailableReason })
    .from(channels)
    .leftJoin(inboxSyncStates, eq(inboxSyncStates.channelId, channels.id))
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (!channel) throw notFound('channel');
  return { items: await countOf(db, actor.workspaceId, channelId), unavailable: channel.unavailable ?? null };
}

/**
 * Inside the caller's transaction (the disconnect or removal): forgets the sync position and
 * removes the channel's items now or through the purge job. `deleteChannel`: the channel is being
 * removed; when its items are too many for this commit, the job deletes it once they are gone.
 */
export async function removeChannelInbox(
  tx: Executor,
  input: { workspaceId: string; channelId: string; now: Date; deleteChannel?: boolean },
): Promise<InboxRemoval> {
  const { workspaceId, channelId, now } = input;
  await tx.delete(inboxSyncStates).where(eq(inboxSyncStates.channelId, channelId));
  // The per-post cursors too: after reconnecting, the comments removed now are read again.
  await tx.delete(inboxPostSyncStates).where(eq(inboxPostSyncStates.channelId, channelId));
  const items = await countOf(tx, workspaceId, channelId);
  if (items <= INLINE_REMOVAL_MAX) {
    await tx
      .delete(inboxItems)
      .where(and(eq(inboxItems.workspaceId, workspaceId), eq(inboxItems.channelId, channelId)));
    return { items, removal: 'done' };
  }
  // One purge per channel at a time (the key); a finished one of an earlier disconnect makes way.
  await tx
    .delete(jobs)
    .where(
      and(eq(jobs.kind, INBOX_PURGE_JOB), eq(jobs.key, channelId), inArray(jobs.status, ['done', 'failed'])),
    );
  const payload: InboxPurgePayload = { channelId, workspaceId, deleteChannel: input.deleteChannel ?? false };
  const queued = await enqueueJob(tx, INBOX_PURGE_JOB, payload, { key: channelId, maxAttempts: 20, now });
  if (!queued && input.deleteChannel) {
    // A purge of this channel is already under way: it now deletes the channel at the end too.
    await tx
      .update(jobs)
      .set({ payload, updatedAt: now })
      .where(and(eq(jobs.kind, INBOX_PURGE_JOB), eq(jobs.key, channelId)));
  }
  return { items, removal: 'queued' };
}

/** Deletes up to PURGE_CHUNK of the channel's items (their notes and replies go with them). */
export async function purgeChannelInboxChunk(db: Db, p: InboxPurgePayload): Promise<number> {
  const chunk = db
    .select({ id: inboxItems.id })
    .from(inboxItems)
    .where(and(eq(inboxItems.workspaceId, p.workspaceId), eq(inboxItems.channelId, p.channelId)))
    .limit(PURGE_CHUNK);
  const deleted = await db
    .delete(inboxItems)
    .where(inArray(inboxItems.id, chunk))
    .returning({ id: inboxItems.id });
  return deleted.length;
}

/** A purge of the channel's items is queued or running: its sync waits. */
export async function inboxPurgePending(db: Executor, channelId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, INBOX_PURGE_JOB),
        eq(jobs.key, channelId),
        inArray(jobs.status, ['queued', 'running']),
      ),
    );
  return row !== undefined;
}
