import type { Executor } from '@cadence/db';
import { type CampaignRules, campaignAdditionsSchema } from '../charter/schemas';
import { findRow } from './campaign-rows';

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
