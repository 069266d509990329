import { randomUUID } from 'node:crypto';
import { channels, type Db } from '@cadence/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { type KeyRing, sealedIn, sealJson } from '../security/secret-box';
import { assertCredentialUrls, type CredentialUrlGuard } from './credential-urls';
import type { ChannelCreate, ChannelUpdate } from './schemas';

type ChannelRow = typeof channels.$inferSelect;

/** The public view of a channel; the sealed credentials never leave this function's input. */
export function toPublicChannel(row: ChannelRow) {
  return {
    id: row.id,
    network: row.network,
    displayName: row.displayName,
    handle: row.handle,
    status: row.status,
    statusReason: row.statusReason,
    hasCredentials: row.credentialsSealed !== null,
    sendLimit: row.sendLimit ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listChannels(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(channels)
    .where(eq(channels.workspaceId, workspaceId))
    .orderBy(asc(channels.createdAt), asc(channels.id));
  return rows.map(toPublicChannel);
}

export async function getChannel(db: Db, workspaceId: string, channelId: string) {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('Channel');
  return toPublicChannel(row);
}

export interface ChannelDeps {
  db: Db;
  keyRing: KeyRing;
  credentialUrls: CredentialUrlGuard;
}

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

export async function updateChannel(
  deps: ChannelDeps,
  actor: Actor,
  channelId: string,
  input: ChannelUpdate,
) {
  const { db, keyRing: ring } = deps;
  if (input.credentials) {
    // A channel's network never changes, so reading it before the transaction is safe.
    const [existing] = await db
      .select({ network: channels.network })
      .from(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)));
    if (!existing) throw notFound('Channel');
    await assertCredentialUrls(deps.credentialUrls, existing.network, input.credentials);
  }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)))
      .for('update');
    if (!current) throw notFound('Channel');
    const reconnecting = input.credentials !== undefined;
    const [row] = await tx
      .update(channels)
      .set({
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.handle !== undefined ? { handle: input.handle } : {}),
        ...(reconnecting
          ? {
              credentialsSealed: sealJson(ring, input.credentials, sealedIn.channelCredentials(channelId)),
              status: 'connected',
              statusReason: null,
            }
          : {}),
        ...(input.status !== undefined ? { status: input.status, statusReason: null } : {}),
        ...(input.sendLimit !== undefined ? { sendLimit: input.sendLimit } : {}),
        updatedAt: new Date(),
      })
      .where(eq(channels.id, channelId))
      .returning();
    if (!row) throw notFound('Channel');
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

export async function deleteChannel(db: Db, actor: Actor, channelId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(channels)
      .where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound('Channel');
    await recordAudit(tx, actor, {
      action: 'channel.deleted',
      entityType: 'channel',
      entityId: channelId,
      before: toPublicChannel(row),
    });
  });
}
