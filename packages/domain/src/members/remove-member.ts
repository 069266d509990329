// Removing someone ends their API tokens and calendar feeds in the workspace with them.
import { apiTokens, icsFeeds, memberships, type Tx, users } from '@cadence/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { forbidden, notFound, sayError } from '../errors';
import type { UseCaseDeps } from '../use-case-deps';
import { lockWorkspace, memberColumns, ownerCount } from './member-guards';

export async function removeMember(deps: UseCaseDeps, actor: Actor, input: { userId: string }) {
  const { db } = deps;
  const { userId } = input;
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, actor.workspaceId);
    const [before] = await tx
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    if (!before) throw notFound('member');
    if (before.role === 'owner' && actor.role !== 'owner') throw forbidden('errors.owners.removeOwner');
    if (before.role === 'owner' && (await ownerCount(tx, actor.workspaceId)) <= 1) {
      throw sayError('conflict', 'errors.members.lastOwner', {}, { reason: 'last_owner' });
    }
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, userId)));
    const revoked = await revokeWhatTheyCreated(tx, actor.workspaceId, userId, deps.clock());
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
