import { type Db, memberships, workspaces } from '@cadence/db';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../accounts/actor';
import type { WorkspaceInput, workspaceUpdateSchema } from '../accounts/schemas';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';

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

export async function updateWorkspace(db: Db, actor: Actor, patch: z.infer<typeof workspaceUpdateSchema>) {
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
