import { describe, expect, it } from 'vitest';
import type { Violation } from '../charter/schemas';
import { appliesToReplies } from './reply-rules';

const v = (rule: string): Violation => ({
  rule,
  severity: 'block',
  field: 'text',
  messageCode: 'charter.bannedPhrase',
  params: { source: 'charter', phrase: 'x' },
});

describe('appliesToReplies', () => {
  it('keeps what the brand must never say and the lengths, on the workspace or a network', () => {
    for (const rule of [
      'bannedPhrases',
      'forbiddenHashtags',
      'maxLength',
      'network.maxLength',
      'bluesky.maxLength',
    ])
      expect(appliesToReplies(v(rule)), rule).toBe(true);
  });
  it('leaves out the rules about how a campaign post is built', () => {
    for (const rule of ['requiredHashtags', 'postingWindows', 'utm', 'dailyCap'])
      expect(appliesToReplies(v(rule)), rule).toBe(false);
  });
});
