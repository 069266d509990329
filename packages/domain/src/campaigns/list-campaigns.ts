import { campaigns, type Db } from '@cadence/db';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { withCounts } from './campaign-rows';
import type { CampaignStatus } from './schemas';

/** Newest first, optionally of one status; `after` is the last item of the previous page. */
export async function listCampaigns(
  db: Db,
  workspaceId: string,
  page: {
    limit: number;
    after?: { createdAt: Date; id: string } | undefined;
    status?: CampaignStatus | undefined;
  },
) {
  const a = page.after;
  const rows = await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.workspaceId, workspaceId),
        page.status ? eq(campaigns.status, page.status) : undefined,
        a
          ? or(
              lt(campaigns.createdAt, a.createdAt),
              and(eq(campaigns.createdAt, a.createdAt), lt(campaigns.id, a.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(page.limit + 1);
  return withCounts(db, workspaceId, rows);
}
