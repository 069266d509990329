import type { MediaRef } from '@cadence/db';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import type { PublishRequest } from '@cadence/networks';
import type { ClaimedTarget, PublisherDeps } from '../deps';
import type { SendContext } from './load-send-context';

type Built = { ok: true; request: PublishRequest } | { ok: false; reason: string };

/** The adapter's view of one target: the post's content with this network's overrides and credentials. */
export function buildRequest(
  deps: Pick<PublisherDeps, 'keyRing'>,
  target: ClaimedTarget,
  ctx: SendContext,
): Built {
  const post = ctx.posts.get(target.postId);
  const channel = ctx.channels.get(target.channelId);
  if (!post || !channel) return { ok: false, reason: 'The post or its channel no longer exists' };
  let credentials: unknown = null;
  if (channel.credentialsSealed) {
    try {
      credentials = openJson(
        deps.keyRing,
        channel.credentialsSealed,
        sealedIn.channelCredentials(target.channelId),
      );
    } catch {
      return {
        ok: false,
        reason: "The channel's credentials cannot be opened with the configured encryption keys",
      };
    }
  }
  const media: MediaRef[] = target.mediaOverride ?? post.media;
  return {
    ok: true,
    request: {
      targetId: target.id,
      workspaceId: target.workspaceId,
      postId: target.postId,
      channelId: target.channelId,
      network: target.network,
      text: target.textOverride ?? post.text,
      link: post.link,
      media,
      firstComment: target.firstCommentOverride ?? post.firstComment,
      scheduledAt: target.scheduledAt,
      credentials,
    },
  };
}
