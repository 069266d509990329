import { NOTIFICATION_KINDS } from '@cadence/names';
import { describe, expect, it } from 'vitest';
import { laneOf } from './lanes';

describe('laneOf', () => {
  it('puts the outcomes a drain records in bulk in the publications lane', () => {
    for (const kind of [
      'post_published',
      'post_partly_published',
      'post_failed',
      'post_outcome_unknown',
      'post_missed',
    ] as const)
      expect(laneOf(kind)).toBe('publications');
  });

  it('keeps every event meant for a person in the people lane', () => {
    const people = NOTIFICATION_KINDS.filter((k) => !k.startsWith('post_') || k === 'post_submitted');
    expect(people).toContain('role_changed');
    expect(people).toContain('mention');
    for (const kind of [...people, 'changes_requested', 'post_approved', 'post_rejected'] as const)
      expect(laneOf(kind)).toBe('people');
  });
});
