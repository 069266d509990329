// What every write on an inbox item starts with: the item of the actor's workspace, locked for the
// transaction (404 as for a missing one otherwise), and, for calls to the network, its channel
// still connected (422 naming the refusal the caller words).
import { channels, type Executor, inboxItems } from '@cadence/db';
import type { MessageCode } from '@cadence/messages';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { notFound, unprocessable } from '../errors';

export async function lockInboxItem(tx: Executor, actor: Actor, itemId: string) {
  const [item] = await tx
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.workspaceId, actor.workspaceId)))
    .for('update');
  if (!item) throw notFound('inbox_item');
  return item;
}

export async function assertChannelConnected(
  tx: Executor,
  actor: Actor,
  channelId: string,
  refusal: MessageCode,
): Promise<void> {
  const [channel] = await tx
    .select({ status: channels.status })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (channel?.status !== 'connected') {
    throw unprocessable(refusal, {}, { field: 'itemId', reason: 'channel_not_connected' });
  }
}
