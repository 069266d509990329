// The last step of every connection (OAuth or Bluesky app password): the credentials sealed on a
// new channel, or on the channel being reconnected, its token expiry recorded for the refresh
// job, and an audit event, all in one transaction.
import { randomUUID } from 'node:crypto';
import { channels, channelTokens } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { notFound } from '../../errors';
import type { Network } from '../../networks/schemas';
import { sealedIn, sealJson } from '../../security/secret-box';
import { toPublicChannel } from '../public-channel';
import type { ConnectDeps, ConnectedAccount } from './channel-access';

interface Connector {
  workspaceId: string;
  userId: string;
  requestId?: string | undefined;
}

export async function saveConnectedChannel(
  deps: Pick<ConnectDeps, 'db' | 'keyRing' | 'clock'>,
  who: Connector,
  input: { network: Network; account: ConnectedAccount; channelId: string | null },
) {
  const { account } = input;
  // A new channel's id is chosen here because the sealed credentials are bound to their row.
  const channelId = input.channelId ?? randomUUID();
  const sealed = sealJson(deps.keyRing, account.credentials, sealedIn.channelCredentials(channelId));
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    let before: ReturnType<typeof toPublicChannel> | undefined;
    let row: typeof channels.$inferSelect | undefined;
    if (input.channelId) {
      const [current] = await tx
        .select()
        .from(channels)
        .where(and(eq(channels.id, input.channelId), eq(channels.workspaceId, who.workspaceId)))
        .for('update');
      if (!current) throw notFound('channel');
      before = toPublicChannel(current);
      [row] = await tx
        .update(channels)
        .set({
          handle: account.handle,
          credentialsSealed: sealed,
          status: 'connected',
          statusReason: null,
          updatedAt: now,
        })
        .where(eq(channels.id, current.id))
        .returning();
    } else {
      [row] = await tx
        .insert(channels)
        .values({
          id: channelId,
          workspaceId: who.workspaceId,
          network: input.network,
          displayName: account.displayName.slice(0, 120) || account.handle,
          handle: account.handle.slice(0, 200),
          credentialsSealed: sealed,
          createdByUserId: who.userId,
        })
        .returning();
    }
    if (!row) throw new Error('channel write returned nothing');
    const tokens = {
      accessExpiresAt: account.accessExpiresAt,
      lastRefreshedAt: now,
      failures: 0,
      lastError: null,
      refreshLeaseUntil: null,
    };
    await tx
      .insert(channelTokens)
      .values({ channelId: row.id, ...tokens })
      .onConflictDoUpdate({ target: channelTokens.channelId, set: tokens });
    const after = toPublicChannel(row);
    await recordAudit(
      tx,
      { workspaceId: who.workspaceId, userId: who.userId, tokenId: null, requestId: who.requestId },
      {
        action: input.channelId ? 'channel.reconnected' : 'channel.connected',
        entityType: 'channel',
        entityId: row.id,
        before,
        after,
      },
    );
    return after;
  });
}
