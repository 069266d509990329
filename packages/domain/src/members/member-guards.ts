// Guard rails shared by the member use cases: only an owner can make or unmake an owner, and a
// workspace always keeps at least one owner (membership changes of one workspace are serialised).
import { memberships, type Tx, users, workspaces } from '@cadence/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { Role } from '../accounts/roles';
import { forbidden } from '../errors';

/** The columns of a member as the API shows them. */
export const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  createdAt: memberships.createdAt,
};

export function assertCanGrant(actor: Actor, role: Role) {
  if (role === 'owner' && actor.role !== 'owner') throw forbidden('errors.owners.makeOwner');
}

/** Serialises membership changes of one workspace so the last-owner rule holds under concurrency. */
export async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
}

export async function ownerCount(tx: Tx, workspaceId: string) {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
  return rows[0]?.n ?? 0;
}
