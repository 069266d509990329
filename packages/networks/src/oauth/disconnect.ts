// Disconnecting a channel: Cadence asks the network to revoke its token where the network offers
// that (Mastodon, LinkedIn, X, Facebook), then forgets the credentials. A revocation the network
// does not confirm does not keep the credentials alive here; the audit event says what happened.
import { channels, channelTokens } from '@cadence/db';
import type { Actor } from '@cadence/domain/accounts/actor';
import { recordAudit } from '@cadence/domain/audit/record-audit';
import { toPublicChannel } from '@cadence/domain/channels/public-channel';
import { notFound } from '@cadence/domain/errors';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { and, eq } from 'drizzle-orm';
import { mastodonCredentialsSchema } from '../mastodon/credentials';
import { type ConnectDeps, oauthProviders } from './providers';

export async function disconnectChannel(deps: ConnectDeps, actor: Actor, channelId: string) {
  const [channel] = await deps.db
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
  if (!channel) throw notFound('channel');
  const provider = oauthProviders[channel.network];
  let revocation: 'revoked' | 'not_offered' | 'failed' = 'not_offered';
  let revocationError: string | undefined;
  if (channel.credentialsSealed && provider?.revoke) {
    const credentials = openJson<Record<string, string>>(
      deps.keyRing,
      channel.credentialsSealed,
      sealedIn.channelCredentials(channel.id),
    );
    const stored = mastodonCredentialsSchema.safeParse(credentials);
    const client =
      channel.network === 'mastodon' && stored.success
        ? { clientId: stored.data.clientId ?? '', clientSecret: stored.data.clientSecret ?? '' }
        : (deps.clients[channel.network] ?? { clientId: '', clientSecret: '' });
    try {
      await provider.revoke(credentials, {
        http: deps.http,
        baseUrl: deps.baseUrls[channel.network],
        client,
        now: deps.now,
      });
      revocation = 'revoked';
    } catch (error) {
      revocation = 'failed';
      revocationError = error instanceof Error ? error.message.slice(0, 300) : String(error);
    }
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(channels)
      .set({ credentialsSealed: null, status: 'disconnected', statusReason: null, updatedAt: deps.now() })
      .where(eq(channels.id, channel.id))
      .returning();
    if (!row) throw notFound('channel');
    await tx.delete(channelTokens).where(eq(channelTokens.channelId, channel.id));
    const after = toPublicChannel(row);
    await recordAudit(tx, actor, {
      action: 'channel.disconnected',
      entityType: 'channel',
      entityId: channel.id,
      before: toPublicChannel(channel),
      after: { ...after, revocation, ...(revocationError ? { revocationError } : {}) },
    });
    return { channel: after, revocation };
  });
}
