import { describe, expect, it } from 'vitest';
import { notificationKindOfPostEvent } from './post-event-kinds';

describe('which post events notify', () => {
  it('an approval that schedules the requested time notifies once, as the approval', () => {
    const approved = { action: 'approved', from: 'in_review', to: 'approved' };
    const scheduledByIt = {
      action: 'scheduled',
      from: 'approved',
      to: 'scheduled',
      details: { trigger: 'approval' },
    };
    expect(notificationKindOfPostEvent(approved)).toBe('post_approved');
    expect(notificationKindOfPostEvent(scheduledByIt)).toBeNull();
  });

  it('a schedule someone sets by hand still notifies', () => {
    expect(notificationKindOfPostEvent({ action: 'scheduled', from: 'approved', to: 'scheduled' })).toBe(
      'post_scheduled',
    );
    expect(
      notificationKindOfPostEvent({ action: 'rescheduled', from: 'scheduled', to: 'scheduled', details: {} }),
    ).toBe('post_scheduled');
  });

  it('an approval still waiting for a second manager notifies nobody', () => {
    expect(
      notificationKindOfPostEvent({ action: 'approved', from: 'in_review', to: 'in_review' }),
    ).toBeNull();
  });
});
