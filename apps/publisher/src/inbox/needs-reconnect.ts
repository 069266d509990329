// A channel whose access the network refused, as the publisher does it: flagged once (only from
// connected), the managers told once, in one commit.
import { channels, type Db } from '@cadence/db';
import { recordNotificationEvent } from '@cadence/domain/notifications/record-event';
import { and, eq } from 'drizzle-orm';

export async function markNeedsReconnect(db: Db, channelId: string, reason: string, now: Date) {
  await db.transaction(async (tx) => {
    const flagged = await tx
      .update(channels)
      .set({ status: 'needs_reconnect', statusReason: reason.slice(0, 500), updatedAt: now })
      .where(and(eq(channels.id, channelId), eq(channels.status, 'connected')))
      .returning({ workspaceId: channels.workspaceId, name: channels.displayName });
    for (const c of flagged) {
      await recordNotificationEvent(tx, {
        workspaceId: c.workspaceId,
        kind: 'channel_reconnect',
        channelId,
        params: { channel: c.name },
      });
    }
  });
}
