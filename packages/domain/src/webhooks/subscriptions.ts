// A workspace's webhook subscriptions (owners only, checked by the routes). The signing secret is
// made here, shown once in the create answer, and kept sealed and bound to its row.
import { type Db, webhookSubscriptions } from '@cadence/db';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { limitReached, notFound } from '../errors';
import { lockWorkspace } from '../members/member-guards';
import { type KeyRing, open, seal, sealedIn } from '../security/secret-box';
import { randomSecret } from '../security/tokens';
import { MAX_WEBHOOKS_PER_WORKSPACE } from './schemas';

type Row = typeof webhookSubscriptions.$inferSelect;

const toView = (row: Row) => ({
  id: row.id,
  url: row.url,
  kinds: row.kinds,
  enabled: row.enabled,
  consecutiveFailures: row.consecutiveFailures,
  disabledAt: row.disabledAt,
  createdAt: row.createdAt,
});

export const webhookSecretOf = (ring: KeyRing, row: Row) =>
  open(ring, row.secretSealed, sealedIn.webhookSecret(row.id));

export async function createWebhook(
  db: Db,
  ring: KeyRing,
  actor: Actor,
  input: { url: string; kinds: Row['kinds'] },
  now: Date,
) {
  const id = crypto.randomUUID();
  const secret = `whsec_${randomSecret(32)}`;
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.workspaceId, actor.workspaceId));
    if (n >= MAX_WEBHOOKS_PER_WORKSPACE) {
      throw limitReached(
        'errors.limits.webhooks',
        { max: MAX_WEBHOOKS_PER_WORKSPACE },
        {
          limit: 'webhooks',
          max: MAX_WEBHOOKS_PER_WORKSPACE,
        },
      );
    }
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        id,
        workspaceId: actor.workspaceId,
        url: input.url,
        kinds: input.kinds,
        secretSealed: seal(ring, secret, sealedIn.webhookSecret(id)),
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: id,
      after: toView(row),
    });
    return { ...toView(row), secret };
  });
}

export async function listWebhooks(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.workspaceId, workspaceId))
    .orderBy(asc(webhookSubscriptions.createdAt))
    .limit(MAX_WEBHOOKS_PER_WORKSPACE);
  return rows.map(toView);
}

export async function findWebhook(db: Db, workspaceId: string, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.workspaceId, workspaceId)));
  if (!row) throw notFound('webhook');
  return row;
}

export async function updateWebhook(
  db: Db,
  actor: Actor,
  id: string,
  input: { url?: string | undefined; kinds?: Row['kinds'] | undefined; enabled?: boolean | undefined },
) {
  const changes = {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.kinds !== undefined ? { kinds: input.kinds } : {}),
    ...(input.enabled === true ? { enabled: true, consecutiveFailures: 0, disabledAt: null } : {}),
    ...(input.enabled === false ? { enabled: false } : {}),
  };
  // An empty change is a read: nothing to write, nothing to audit.
  if (Object.keys(changes).length === 0) return toView(await findWebhook(db, actor.workspaceId, id));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookSubscriptions)
      .set(changes)
      .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound('webhook');
    await recordAudit(tx, actor, {
      action: 'webhook.updated',
      entityType: 'webhook',
      entityId: id,
      after: toView(row),
    });
    return toView(row);
  });
}

export async function deleteWebhook(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound('webhook');
    await recordAudit(tx, actor, {
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before: toView(row),
    });
  });
}
