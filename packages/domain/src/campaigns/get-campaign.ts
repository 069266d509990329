import type { Db } from '@cadence/db';
import { notFound } from '../errors';
import { findRow, withCounts } from './campaign-rows';

export async function getCampaign(db: Db, workspaceId: string, campaignId: string) {
  const [view] = await withCounts(db, workspaceId, [await findRow(db, workspaceId, campaignId)]);
  if (!view) throw notFound('campaign');
  return view;
}
