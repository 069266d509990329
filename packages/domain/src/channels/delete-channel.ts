import { channels, type Db } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { toPublicChannel } from './public-channel';

export async function deleteChannel(db: Db, actor: Actor, channelId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound('channel');
    await recordAudit(tx, actor, {
      action: 'channel.deleted',
      entityType: 'channel',
      entityId: channelId,
      before: toPublicChannel(row),
    });
  });
}
