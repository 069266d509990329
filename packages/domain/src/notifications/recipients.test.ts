import { describe, expect, it } from 'vitest';
import { mentionedMembers, recipientsFor } from './recipients';

const members = [
  { userId: 'o', role: 'owner' as const, name: 'Olivia Owner', email: 'olivia@example.com' },
  { userId: 'm', role: 'manager' as const, name: 'Max Manager', email: 'max.m@example.com' },
  { userId: 'e', role: 'editor' as const, name: 'Eddie Editor', email: 'eddie@example.com' },
  { userId: 'v', role: 'viewer' as const, name: 'Vic Viewer', email: 'vic@example.com' },
];
const base = { subjectUserId: null, authorUserId: 'e', participantUserIds: [], mentionedUserIds: [] };

describe('who hears about what', () => {
  it('sends submissions to the managers and owners, never to the actor', () => {
    expect(recipientsFor(members, { ...base, kind: 'post_submitted', actorUserId: 'e' }).sort()).toEqual([
      'm',
      'o',
    ]);
    expect(recipientsFor(members, { ...base, kind: 'post_submitted', actorUserId: 'm' })).toEqual(['o']);
  });
  it('sends decisions to the author only, outcomes to the author and managers, stalls to owners', () => {
    expect(recipientsFor(members, { ...base, kind: 'changes_requested', actorUserId: 'm' })).toEqual(['e']);
    expect(recipientsFor(members, { ...base, kind: 'post_failed', actorUserId: null }).sort()).toEqual([
      'e',
      'm',
      'o',
    ]);
    expect(recipientsFor(members, { ...base, kind: 'publisher_stalled', actorUserId: null })).toEqual(['o']);
  });
  it('skips people who are no longer members', () => {
    expect(
      recipientsFor(members, { ...base, authorUserId: 'gone', kind: 'post_approved', actorUserId: 'm' }),
    ).toEqual([]);
  });
  it('reads @mentions by email local part or name without spaces, not inside addresses', () => {
    expect(mentionedMembers('ping @max.m and @EddieEditor.', members).sort()).toEqual(['e', 'm']);
    expect(mentionedMembers('write to vic@example.com', members)).toEqual([]);
  });
});
