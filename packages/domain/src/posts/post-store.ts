// Reads and writes shared by the post use cases, all scoped by the caller's workspace so an id
// from another workspace behaves exactly like a missing one.
import { campaigns, channels, type Executor, posts, postTargets } from '@cadence/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { conflict, notFound, sayError } from '../errors';

export type PostRow = typeof posts.$inferSelect;
export type TargetRow = typeof postTargets.$inferSelect;
export type Network = TargetRow['network'];

/** Locks the post for the rest of the transaction: concurrent transitions queue behind it. */
export async function lockPost(tx: Executor, workspaceId: string, postId: string): Promise<PostRow> {
  const row = (await lockPosts(tx, workspaceId, [postId])).get(postId);
  if (!row) throw notFound('post');
  return row;
}

/** Locks many posts (in id order, so two batches cannot deadlock); those not found are left out. */
export async function lockPosts(
  tx: Executor,
  workspaceId: string,
  postIds: readonly string[],
): Promise<Map<string, PostRow>> {
  if (postIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(posts)
    .where(and(inArray(posts.id, [...new Set(postIds)]), eq(posts.workspaceId, workspaceId)))
    .orderBy(asc(posts.id))
    .for('update');
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findPost(db: Executor, workspaceId: string, postId: string): Promise<PostRow> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.workspaceId, workspaceId)));
  if (!row) throw notFound('post');
  return row;
}

/** A stale version means someone else changed the post since the caller read it. */
export function assertVersion(row: PostRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw conflict(
      'errors.posts.changedSinceRead',
      { expected, current: row.version },
      { currentVersion: row.version, currentContentRevision: row.contentRevision, status: row.status },
    );
  }
}

/**
 * Writes the post and bumps its version, on the condition that nobody else did in between; the
 * row lock makes the condition hold, the condition makes it hold even without the lock.
 */
export async function savePost(
  tx: Executor,
  row: PostRow,
  set: Partial<Omit<PostRow, 'id' | 'workspaceId' | 'version' | 'createdAt'>>,
  now: Date,
): Promise<PostRow> {
  const [saved] = await tx
    .update(posts)
    .set({ ...set, version: row.version + 1, updatedAt: now })
    .where(and(eq(posts.id, row.id), eq(posts.version, row.version)))
    .returning();
  if (!saved) throw sayError('conflict', 'errors.workflow.changedWhileSaving', {}, { postId: row.id });
  return saved;
}

export async function loadTargets(db: Executor, postIds: readonly string[]): Promise<TargetRow[]> {
  if (postIds.length === 0) return [];
  return db
    .select()
    .from(postTargets)
    .where(inArray(postTargets.postId, [...postIds]))
    .orderBy(asc(postTargets.createdAt), asc(postTargets.id));
}

/** The networks of the named channels; 404 if any is missing or belongs to another workspace. */
export async function channelNetworks(
  db: Executor,
  workspaceId: string,
  channelIds: readonly string[],
): Promise<Map<string, Network>> {
  const ids = [...new Set(channelIds)];
  const rows = ids.length
    ? await db
        .select({ id: channels.id, network: channels.network })
        .from(channels)
        .where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, ids)))
    : [];
  if (rows.length !== ids.length) throw notFound('channel');
  return new Map(rows.map((r) => [r.id, r.network]));
}

export async function assertCampaignInWorkspace(db: Executor, workspaceId: string, campaignId: string) {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!row) throw notFound('campaign');
}

/**
 * Serialises scheduling on these channels: caps and spacing are checked against the other posts,
 * so two managers scheduling at once must not both pass. Locked in id order to avoid deadlocks;
 * NO KEY UPDATE does not block target inserts that merely reference the channel.
 */
export async function lockChannels(tx: Executor, workspaceId: string, channelIds: readonly string[]) {
  if (channelIds.length === 0) return;
  await tx
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, [...channelIds])))
    .orderBy(asc(channels.id))
    .for('no key update');
}

// Targets the publisher holds: changing their time or content now would race the send.
const IN_FLIGHT: readonly TargetRow['status'][] = ['claimed', 'sending'];

export function assertNotInFlight(targets: readonly TargetRow[]): void {
  const busy = targets.filter((t) => IN_FLIGHT.includes(t.status));
  if (busy.length > 0) {
    throw sayError(
      'conflict',
      'errors.workflow.publishingStarted',
      {},
      { targets: busy.map((t) => ({ channelId: t.channelId, status: t.status })) },
    );
  }
}
