import { type Executor, posts } from '@cadence/db';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { PostCounts } from './schemas';

/** Posts of each campaign by workflow status, in one grouped query for a whole page of campaigns. */
export async function countCampaignPosts(
  db: Executor,
  workspaceId: string,
  campaignIds: readonly string[],
): Promise<Map<string, PostCounts>> {
  const counts = new Map<string, PostCounts>(campaignIds.map((id) => [id, { total: 0, byStatus: {} }]));
  if (campaignIds.length === 0) return counts;
  const rows = await db
    .select({ campaignId: posts.campaignId, status: posts.status, n: count() })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), inArray(posts.campaignId, [...campaignIds])))
    .groupBy(posts.campaignId, posts.status);
  for (const row of rows) {
    const entry = row.campaignId ? counts.get(row.campaignId) : undefined;
    if (!entry) continue;
    entry.byStatus[row.status] = row.n;
    entry.total += row.n;
  }
  return counts;
}
