import type { CheckPostInput } from './check-post';
import { type CharterRules, charterRulesSchema } from './schemas';

/** A checkPost input with one Mastodon target and no rules, for tests to adjust. */
export function postInput(overrides: Partial<CheckPostInput> = {}): CheckPostInput {
  return {
    text: 'Hello',
    targets: [{ channelId: 'c1', network: 'mastodon' }],
    timezone: 'Europe/Paris',
    charter: charterRulesSchema.parse({}),
    otherPosts: [],
    ...overrides,
  };
}

/** Parses a charter as the API would, so tests use the same defaults. */
export function charter(value: unknown): CharterRules {
  return charterRulesSchema.parse(value);
}
