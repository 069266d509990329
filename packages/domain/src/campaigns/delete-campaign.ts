import { campaigns, type Db, posts } from '@cadence/db';
import { and, count, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { fieldsOf, findRow } from './campaign-rows';

/**
 * Deletes a campaign that no post refers to. One with posts is refused: deleting it would
 * silently detach them from their plan, while archiving keeps the history.
 */
export async function deleteCampaign(db: Db, actor: Actor, campaignId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findRow(tx, actor.workspaceId, campaignId, true);
    const [used] = await tx
      .select({ n: count() })
      .from(posts)
      .where(and(eq(posts.workspaceId, actor.workspaceId), eq(posts.campaignId, campaignId)));
    const postCount = used?.n ?? 0;
    if (postCount > 0) {
      throw conflict(
        'errors.campaigns.hasPosts',
        { count: postCount },
        { posts: postCount, suggestion: 'archive' },
      );
    }
    await tx.delete(campaigns).where(eq(campaigns.id, campaignId));
    await recordAudit(tx, actor, {
      action: 'campaign.deleted',
      entityType: 'campaign',
      entityId: campaignId,
      before: fieldsOf(row),
    });
  });
}
