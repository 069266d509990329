import { campaigns, type Db } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { assertMember, fieldsOf, NO_POSTS } from './campaign-rows';
import type { CampaignCreate, CampaignView } from './schemas';

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
