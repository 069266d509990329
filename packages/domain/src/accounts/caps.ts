// Per-person caps on live API tokens and calendar feeds in a workspace (see limits.ts).
import { apiTokens, type Executor, icsFeeds, memberships } from '@cadence/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { limitReached } from '../errors';
import { type Actor, personOf } from './actor';
import { LIMITS } from './limits';

const CAPS = {
  api_tokens: { table: apiTokens, max: LIMITS.apiTokensPerPerson },
  ics_feeds: { table: icsFeeds, max: LIMITS.icsFeedsPerPerson },
} as const;

/**
 * Refuses with 422 `limit_reached` when the person behind the actor already has the maximum of
 * live items. Locks their membership row first, so two concurrent creations cannot both pass.
 */
export async function assertUnderCap(tx: Executor, actor: Actor, cap: keyof typeof CAPS): Promise<void> {
  const person = personOf(actor);
  if (!person) return;
  await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, person)))
    .for('update');
  const { table, max } = CAPS[cap];
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, actor.workspaceId),
        eq(table.createdByUserId, person),
        isNull(table.revokedAt),
      ),
    );
  if (n >= max) {
    throw limitReached(
      'errors.limits.liveItems',
      { max, cap },
      {
        limit: cap,
        max,
      },
    );
  }
}
