// Removing a channel. Its synced conversations go with it (decision 0271): a few are deleted in
// the same commit (the foreign keys cascade); too many for one commit and the channel is first
// disconnected (credentials forgotten, nothing more sent or synced) while the purge job removes
// them in chunks and then the channel.
import { channels, type Db } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { type InboxRemoval, removeChannelInbox } from '../inbox/channel-inbox-removal';
import { toPublicChannel } from './public-channel';

export async function deleteChannel(
  deps: { db: Db; clock: () => Date },
  actor: Actor,
  channelId: string,
): Promise<InboxRemoval> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const mine = and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId));
    const [current] = await tx.select().from(channels).where(mine).for('update');
    if (!current) throw notFound('channel');
    await recordAudit(tx, actor, {
      action: 'channel.deleted',
      entityType: 'channel',
      entityId: channelId,
      before: toPublicChannel(current),
    });
    const inbox = await removeChannelInbox(tx, {
      workspaceId: actor.workspaceId,
      channelId,
      now,
      deleteChannel: true,
    });
    if (inbox.removal === 'done') {
      await tx.delete(channels).where(mine);
    } else {
      // Too many items for this commit: the purge job deletes the channel when they are gone.
      await tx
        .update(channels)
        .set({ status: 'disconnected', credentialsSealed: null, statusReason: null, updatedAt: now })
        .where(mine);
    }
    return inbox;
  });
}
