import { campaigns } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../audit/record-audit';
import { invalidField, notFound } from '../errors';
import { assertMember, fieldsOf, findRow, withCounts } from './campaign-rows';
import type { UseCaseDeps } from '../use-case-deps';
import type { CampaignUpdate, CampaignView } from './schemas';

export async function updateCampaign(
  deps: UseCaseDeps,
  actor: Actor,
  input: { campaignId: string; patch: CampaignUpdate },
): Promise<CampaignView> {
  const { db } = deps;
  const { campaignId, patch } = input;
  return db.transaction(async (tx) => {
    const current = await findRow(tx, actor.workspaceId, campaignId, true);
    const startsOn = patch.startsOn ?? current.startsOn;
    const endsOn = patch.endsOn ?? current.endsOn;
    if (endsOn < startsOn) {
      throw patch.endsOn
        ? invalidField('body.endsOn', 'ends_before_start')
        : invalidField('body.startsOn', 'starts_after_end');
    }
    await assertMember(tx, actor.workspaceId, patch.ownerUserId);
    const [row] = await tx
      .update(campaigns)
      .set({ ...patch, updatedAt: deps.clock() })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, actor.workspaceId)))
      .returning();
    if (!row) throw notFound('campaign');
    await recordAudit(tx, actor, {
      action: row.status !== current.status ? `campaign.${row.status}` : 'campaign.updated',
      entityType: 'campaign',
      entityId: campaignId,
      before: fieldsOf(current),
      after: fieldsOf(row),
    });
    const [view] = await withCounts(tx, actor.workspaceId, [row]);
    if (!view) throw notFound('campaign');
    return view;
  });
}
