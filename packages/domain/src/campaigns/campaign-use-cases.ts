import { campaigns, type Db, type Executor, memberships, posts } from '@cadence/db';
import { and, count, desc, eq, lt, or } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { type CampaignAdditions, type CampaignRules, campaignAdditionsSchema } from '../charter/schemas';
import { AppError, conflict, notFound } from '../errors';
import { countCampaignPosts } from './count-campaign-posts';
import {
  type CampaignCreate,
  type CampaignStatus,
  type CampaignUpdate,
  type CampaignView,
  ENDS_BEFORE_STARTS,
  type PostCounts,
} from './schemas';

type CampaignRow = typeof campaigns.$inferSelect;

/** The campaign's own fields, as audited and (with its post counts) returned. */
function fieldsOf(row: CampaignRow) {
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

const NO_POSTS: PostCounts = { total: 0, byStatus: {} };

async function withCounts(db: Executor, workspaceId: string, rows: CampaignRow[]): Promise<CampaignView[]> {
  const counts = await countCampaignPosts(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...fieldsOf(r), postCounts: counts.get(r.id) ?? NO_POSTS }));
}

function invalidField(field: string, message: string) {
  return new AppError('validation_failed', `body.${field}: ${message}`, [
    { field: `body.${field}`, message },
  ]);
}

/** An owner must belong to the workspace, or the campaign would point at a stranger. */
async function assertMember(db: Executor, workspaceId: string, userId: string | null | undefined) {
  if (!userId) return;
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!member) throw invalidField('ownerUserId', 'is not a member of this workspace');
}

async function findRow(db: Executor, workspaceId: string, campaignId: string, lock = false) {
  const query = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Campaign');
  return row;
}

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

export async function getCampaign(db: Db, workspaceId: string, campaignId: string) {
  const [view] = await withCounts(db, workspaceId, [await findRow(db, workspaceId, campaignId)]);
  if (!view) throw notFound('Campaign');
  return view;
}

/** The dates and additions the charter checker needs; 404 for another workspace's campaign. */
export async function loadCampaignRules(
  db: Executor,
  workspaceId: string,
  campaignId: string,
): Promise<CampaignRules> {
  const row = await findRow(db, workspaceId, campaignId);
  return {
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    additions: campaignAdditionsSchema.parse(row.additions),
  };
}

export async function createCampaign(db: Db, actor: Actor, input: CampaignCreate): Promise<CampaignView> {
  return db.transaction(async (tx) => {
    const ownerUserId = input.ownerUserId === undefined ? actor.userId : input.ownerUserId;
    await assertMember(tx, actor.workspaceId, ownerUserId);
    const [row] = await tx
      .insert(campaigns)
      .values({ ...input, workspaceId: actor.workspaceId, ownerUserId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: row.id,
      after: fieldsOf(row),
    });
    return { ...fieldsOf(row), postCounts: NO_POSTS };
  });
}

export async function updateCampaign(
  db: Db,
  actor: Actor,
  campaignId: string,
  input: CampaignUpdate,
): Promise<CampaignView> {
  return db.transaction(async (tx) => {
    const current = await findRow(tx, actor.workspaceId, campaignId, true);
    const startsOn = input.startsOn ?? current.startsOn;
    const endsOn = input.endsOn ?? current.endsOn;
    if (endsOn < startsOn) {
      throw input.endsOn
        ? invalidField('endsOn', ENDS_BEFORE_STARTS)
        : invalidField('startsOn', 'must be on or before endsOn');
    }
    await assertMember(tx, actor.workspaceId, input.ownerUserId);
    const [row] = await tx
      .update(campaigns)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound('Campaign');
    await recordAudit(tx, actor, {
      action: row.status !== current.status ? `campaign.${row.status}` : 'campaign.updated',
      entityType: 'campaign',
      entityId: campaignId,
      before: fieldsOf(current),
      after: fieldsOf(row),
    });
    const [view] = await withCounts(tx, actor.workspaceId, [row]);
    if (!view) throw notFound('Campaign');
    return view;
  });
}

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
        `This campaign has ${postCount} post${postCount === 1 ? '' : 's'}: archive it instead (status "archived")`,
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
