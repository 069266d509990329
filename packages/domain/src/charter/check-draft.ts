import { channels, type Db } from '@cadence/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { loadCampaignRules } from '../campaigns/load-campaign-rules';
import { notFound } from '../errors';
import type { CharterCheck } from './api-schemas';
import { loadCharterForCheck } from './charter-use-cases';
import { assertCheckable, checkPost, hasBlocking, type PostTarget } from './check-post';
import { countsOtherPosts } from './resolve-rules';
import { listScheduledOnChannels } from './scheduled-on-channels';

// A target named by network only has no channel; the checker still wants an id to group by.
const NETWORK_ONLY = 'network:';

/**
 * Checks a draft that is not saved: the current charter, the campaign's additions and the
 * committed posts on the same channels. Channels and campaign are looked up in the caller's
 * workspace only, so another workspace's ids answer 404 as missing ones do.
 */
export async function checkDraft(db: Db, actor: Actor, input: CharterCheck) {
  const channelIds = [...new Set(input.targets.map((t) => t.channelId))];
  const found = channelIds.length
    ? await db
        .select({ id: channels.id, network: channels.network })
        .from(channels)
        .where(and(eq(channels.workspaceId, actor.workspaceId), inArray(channels.id, channelIds)))
    : [];
  if (found.length !== channelIds.length) throw notFound('channel');
  const networkOf = new Map(found.map((c) => [c.id, c.network]));

  const media = { mediaCount: input.media.length, mediaKinds: input.media };
  const targets: PostTarget[] = [
    ...input.targets.map((t) => ({
      channelId: t.channelId,
      network: networkOf.get(t.channelId) ?? 'sandbox',
      text: t.text,
      ...media,
    })),
    ...[...new Set(input.networks)].map((network) => ({
      channelId: `${NETWORK_ONLY}${network}`,
      network,
      ...media,
    })),
  ];

  const charter = await loadCharterForCheck(db, actor.workspaceId);
  const campaign = input.campaignId ? await loadCampaignRules(db, actor.workspaceId, input.campaignId) : null;
  const scheduledAt = input.scheduledAt ?? null;
  const otherPosts =
    scheduledAt &&
    countsOtherPosts(
      charter.rules,
      targets.map((t) => t.network),
    )
      ? await listScheduledOnChannels(db, actor.workspaceId, channelIds, [new Date(scheduledAt)])
      : [];

  const violations = checkPost({
    text: input.text,
    targets,
    scheduledAt,
    timezone: actor.workspaceTimezone,
    charter: charter.rules,
    campaign,
    otherPosts,
  }).map(({ channelId, ...v }) => (channelId?.startsWith(NETWORK_ONLY) ? v : { ...v, channelId }));
  assertCheckable(violations);

  return { charterVersion: charter.version, blocking: hasBlocking(violations), violations };
}
