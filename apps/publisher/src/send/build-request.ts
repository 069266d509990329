import type { MediaRef } from '@cadence/db';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import type { PublishRequest } from '@cadence/networks';
import type { ClaimedTarget, PublisherDeps } from '../deps';
import type { SendContext } from './load-send-context';

type Built = { ok: true; request: PublishRequest } | { ok: false; reason: string };

const UNREADABLE = Symbol('unreadable credentials');
// Opened once per channel row, that is once per batch and channel, not once per target: the batch
// loads its channels afresh, and every target of a channel gets the same object, which adapters
// only read (decision 0312).
const opened = new WeakMap<object, unknown>();

function credentialsOf(
  deps: Pick<PublisherDeps, 'keyRing'>,
  channelId: string,
  channel: { credentialsSealed: string | null },
): unknown {
  if (!channel.credentialsSealed) return null;
  if (opened.has(channel)) return opened.get(channel);
  let credentials: unknown;
  try {
    credentials = openJson(deps.keyRing, channel.credentialsSealed, sealedIn.channelCredentials(channelId));
  } catch {
    credentials = UNREADABLE;
  }
  opened.set(channel, credentials);
  return credentials;
}

/** The adapter's view of one target: the post's content with this network's overrides and credentials. */
export function buildRequest(
  deps: Pick<PublisherDeps, 'keyRing'>,
  target: ClaimedTarget,
  ctx: SendContext,
): Built {
  const post = ctx.posts.get(target.postId);
  const channel = ctx.channels.get(target.channelId);
  if (!post || !channel) return { ok: false, reason: 'The post or its channel no longer exists' };
  const credentials = credentialsOf(deps, target.channelId, channel);
  if (credentials === UNREADABLE) {
    return {
      ok: false,
      reason: "The channel's credentials cannot be opened with the configured encryption keys",
    };
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
