import { channels } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { removeChannelInbox } from '../inbox/channel-inbox-removal';
import { sealedIn, sealJson } from '../security/secret-box';
import type { ChannelDeps } from './channel-deps';
import { toPublicChannel } from './public-channel';
import { assertCredentialUrls } from './credential-urls';
import type { ChannelUpdate } from './schemas';

export async function updateChannel(
  deps: ChannelDeps,
  actor: Actor,
  input: { channelId: string; patch: ChannelUpdate },
) {
  const { db, keyRing: ring } = deps;
  const { channelId, patch } = input;
  if (patch.credentials) {
    // A channel's network never changes, so reading it before the transaction is safe.
    const [existing] = await db
      .select({ network: channels.network })
      .from(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
    if (!existing) throw notFound('channel');
    await assertCredentialUrls(deps.credentialUrls, existing.network, patch.credentials);
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)))
      .for('update');
    if (!current) throw notFound('channel');
    const reconnecting = patch.credentials !== undefined;
    const [row] = await tx
      .update(channels)
      .set({
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
        ...(patch.handle !== undefined ? { handle: patch.handle } : {}),
        ...(reconnecting
          ? {
              credentialsSealed: sealJson(ring, patch.credentials, sealedIn.channelCredentials(channelId)),
              status: 'connected',
              statusReason: null,
            }
          : {}),
        ...(patch.status !== undefined ? { status: patch.status, statusReason: null } : {}),
        ...(patch.sendLimit !== undefined ? { sendLimit: patch.sendLimit } : {}),
        updatedAt: deps.clock(),
      })
      .where(eq(channels.id, channelId))
      .returning();
    if (!row) throw notFound('channel');
    // Disconnecting takes the synced conversations with it (decision 0271).
    if (row.status === 'disconnected' && current.status !== 'disconnected') {
      await removeChannelInbox(tx, { workspaceId: actor.workspaceId, channelId, now: deps.clock() });
    }
    const before = toPublicChannel(current);
    const after = toPublicChannel(row);
    await recordAudit(tx, actor, {
      action: reconnecting ? 'channel.credentials_replaced' : 'channel.updated',
      entityType: 'channel',
      entityId: channelId,
      before,
      after,
    });
    return after;
  });
}
