// A reply passes the charter before it is sent: the same checker as posts (one pure checker,
// README), with the rules that make sense for a reply in a conversation. What the brand must
// never say (banned phrases, forbidden hashtags) and what the network or the charter allows in
// length apply; rules about how a post is built (required hashtags, links and UTM, counts of
// mentions, posting windows, caps) do not: a reply answers a person, it is not a campaign post.
import type { Db } from '@cadence/db';
import type { Network } from '@cadence/names';
import { assertCheckable, checkPost } from '../charter/check-post';
import { loadCharterForCheck } from '../charter/charter-use-cases';
import type { Violation } from '../charter/schemas';
import { unprocessable } from '../errors';
import { appliesToReplies } from './reply-rules';

export async function checkReplyText(
  db: Db,
  input: { workspaceId: string; timezone: string; channelId: string; network: Network; text: string },
  field = 'body.text',
): Promise<Violation[]> {
  const charter = await loadCharterForCheck(db, input.workspaceId);
  const violations = checkPost({
    text: input.text,
    targets: [{ channelId: input.channelId, network: input.network }],
    scheduledAt: null,
    timezone: input.timezone,
    charter: charter.rules,
    otherPosts: [],
  });
  assertCheckable(violations);
  const applying = violations.filter(appliesToReplies);
  const blocking = applying.filter((v) => v.severity === 'block');
  if (blocking.length > 0) {
    throw unprocessable('errors.inbox.replyBreaksCharter', {}, { field, violations: blocking });
  }
  return applying;
}

/**
 * The text as sent. On Mastodon a reply reaches its author only if it mentions them, so the
 * author's handle is put first when the text does not name them already (as Mastodon's own
 * apps do); Bluesky's reply refs notify by themselves.
 */
export function replyTextFor(network: Network, authorHandle: string, text: string): string {
  const body = text.trim();
  if (network !== 'mastodon') return body;
  const mention = `@${authorHandle.replace(/^@/, '')}`;
  return body.toLowerCase().includes(mention.toLowerCase()) ? body : `${mention} ${body}`;
}
