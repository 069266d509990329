// One page of a channel's inbox sync, committed with the cursor that resumes after it. Threads
// are settled here: a reply whose network did not name its thread's root takes its parent's root
// when Cadence knows the parent (one of our posts, an item already stored, an item on the same
// page), and asks the network only otherwise. An item in a thread that starts at one of our
// published posts is linked to that post.
import { type Db, type Executor, inboxItems, inboxSyncStates, postTargets } from '@cadence/db';
import type { SyncCursor } from '@cadence/domain/inbox/sync-walk';
import type { FetchedInboxItem, InboxAdapter } from '@cadence/networks';
import { and, eq, inArray } from 'drizzle-orm';

export interface SyncChannel {
  id: string;
  workspaceId: string;
  network: (typeof inboxItems.$inferInsert)['network'];
}

/** Roots known to Cadence for these network ids on this channel: ours (post targets) and stored items. */
async function knownRoots(db: Executor, channelId: string, ids: string[]) {
  const roots = new Map<string, string>();
  if (ids.length === 0) return roots;
  const ours = await db
    .select({ externalId: postTargets.externalId })
    .from(postTargets)
    .where(and(eq(postTargets.channelId, channelId), inArray(postTargets.externalId, ids)));
  for (const o of ours) if (o.externalId) roots.set(o.externalId, o.externalId);
  const stored = await db
    .select({ externalId: inboxItems.externalId, root: inboxItems.threadRootExternalId })
    .from(inboxItems)
    .where(and(eq(inboxItems.channelId, channelId), inArray(inboxItems.externalId, ids)));
  for (const s of stored) roots.set(s.externalId, s.root);
  return roots;
}

export async function resolveThreads(
  db: Db,
  adapter: InboxAdapter,
  call: { channelId: string; credentials: unknown },
  items: readonly FetchedInboxItem[],
  signal: AbortSignal,
): Promise<(FetchedInboxItem & { threadRootExternalId: string })[]> {
  const unknown = items.filter((i) => i.threadRootExternalId === null);
  const parents = [...new Set(unknown.map((i) => i.parentExternalId).filter((p): p is string => !!p))];
  const roots = await knownRoots(db, call.channelId, parents);
  for (const i of items) if (i.threadRootExternalId) roots.set(i.externalId, i.threadRootExternalId);
  const resolved: (FetchedInboxItem & { threadRootExternalId: string })[] = [];
  // Oldest first, so a reply to a reply on the same page finds its parent's root.
  for (const item of [...items].reverse()) {
    let root = item.threadRootExternalId ?? (item.parentExternalId ? roots.get(item.parentExternalId) : null);
    if (!root && item.parentExternalId && adapter.threadRoot) {
      root = await adapter.threadRoot({ ...call, externalId: item.externalId }, signal);
      // A parent is in its child's thread: other replies to it on this page need not ask again.
      if (root) roots.set(item.parentExternalId, root);
    }
    root ??= item.parentExternalId ?? item.externalId;
    roots.set(item.externalId, root);
    resolved.push({ ...item, threadRootExternalId: root });
  }
  return resolved.reverse();
}

/** Inserts a page's items inside the caller's transaction (once per channel and network id). */
export async function storeItems(
  tx: Executor,
  channel: SyncChannel,
  items: readonly (FetchedInboxItem & { threadRootExternalId: string })[],
  now: Date,
): Promise<number> {
  if (items.length === 0) return 0;
  const rootIds = [...new Set(items.map((i) => i.threadRootExternalId))];
  const ours = await tx
    .select({ id: postTargets.id, postId: postTargets.postId, externalId: postTargets.externalId })
    .from(postTargets)
    .where(and(eq(postTargets.channelId, channel.id), inArray(postTargets.externalId, rootIds)));
  const targetOf = new Map(ours.map((o) => [o.externalId, o]));
  const rows = await tx
    .insert(inboxItems)
    .values(
      items.map((i) => {
        const target = targetOf.get(i.threadRootExternalId);
        return {
          workspaceId: channel.workspaceId,
          channelId: channel.id,
          network: channel.network,
          externalId: i.externalId,
          kind: i.kind,
          authorHandle: i.authorHandle.slice(0, 400),
          authorName: i.authorName?.slice(0, 400) ?? null,
          authorAvatarUrl: i.authorAvatarUrl,
          text: i.text.slice(0, 20_000),
          language: i.language?.slice(0, 20) ?? null,
          createdAt: i.createdAt,
          link: i.link,
          parentExternalId: i.parentExternalId,
          threadRootExternalId: i.threadRootExternalId,
          replyRef: i.replyRef,
          postTargetId: target?.id ?? null,
          postId: target?.postId ?? null,
          syncedAt: now,
          updatedAt: now,
        };
      }),
    )
    .onConflictDoNothing({ target: [inboxItems.channelId, inboxItems.externalId] })
    .returning({ id: inboxItems.id });
  return rows.length;
}

/** A page of the channel's own list, committed with the channel's cursor. */
export async function storePage(
  db: Db,
  channel: SyncChannel,
  items: readonly (FetchedInboxItem & { threadRootExternalId: string })[],
  cursor: SyncCursor,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const stored = await storeItems(tx, channel, items, now);
    await tx
      .update(inboxSyncStates)
      .set({ cursor: { ...cursor }, lastSyncedAt: now, lastError: null, failures: 0, updatedAt: now })
      .where(eq(inboxSyncStates.channelId, channel.id));
    return stored;
  });
}
