import { randomUUID } from 'node:crypto';
import { channels } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { sealedIn, sealJson } from '../security/secret-box';
import type { ChannelDeps } from './channel-deps';
import { toPublicChannel } from './public-channel';
import { assertCredentialUrls } from './credential-urls';
import type { ChannelCreate } from './schemas';

export async function createChannel(deps: ChannelDeps, actor: Actor, input: ChannelCreate) {
  const { db, keyRing: ring } = deps;
  // Outside the transaction: judging an address may wait on DNS.
  await assertCredentialUrls(deps.credentialUrls, input.network, input.credentials);
  // The id is chosen here because the sealed credentials are bound to their row.
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(channels)
      .values({
        id,
        workspaceId: actor.workspaceId,
        network: input.network,
        displayName: input.displayName,
        handle: input.handle,
        credentialsSealed: input.credentials
          ? sealJson(ring, input.credentials, sealedIn.channelCredentials(id))
          : null,
        sendLimit: input.sendLimit ?? null,
        createdByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const after = toPublicChannel(row);
    await recordAudit(tx, actor, {
      action: 'channel.created',
      entityType: 'channel',
      entityId: row.id,
      after,
    });
    return after;
  });
}
