import type { Actor } from '../accounts/actor';
import { createPost } from './create-post';
import { type PostDeps, inTransaction } from './deps';
import { recordPostEvent } from './post-events';
import { isKnownPillar } from './post-charter';
import { findPost, loadTargets } from './post-store';
import type { PostView } from './schemas';
import { assertRole } from './workflow';

/**
 * A new draft with the same content, channels (with their own texts and media), campaign, pillar
 * and labels, written by the caller. No time and no approval carry over: it is new work.
 * A pillar the charter no longer defines is left off rather than refusing the copy: the old post
 * keeps it for the reports, the new one is filed under a current pillar by whoever edits it.
 */
export async function duplicatePost(deps: PostDeps, actor: Actor, postId: string): Promise<PostView> {
  assertRole(actor.role, 'create');
  return inTransaction(deps.db, async (tx) => {
    const source = await findPost(tx, actor.workspaceId, postId);
    const targets = await loadTargets(tx, [source.id]);
    const pillarId =
      source.pillarId !== null && (await isKnownPillar(tx, actor.workspaceId, source.pillarId))
        ? source.pillarId
        : null;
    const copy = await createPost({ db: tx, clock: deps.clock }, actor, {
      text: source.text,
      media: source.media,
      link: source.link,
      firstComment: source.firstComment,
      campaignId: source.campaignId,
      pillarId,
      labels: source.labels,
      targets: targets.map((t) => ({
        channelId: t.channelId,
        ...(t.textOverride !== null ? { text: t.textOverride } : {}),
        ...(t.mediaOverride !== null ? { media: t.mediaOverride } : {}),
        ...(t.firstCommentOverride !== null ? { firstComment: t.firstCommentOverride } : {}),
      })),
    });
    await recordPostEvent(tx, actor, {
      postId: copy.id,
      action: 'duplicated',
      from: null,
      to: 'draft',
      details: {
        from: source.id,
        ...(pillarId !== source.pillarId ? { droppedPillar: source.pillarId } : {}),
      },
    });
    return copy;
  });
}
