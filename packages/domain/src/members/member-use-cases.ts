// Members: owners and managers change roles and remove people (people join by invitation, see
// invitations.ts). Guard rails: only an owner can make or unmake an owner, and a workspace always
// keeps at least one owner. Removing someone ends their API tokens and calendar feeds with them.
import { recordNotificationEvent } from '../notifications/record-event';
import { apiTokens, type Db, icsFeeds, memberships, type Tx, users, workspaces } from '@cadence/db';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { Role } from '../accounts/roles';
import { recordAudit } from '../audit/record-audit';
import { AppError, forbidden, notFound } from '../errors';

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  createdAt: memberships.createdAt,
};

export async function listMembers(db: Db, workspaceId: string) {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt), asc(users.id));
}

export function assertCanGrant(actor: Actor, role: Role) {
  if (role === 'owner' && actor.role !== 'owner') throw forbidden('Only an owner can make someone an owner');
}

/** Serialises membership changes of one workspace so the last-owner rule holds under concurrency. */
export async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
}

async function ownerCount(tx: Tx, workspaceId: string) {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return rows[0]?.n ?? 0;
}

export async function changeMemberRole(db: Db, actor: Actor, userId: string, role: Role) {
  assertCanGrant(actor, role);
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const [before] = await tx
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    if (!before) throw notFound('Member');
    if (before.role === 'owner' && actor.role !== 'owner')
      throw forbidden('Only an owner can change an owner');
    if (before.role === 'owner' && role !== 'owner' && (await ownerCount(tx, actor.workspaceId)) <= 1) {
      throw new AppError('conflict', 'A workspace needs at least one owner', { reason: 'last_owner' });
    }
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    const after = { ...before, role };
    if (before.role !== role) {
      await recordNotificationEvent(tx, {
        workspaceId: actor.workspaceId,
        kind: 'role_changed',
        actorUserId: actor.userId,
        subjectUserId: userId,
        params: { role },
      });
    }
    await recordAudit(tx, actor, {
      action: 'member.role_changed',
      entityType: 'member',
      entityId: userId,
      before,
      after,
    });
    return after;
  });
}

export async function removeMember(db: Db, actor: Actor, userId: string) {
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const [before] = await tx
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    if (!before) throw notFound('Member');
    if (before.role === 'owner' && actor.role !== 'owner')
      throw forbidden('Only an owner can remove an owner');
    if (before.role === 'owner' && (await ownerCount(tx, actor.workspaceId)) <= 1) {
      throw new AppError('conflict', 'A workspace needs at least one owner', { reason: 'last_owner' });
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    const revoked = await revokeWhatTheyCreated(tx, actor.workspaceId, userId, new Date());
    await recordAudit(tx, actor, {
      action: 'member.removed',
      entityType: 'member',
      entityId: userId,
      before,
      after: { revokedApiTokens: revoked.tokens, revokedIcsFeeds: revoked.feeds },
    });
  });
}

/**
 * A person's API tokens and calendar feeds in a workspace die with their membership. The token
 * check at authentication already refuses them; revoking also shows it in lists and audit.
 */
async function revokeWhatTheyCreated(tx: Tx, workspaceId: string, userId: string, now: Date) {
  const tokens = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiTokens.workspaceId, workspaceId),
        eq(apiTokens.createdByUserId, userId),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  const feeds = await tx
    .update(icsFeeds)
    .set({ revokedAt: now })
    .where(
      and(
        eq(icsFeeds.workspaceId, workspaceId),
        eq(icsFeeds.createdByUserId, userId),
        isNull(icsFeeds.revokedAt),
      ),
    )
    .returning({ id: icsFeeds.id });
  return { tokens: tokens.length, feeds: feeds.length };
}
