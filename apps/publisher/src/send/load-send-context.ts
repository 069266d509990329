// Everything the send-time checks need for one batch, read in a handful of queries (not one per
// target): the posts, their channels, each workspace's charter and zone, campaigns, the other
// posts that daily/weekly caps count, and which channels or networks are told to wait.
import { channels, type Db, posts, publisherRateLimits, workspaces } from '@cadence/db';
import { loadCampaignRules } from '@cadence/domain/campaigns/load-campaign-rules';
import { loadCharterForCheck } from '@cadence/domain/charter/charter-use-cases';
import { checkPost, type OtherPost } from '@cadence/domain/charter/check-post';
import { countsOtherPosts } from '@cadence/domain/charter/resolve-rules';
import type { CampaignRules, CharterRules, Violation } from '@cadence/domain/charter/schemas';
import { listScheduledOnChannels } from '@cadence/domain/charter/scheduled-on-channels';
import { and, gt, inArray, sql } from 'drizzle-orm';
import type { ClaimedTarget } from '../deps';
import { uuidList } from '@cadence/domain/publishing/target-ledger';

type PostRow = Pick<
  typeof posts.$inferSelect,
  | 'id'
  | 'status'
  | 'text'
  | 'link'
  | 'media'
  | 'firstComment'
  | 'campaignId'
  | 'workspaceId'
  | 'charterVersionId'
>;
type ChannelRow = Pick<
  typeof channels.$inferSelect,
  'id' | 'status' | 'statusReason' | 'credentialsSealed' | 'sendLimit'
>;

export interface SendContext {
  posts: Map<string, PostRow>;
  channels: Map<string, ChannelRow>;
  /** Keys "channel:<id>" / "network:<name>" that must not be called before the given time. */
  blockedUntil: Map<string, Date>;
  violationsFor(target: ClaimedTarget, post: PostRow): Violation[];
}

export const channelKey = (channelId: string) => `channel:${channelId}`;
export const networkKey = (network: string) => `network:${network}`;

