import { type Db, memberships, users, workspaces } from '@cadence/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../accounts/actor';
import type { WorkspaceInput, workspaceUpdateSchema } from '../accounts/schemas';
import { recordAudit } from '../audit/record-audit';
import { forbidden, limitReached, notFound } from '../errors';
import { LIMITS } from '../accounts/limits';

export async function listMyWorkspaces(db: Db, userId: string) {
  const rows = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.createdAt));
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}

export async function createWorkspace(db: Db, userId: string, input: WorkspaceInput) {
  return db.transaction(async (tx) => {
    // Locking the person serialises their concurrent creations, so the cap holds.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner')));
    if (n >= LIMITS.ownedWorkspacesPerPerson) {
      throw limitReached(`One person can own at most ${LIMITS.ownedWorkspacesPerPerson} workspaces`, {
        limit: 'owned_workspaces',
        max: LIMITS.ownedWorkspacesPerPerson,
      });
    }
    const [workspace] = await tx.insert(workspaces).values(input).returning();
    if (!workspace) throw new Error('insert returned nothing');
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId, role: 'owner' });
    await recordAudit(
      tx,
      { workspaceId: workspace.id, userId, tokenId: null },
      { action: 'workspace.created', entityType: 'workspace', entityId: workspace.id, after: workspace },
    );
    return { ...workspace, role: 'owner' as const };
  });
}

export async function getWorkspace(db: Db, workspaceId: string) {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!ws) throw notFound('Workspace');
  return ws;
}

/**
 * Managers rename and set the zone and language; only owners change the approval policy, or a
 * manager could wave their own posts through.
 */
export async function updateWorkspace(db: Db, actor: Actor, patch: z.infer<typeof workspaceUpdateSchema>) {
  if (
    (patch.approvalScope !== undefined || patch.requiredApprovals !== undefined) &&
    actor.role !== 'owner'
  ) {
    throw forbidden('Only an owner can change the approval policy', { reason: 'owner_only' });
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId))
      .for('update');
    if (!before) throw notFound('Workspace');
    const [after] = await tx
      .update(workspaces)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(workspaces.id, actor.workspaceId)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'workspace.updated',
      entityType: 'workspace',
      entityId: actor.workspaceId,
      before,
      after,
    });
    return after ?? before;
  });
}
