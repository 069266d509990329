// Which charter rules judge a reply (pure, browser-safe: the server refuses with them and the
// inbox's reply box checks with them while typing). What the brand must never say and how long
// the network or the charter allows apply; rules about how a campaign post is built do not.
import type { Violation } from '../charter/schemas';

const REPLY_RULES = new Set([
  'bannedPhrases',
  'forbiddenHashtags',
  'maxLength',
  'network.maxLength',
  'network.maxBytes',
]);

export function appliesToReplies(v: Violation): boolean {
  return REPLY_RULES.has(v.rule) || REPLY_RULES.has(v.rule.replace(/^[a-z]+\./, ''));
}