export async function loadSendContext(
  db: Db,
  targets: readonly ClaimedTarget[],
  now: Date,
): Promise<SendContext> {
  const postIds = [...new Set(targets.map((t) => t.postId))];
  const channelIds = [...new Set(targets.map((t) => t.channelId))];
  const workspaceIds = [...new Set(targets.map((t) => t.workspaceId))];
  const keys = [...channelIds.map(channelKey), ...new Set(targets.map((t) => networkKey(t.network)))];

  const [postRows, channelRows, zoneRows, blockedRows] = await Promise.all([
    db
      .select({
        id: posts.id,
        status: posts.status,
        text: posts.text,
        link: posts.link,
        media: posts.media,
        firstComment: posts.firstComment,
        campaignId: posts.campaignId,
        workspaceId: posts.workspaceId,
        charterVersionId: posts.charterVersionId,
      })
      .from(posts)
      .where(sql`${posts.id} = ANY(${uuidList(postIds)})`),
    db
      .select({
        id: channels.id,
        status: channels.status,
        statusReason: channels.statusReason,
        credentialsSealed: channels.credentialsSealed,
        sendLimit: channels.sendLimit,
      })
      .from(channels)
      .where(inArray(channels.id, channelIds)),
    db
      .select({ id: workspaces.id, timezone: workspaces.timezone })
      .from(workspaces)
      .where(inArray(workspaces.id, workspaceIds)),
    db
      .select({ key: publisherRateLimits.key, blockedUntil: publisherRateLimits.blockedUntil })
      .from(publisherRateLimits)
      .where(and(inArray(publisherRateLimits.key, keys), gt(publisherRateLimits.blockedUntil, now))),
  ]);

  const charters = new Map<string, CharterRules>();
  const charterIds = new Map<string, string | null>();
  for (const id of workspaceIds) {
    const current = await loadCharterForCheck(db, id);
    charters.set(id, current.rules);
    charterIds.set(id, current.id);
  }
  const campaigns = new Map<string, CampaignRules | null>();
  for (const p of postRows) {
    if (!p.campaignId || campaigns.has(p.campaignId)) continue;
    campaigns.set(p.campaignId, await loadCampaignRules(db, p.workspaceId, p.campaignId).catch(() => null));
  }
  const others = await loadOtherPosts(db, targets, charters);
  const zones = new Map(zoneRows.map((z) => [z.id, z.timezone]));

  // A post's targets in one batch share its text, instant and charter, so they are checked in one
  // call (as the composer checks them): the zone arithmetic is then done once per post, not once
  // per target. Each violation names its channel; those that name none concern every target.
  const checked = new Map<string, Violation[]>();
  const groups = new Map<string, ClaimedTarget[]>();
  const add = (key: string, t: ClaimedTarget) => groups.set(key, [...(groups.get(key) ?? []), t]);
  for (const t of targets) {
    add(`post|${t.postId}|${t.scheduledAt.getTime()}`, t);
    add(`instant|${t.workspaceId}|${t.scheduledAt.getTime()}`, t);
  }
  const checkTogether = (post: PostRow, first: ClaimedTarget) => {
    const workspaceId = first.workspaceId;
    const otherPosts = others.get(workspaceId) ?? [];
    // Text cannot change after approval (an edit sends the post back to review), so when the
    // charter is the one it was approved under and no campaign rules apply, only the schedule
    // rules can have changed their verdict: blackouts added since, caps filled since.
    const scope =
      post.charterVersionId === charterIds.get(workspaceId) && !post.campaignId ? 'schedule' : 'all';
    // The schedule rules read neither the text nor the post's id (that only keeps the post out of
    // the other posts counted): with no other posts to count, the verdict depends only on the
    // instant and each channel, so one check serves every such post due at that instant.
    const shared = scope === 'schedule' && otherPosts.length === 0;
    const key = shared
      ? `instant|${workspaceId}|${first.scheduledAt.getTime()}`
      : `post|${post.id}|${first.scheduledAt.getTime()}`;
    let violations = checked.get(key);
    if (violations) return violations;
    const group = shared
      ? [...new Map((groups.get(key) ?? [first]).map((t) => [t.channelId, t])).values()]
      : (groups.get(key) ?? [first]);
    const charter = charters.get(workspaceId);
    violations = !charter
      ? []
      : checkPost({
          text: post.text,
          targets: group.map((t) => ({
            channelId: t.channelId,
            network: t.network,
            text: t.textOverride ?? undefined,
            mediaCount: (t.mediaOverride ?? post.media).length,
            mediaKinds: (t.mediaOverride ?? post.media).map((m) => m.kind),
          })),
          scheduledAt: first.scheduledAt.toISOString(),
          timezone: zones.get(workspaceId) ?? 'UTC',
          charter,
          campaign: post.campaignId ? (campaigns.get(post.campaignId) ?? null) : null,
          otherPosts,
          postId: post.id,
          scope,
        });
    checked.set(key, violations);
    return violations;
  };

  return {
    posts: new Map(postRows.map((p) => [p.id, p])),
    channels: new Map(channelRows.map((c) => [c.id, c])),
    blockedUntil: new Map(blockedRows.flatMap((r) => (r.blockedUntil ? [[r.key, r.blockedUntil]] : []))),
    violationsFor(target, post) {
      return checkTogether(post, target).filter(
        (v) => v.channelId === undefined || v.channelId === target.channelId,
      );
    },
  };
}

async function loadOtherPosts(
  db: Db,
  targets: readonly ClaimedTarget[],
  charters: Map<string, CharterRules>,
): Promise<Map<string, OtherPost[]>> {
  const result = new Map<string, OtherPost[]>();
  const byWorkspace = new Map<string, ClaimedTarget[]>();
  for (const t of targets) {
    const charter = charters.get(t.workspaceId);
    if (!charter) continue;
    if (!countsOtherPosts(charter, [t.network])) continue;
    byWorkspace.set(t.workspaceId, [...(byWorkspace.get(t.workspaceId) ?? []), t]);
  }
  for (const [workspaceId, list] of byWorkspace) {
    // One read per workspace and day reached by the batch (a batch is usually one instant).
    const days = new Map<string, Date>();
    for (const t of list) days.set(t.scheduledAt.toISOString().slice(0, 10), t.scheduledAt);
    const seen = new Set<string>();
    const all: OtherPost[] = [];
    for (const around of days.values()) {
      const found = await listScheduledOnChannels(
        db,
        workspaceId,
        [...new Set(list.map((t) => t.channelId))],
        [around],
      );
      for (const o of found) {
        const key = `${o.postId}:${o.channelId}`;
        if (!seen.has(key)) all.push(o);
        seen.add(key);
      }
    }
    result.set(workspaceId, all);
  }
  return result;
}
