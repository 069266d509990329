import { type Db, memberships, users, workspaces } from '@cadence/db';
import { and, eq, sql } from 'drizzle-orm';
import type { WorkspaceInput } from '../accounts/schemas';
import { recordAudit } from '../audit/record-audit';
import { limitReached } from '../errors';
import { LIMITS } from '../accounts/limits';

export async function createWorkspace(db: Db, userId: string, input: WorkspaceInput) {
  return db.transaction(async (tx) => {
    // Locking the person serialises their concurrent creations, so the cap holds.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.role, 'owner')));
    if (n >= LIMITS.ownedWorkspacesPerPerson) {
      throw limitReached(
        'errors.limits.ownedWorkspaces',
        { max: LIMITS.ownedWorkspacesPerPerson },
        {
          limit: 'owned_workspaces',
          max: LIMITS.ownedWorkspacesPerPerson,
        },
      );
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
