import { type Db, memberships, workspaces } from '@cadence/db';
import { asc, eq } from 'drizzle-orm';

export async function listMyWorkspaces(db: Db, userId: string) {
  const rows = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.createdAt));
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}
