// The "inbox.purge-channel" job (decision 0271): removes a disconnected or removed channel's inbox
// items chunk by chunk (each chunk one short statement, so the database never holds one huge
// transaction), stopping between chunks when the runner asks; a retry carries on where it stopped.
// For a removal too large for one commit, the channel itself is deleted once its items are gone,
// unless someone reconnected it in the meantime.
import { channels, type Db } from '@cadence/db';
import { type InboxPurgePayload, purgeChannelInboxChunk } from '@cadence/domain/inbox/channel-inbox-removal';
import { and, eq } from 'drizzle-orm';

export async function purgeChannelInbox(
  db: Db,
  payload: InboxPurgePayload,
  signal: AbortSignal,
): Promise<number> {
  let removed = 0;
  for (;;) {
    signal.throwIfAborted();
    const deleted = await purgeChannelInboxChunk(db, payload);
    removed += deleted;
    if (deleted === 0) break;
  }
  if (payload.deleteChannel) {
    // Only while it is still disconnected: reconnected meanwhile, the channel was wanted after all.
    await db
      .delete(channels)
      .where(
        and(
          eq(channels.id, payload.channelId),
          eq(channels.workspaceId, payload.workspaceId),
          eq(channels.status, 'disconnected'),
        ),
      );
  }
  return removed;
}
