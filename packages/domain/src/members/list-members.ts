import { type Db, memberships, users } from '@cadence/db';
import { asc, eq } from 'drizzle-orm';
import { memberColumns } from './member-guards';

export async function listMembers(db: Db, workspaceId: string) {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt), asc(users.id));
}
