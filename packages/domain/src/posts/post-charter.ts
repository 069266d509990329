// Runs the charter checker on a stored post: its targets' networks and texts, its campaign's
// additions and, when it has a time, the other committed posts on the same channels.
import type { Executor } from '@cadence/db';
import type { Actor } from '../accounts/actor';
import { loadCampaignRules } from '../campaigns/load-campaign-rules';
import { loadCharterForCheck } from '../charter/charter-use-cases';
import {
  assertCheckable,
  checkPost,
  hasBlocking,
  type OtherPost,
  type PostTarget,
} from '../charter/check-post';
import { countsOtherPosts } from '../charter/resolve-rules';
import { listScheduledOnChannels } from '../charter/scheduled-on-channels';
import type { CampaignRules, CharterRules, Violation } from '../charter/schemas';
import { sayError, unprocessable } from '../errors';
import type { PostRow, TargetRow } from './post-store';

export interface CharterOutcome {
  violations: Violation[];
  blocking: boolean;
  charterVersionId: string | null;
}

export type CheckedPost = Pick<PostRow, 'id' | 'text' | 'link' | 'media' | 'campaignId'>;
export type CheckedTarget = Pick<TargetRow, 'channelId' | 'network' | 'textOverride' | 'mediaOverride'>;

/**
 * The link travels with the text on most networks, so the checker sees it there (appended when
 * the text does not already contain it): link rules and lengths apply to what will be sent.
 */
function textWithLink(text: string, link: string | null): string {
  if (!link || text.includes(link)) return text;
  return text ? `${text}\n${link}` : link;
}

export async function checkStoredPost(
  db: Executor,
  actor: Actor,
  post: CheckedPost,
  targets: readonly CheckedTarget[],
  scheduledAt: Date | null,
  /** Runs before the other posts are read (only when a rule counts them): the caller's channel locks. */
  beforeCounting?: () => Promise<void>,
): Promise<CharterOutcome> {
  const charter = await loadCharterForCheck(db, actor.workspaceId);
  const campaign = post.campaignId ? await loadCampaignRules(db, actor.workspaceId, post.campaignId) : null;
  // Scheduling costs the same on an empty channel and a full one unless a rule counts posts.
  const counting = scheduledAt !== null && countsOthers(charter.rules, targets);
  if (counting) await beforeCounting?.();
  const otherPosts = counting
    ? await listScheduledOnChannels(
        db,
        actor.workspaceId,
        targets.map((t) => t.channelId),
        [scheduledAt],
      )
    : [];
  return judgeStoredPost({ actor, charter, campaign, post, targets, scheduledAt, otherPosts });
}

/** Whether the charter has a rule counting the other posts of these targets' channels. */
export function countsOthers(charter: CharterRules, targets: readonly CheckedTarget[]): boolean {
  return countsOtherPosts(
    charter,
    targets.map((t) => t.network),
  );
}

/**
 * The charter's verdict on a stored post, given everything already read: the one place the single
 * and the bulk schedule (which reads once for a whole batch) turn a post into the checker's input.
 */
export function judgeStoredPost(input: {
  actor: Actor;
  charter: { id: string | null; rules: CharterRules };
  campaign: CampaignRules | null;
  post: CheckedPost;
  targets: readonly CheckedTarget[];
  scheduledAt: Date | null;
  otherPosts: readonly OtherPost[];
}): CharterOutcome {
  const { post, charter } = input;
  const checkTargets: PostTarget[] = input.targets.map((t) => {
    const media = t.mediaOverride ?? post.media;
    return {
      channelId: t.channelId,
      network: t.network,
      ...(t.textOverride !== null ? { text: textWithLink(t.textOverride, post.link) } : {}),
      mediaCount: media.length,
      mediaKinds: media.map((m) => m.kind),
    };
  });
  const violations = checkPost({
    text: textWithLink(post.text, post.link),
    targets: checkTargets,
    scheduledAt: input.scheduledAt?.toISOString() ?? null,
    timezone: input.actor.workspaceTimezone,
    charter: charter.rules,
    campaign: input.campaign,
    otherPosts: input.otherPosts,
    postId: post.id,
  });
  assertCheckable(violations);
  return { violations, blocking: hasBlocking(violations), charterVersionId: charter.id };
}

/** Throws 422 carrying the violations when any of them blocks. */
export function assertNoBlocking(outcome: CharterOutcome, what: string): void {
  if (outcome.blocking) {
    throw sayError(
      'unprocessable',
      'errors.workflow.charterBlocks',
      { what },
      { violations: outcome.violations.filter((v) => v.severity === 'block') },
    );
  }
}

async function knownPillars(db: Executor, workspaceId: string): Promise<string[]> {
  const charter = await loadCharterForCheck(db, workspaceId);
  return (charter.rules.rules.pillars ?? []).map((p) => p.id);
}

export async function isKnownPillar(db: Executor, workspaceId: string, pillarId: string) {
  return (await knownPillars(db, workspaceId)).includes(pillarId);
}

/** A pillar must be one the charter defines, or reports by pillar would count ghosts. */
export async function assertKnownPillar(
  db: Executor,
  workspaceId: string,
  pillarId: string | null | undefined,
) {
  if (pillarId === null || pillarId === undefined) return;
  const known = await knownPillars(db, workspaceId);
  if (!known.includes(pillarId)) {
    throw unprocessable('errors.posts.unknownPillar', { pillar: pillarId }, { field: 'pillarId', known });
  }
}
