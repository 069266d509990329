import { campaigns, type Executor, memberships } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { type CampaignAdditions, campaignAdditionsSchema } from '../charter/schemas';
import { invalidField, notFound } from '../errors';
import { countCampaignPosts } from './count-campaign-posts';
import type { CampaignView, PostCounts } from './schemas';

// Shared by the campaign use cases: the row as shown and audited, and the checks they share.
export type CampaignRow = typeof campaigns.$inferSelect;

/** The campaign's own fields, as audited and (with its post counts) returned. */
export function fieldsOf(row: CampaignRow) {
  return {
    id: row.id,
    name: row.name,
    objective: row.objective,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    colour: row.colour,
    status: row.status,
    ownerUserId: row.ownerUserId,
    additions: campaignAdditionsSchema.parse(row.additions) as CampaignAdditions,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const NO_POSTS: PostCounts = { total: 0, byStatus: {} };

export async function withCounts(
  db: Executor,
  workspaceId: string,
  rows: CampaignRow[],
): Promise<CampaignView[]> {
  const counts = await countCampaignPosts(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...fieldsOf(r), postCounts: counts.get(r.id) ?? NO_POSTS }));
}

/** An owner must belong to the workspace, or the campaign would point at a stranger. */
export async function assertMember(db: Executor, workspaceId: string, userId: string | null | undefined) {
  if (!userId) return;
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!member) throw invalidField('body.ownerUserId', 'not_a_member');
}

export async function findRow(db: Executor, workspaceId: string, campaignId: string, lock = false) {
  const query = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('campaign');
  return row;
}
