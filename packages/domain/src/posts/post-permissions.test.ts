import { describe, expect, it } from 'vitest';
import { deleteRefusal, mayRun, type PostFacts } from './post-permissions';

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  status: 'draft',
  targetStatuses: ['pending'],
  approvalsRequired: 1,
  isAuthor: false,
  ...over,
});

describe('mayRun', () => {
  it('lets editors delete only their own unsent drafts; managers any post nothing left from', () => {
    expect(mayRun('editor', post({ isAuthor: true }), 'delete')).toBe(true);
    expect(mayRun('editor', post({ isAuthor: false }), 'delete')).toBe(false);
    expect(mayRun('editor', post({ isAuthor: true, status: 'approved' }), 'delete')).toBe(false);
    expect(mayRun('manager', post({ status: 'scheduled', targetStatuses: ['scheduled'] }), 'delete')).toBe(
      true,
    );
    expect(mayRun('manager', post({ status: 'cancelled', targetStatuses: ['cancelled'] }), 'delete')).toBe(
      true,
    );
    expect(mayRun('owner', post({ status: 'published', targetStatuses: ['published'] }), 'delete')).toBe(
      false,
    );
    expect(
      mayRun(
        'owner',
        post({ status: 'partially_published', targetStatuses: ['published', 'failed'] }),
        'delete',
      ),
    ).toBe(false);
    expect(mayRun('owner', post({ status: 'scheduled', targetStatuses: ['sending'] }), 'delete')).toBe(false);
    expect(mayRun('viewer', post({ isAuthor: true }), 'delete')).toBe(false);
  });

  it('says why a delete is refused', () => {
    expect(deleteRefusal('owner', post({ status: 'published', targetStatuses: ['published'] }))).toBe('sent');
    expect(deleteRefusal('editor', post())).toBe('role');
    expect(deleteRefusal('editor', post({ isAuthor: true, status: 'scheduled' }))).toBe('status');
    expect(deleteRefusal('manager', post())).toBeNull();
  });

  it('schedules only what the approval rule lets through, and proposes a time before scheduling', () => {
    expect(mayRun('manager', post({ status: 'approved' }), 'schedule')).toBe(true);
    expect(mayRun('manager', post({ status: 'draft', approvalsRequired: 1 }), 'schedule')).toBe(false);
    expect(mayRun('manager', post({ status: 'draft', approvalsRequired: 0 }), 'schedule')).toBe(true);
    expect(mayRun('editor', post({ status: 'approved' }), 'schedule')).toBe(false);
    expect(mayRun('editor', post({ status: 'draft' }), 'propose_time')).toBe(true);
    expect(mayRun('editor', post({ status: 'scheduled' }), 'propose_time')).toBe(false);
  });

  it('unschedules and cancels only before publishing starts', () => {
    const scheduled = post({ status: 'scheduled', targetStatuses: ['scheduled'] });
    expect(mayRun('manager', scheduled, 'unschedule')).toBe(true);
    expect(mayRun('editor', scheduled, 'unschedule')).toBe(false);
    expect(mayRun('manager', { ...scheduled, targetStatuses: ['claimed'] }, 'cancel')).toBe(false);
    expect(mayRun('manager', post({ status: 'published' }), 'cancel')).toBe(false);
    expect(mayRun('editor', post({ status: 'published' }), 'duplicate')).toBe(true);
    expect(mayRun('viewer', post(), 'duplicate')).toBe(false);
  });
});
