// A manager or owner changes someone's role; the guard rails are in member-guards.ts.
import { memberships, users } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import type { Role } from '../accounts/roles';
import { recordAudit } from '../audit/record-audit';
import { forbidden, notFound, sayError } from '../errors';
import { recordNotificationEvent } from '../notifications/record-event';
import type { UseCaseDeps } from '../use-case-deps';
import { assertCanGrant, lockWorkspace, memberColumns, ownerCount } from './member-guards';

export async function changeMemberRole(
  deps: UseCaseDeps,
  actor: Actor,
  input: { userId: string; role: Role },
) {
  const { db } = deps;
  const { userId, role } = input;
  assertCanGrant(actor, role);
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const [before] = await tx
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    if (!before) throw notFound('member');
    if (before.role === 'owner' && actor.role !== 'owner') throw forbidden('errors.owners.changeOwner');
    if (before.role === 'owner' && role !== 'owner' && (await ownerCount(tx, actor.workspaceId)) <= 1) {
      throw sayError('conflict', 'errors.members.lastOwner', {}, { reason: 'last_owner' });
    }
    await tx
      .update(memberships)
      .set({ role, updatedAt: deps.clock() })
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
