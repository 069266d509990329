import type { CheckPostInput } from './check-post';
import { sentenceOf } from '@cadence/messages';
import { type CharterRules, charterRulesSchema, type Violation } from './schemas';

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

/** A verdict as people read it, through the shared catalogue (undefined when there is none). */
export const inEnglish = (v: Violation | undefined) => (v ? sentenceOf('en', v) : undefined);
export const inFrench = (v: Violation | undefined) => (v ? sentenceOf('fr', v) : undefined);
