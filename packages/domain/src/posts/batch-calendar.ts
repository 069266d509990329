// What a bulk schedule reads once for its whole batch instead of once per post: the committed posts
// around the batch's instants on the channels whose charter rules count them, and the campaigns'
// rules. Items are then judged in order in memory, each seeing the batch's earlier items where a
// single call after theirs would have found them in the database.
import type { Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { loadCampaignRules } from '../campaigns/load-campaign-rules';
import type { OtherPost } from '../charter/check-post';
import { listScheduledOnChannels, REACH_MS } from '../charter/scheduled-on-channels';
import type { CampaignRules } from '../charter/schemas';
import { AppError } from '../errors';
import { MOVABLE } from '../publishing/target-ledger';
import { lockChannels, type TargetRow } from './post-store';

type Placed = Pick<TargetRow, 'channelId' | 'status'>;

/**
 * The other posts of the counted channels, by channel then post. Channels are locked first, as a
 * single schedule locks them, so two batches (or a batch and a single call) cannot both pass a cap.
 */
export async function loadCountedCalendar(
  tx: Executor,
  actor: Actor,
  channelIds: readonly string[],
  instants: readonly Date[],
) {
  const byChannel = new Map<string, Map<string, OtherPost[]>>(channelIds.map((id) => [id, new Map()]));
  if (channelIds.length > 0) {
    await lockChannels(tx, actor.workspaceId, [...byChannel.keys()]);
    for (const other of await listScheduledOnChannels(tx, actor.workspaceId, channelIds, instants)) {
      const posts = byChannel.get(other.channelId) as Map<string, OtherPost[]>;
      posts.set(other.postId as string, [...(posts.get(other.postId as string) ?? []), other]);
    }
  }
  return {
    /** What the database would answer a single schedule at `at` on these channels. */
    around(channelIds: readonly string[], at: Date): OtherPost[] {
      const from = at.getTime() - REACH_MS;
      const to = at.getTime() + REACH_MS;
      const found: OtherPost[] = [];
      for (const channelId of new Set(channelIds)) {
        for (const entries of byChannel.get(channelId)?.values() ?? []) {
          for (const e of entries) {
            const t = Date.parse(e.scheduledAt);
            if (t >= from && t <= to) found.push(e);
          }
        }
      }
      return found;
    },
    /** A post of the batch now scheduled at `at`: its movable targets go there, as the ledger moves them. */
    place(postId: string, targets: readonly Placed[], at: Date): void {
      for (const t of targets) {
        if (!MOVABLE.includes(t.status)) continue;
        // One target per post and channel: its old time gives way to the new one.
        byChannel
          .get(t.channelId)
          ?.set(postId, [{ channelId: t.channelId, scheduledAt: at.toISOString(), postId }]);
      }
    },
  };
}

/** Each campaign's rules once; a campaign that cannot be read fails only the items that name it. */
export async function loadCampaignsRules(
  db: Executor,
  workspaceId: string,
  campaignIds: readonly (string | null)[],
): Promise<(campaignId: string | null) => CampaignRules | null> {
  const found = new Map<string, CampaignRules | AppError>();
  for (const id of new Set(campaignIds)) {
    if (id === null) continue;
    try {
      found.set(id, await loadCampaignRules(db, workspaceId, id));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      found.set(id, err);
    }
  }
  return (campaignId) => {
    if (campaignId === null) return null;
    const rules = found.get(campaignId);
    if (rules instanceof AppError) throw rules;
    return rules ?? null;
  };
}
