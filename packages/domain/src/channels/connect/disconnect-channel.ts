// Disconnecting a channel: Cadence asks the network to revoke its token where the network offers
// that (Mastodon, LinkedIn, X, Facebook), then forgets the credentials. A revocation the network
// does not confirm does not keep the credentials alive here; the audit event says what happened.
// The conversations synced from the channel go with the connection (decision 0271).
import { channels, channelTokens } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../accounts/actor';
import { recordAudit } from '../../audit/record-audit';
import { notFound } from '../../errors';
import { removeChannelInbox } from '../../inbox/channel-inbox-removal';
import { openJson, sealedIn } from '../../security/secret-box';
import { toPublicChannel } from '../public-channel';
import type { ConnectDeps } from './channel-access';

export async function disconnectChannel(deps: ConnectDeps, actor: Actor, input: { channelId: string }) {
  const [channel] = await deps.db
    .select()
    .from(channels)
    .where(and(eq(channels.id, input.channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (!channel) throw notFound('channel');
  let revocation: 'revoked' | 'not_offered' | 'failed' = 'not_offered';
  let revocationError: string | undefined;
  if (channel.credentialsSealed) {
    const credentials = openJson<Record<string, string>>(
      deps.keyRing,
      channel.credentialsSealed,
      sealedIn.channelCredentials(channel.id),
    );
    try {
      revocation = await deps.access.revoke(channel.network, credentials);
    } catch (error) {
      revocation = 'failed';
      revocationError = error instanceof Error ? error.message.slice(0, 300) : String(error);
    }
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(channels)
      .set({ credentialsSealed: null, status: 'disconnected', statusReason: null, updatedAt: deps.clock() })
      .where(eq(channels.id, channel.id))
      .returning();
    if (!row) throw notFound('channel');
    await tx.delete(channelTokens).where(eq(channelTokens.channelId, channel.id));
    const inbox = await removeChannelInbox(tx, {
      workspaceId: actor.workspaceId,
      channelId: channel.id,
      now: deps.clock(),
    });
    const after = toPublicChannel(row);
    await recordAudit(tx, actor, {
      action: 'channel.disconnected',
      entityType: 'channel',
      entityId: channel.id,
      before: toPublicChannel(channel),
      after: { ...after, revocation, ...(revocationError ? { revocationError } : {}), inbox },
    });
    return { channel: after, revocation, inbox };
  });
}
