import { describe, expect, it } from 'vitest';
import { charterChanges } from './change-summary';
import { charter } from './test-support';

describe('charterChanges', () => {
  const base = charter({
    rules: { tone: 'Warm', maxHashtags: { max: 3, severity: 'warn' } },
    overrides: { x: { maxLength: { max: 200, severity: 'block' } } },
  });

  it('lists every rule of a first charter', () => {
    expect(charterChanges(null, base)).toEqual(['overrides.x.maxLength', 'rules.maxHashtags', 'rules.tone']);
  });

  it('lists nothing when only key order differs', () => {
    const reordered = charter({
      overrides: { x: { maxLength: { severity: 'block', max: 200 } } },
      rules: { maxHashtags: { severity: 'warn', max: 3 }, tone: 'Warm' },
    });
    expect(charterChanges(base, reordered)).toEqual([]);
  });

  it('names changed, added and removed rules, workspace-wide and per network', () => {
    const next = charter({
      rules: {
        tone: 'Warm',
        maxHashtags: { max: 4, severity: 'warn' },
        maxEmoji: { max: 1, severity: 'warn' },
      },
      overrides: { bluesky: { tone: null } },
    });
    expect(charterChanges(base, next)).toEqual([
      'overrides.bluesky.tone',
      'overrides.x.maxLength',
      'rules.maxEmoji',
      'rules.maxHashtags',
    ]);
  });
});
