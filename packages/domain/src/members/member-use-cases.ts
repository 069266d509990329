// Members: owners and managers add people and change roles. Guard rails: only an owner can make or
// unmake an owner, and a workspace always keeps at least one owner.
import { type Db, memberships, type Tx, users, workspaces } from '@cadence/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { Role } from '../accounts/roles';
import { recordAudit } from '../audit/record-audit';
import { AppError, forbidden, notFound } from '../errors';
import { hashPassword } from '../security/password';

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

function assertCanGrant(actor: Actor, role: Role) {
  if (role === 'owner' && actor.role !== 'owner') throw forbidden('Only an owner can make someone an owner');
}

/** Serialises membership changes of one workspace so the last-owner rule holds under concurrency. */
async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
}

export async function addMember(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; password?: string | undefined; role: Role },
) {
  assertCanGrant(actor, input.role);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    let [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email))
      .limit(1);
    if (!user) {
      if (!passwordHash) {
        throw new AppError(
          'validation_failed',
          'body.password: is required for a person without an account',
          [{ field: 'body.password', message: 'is required for a person without an account' }],
        );
      }
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning();
    }
    if (!user) throw new Error('insert returned nothing');
    const inserted = await tx
      .insert(memberships)
      .values({ workspaceId: actor.workspaceId, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new AppError('conflict', 'This person is already a member');
    const member = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: input.role,
      createdAt: inserted[0]!.createdAt,
    };
    await recordAudit(tx, actor, {
      action: 'member.added',
      entityType: 'member',
      entityId: user.id,
      after: member,
    });
    return member;
  });
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
      throw new AppError('conflict', 'A workspace needs at least one owner');
    }
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    const after = { ...before, role };
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
      throw new AppError('conflict', 'A workspace needs at least one owner');
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    await recordAudit(tx, actor, {
      action: 'member.removed',
      entityType: 'member',
      entityId: userId,
      before,
    });
  });
}
