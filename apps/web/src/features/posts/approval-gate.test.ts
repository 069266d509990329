import { describe, expect, it } from 'vitest';
import { afterMySave, approveGate, gateFor } from './approval-gate';

const manager = { userId: 'm', role: 'manager' as const };
const defaults = { approvalScope: 'editors_and_tokens' as const, requiredApprovals: 1 };
const editorsPost = {
  status: 'in_review' as const,
  approvalsRequired: 1,
  writerUserIds: ['e'],
  approvals: [],
};

describe('approval gate', () => {
  it('lets a manager schedule their own new post directly under the default policy', () => {
    expect(gateFor(afterMySave(null, true, manager, defaults), manager)).toEqual({ may: 'schedule' });
    expect(
      gateFor(afterMySave(null, true, manager, { approvalScope: 'everyone', requiredApprovals: 1 }), manager),
    ).toEqual({ may: 'submit', required: 1 });
  });

  it('offers approve and schedule on an editor’s post, until the manager rewrites it', () => {
    expect(gateFor(afterMySave(editorsPost, false, manager, defaults), manager)).toEqual({
      may: 'approveAndSchedule',
    });
    expect(gateFor(afterMySave(editorsPost, true, manager, defaults), manager)).toEqual({
      may: 'wait',
      reason: 'own_content',
      required: 1,
    });
    expect(approveGate({ ...editorsPost, writerUserIds: ['e', 'm'] }, manager)).toEqual({
      ok: false,
      reason: 'own_content',
    });
    expect(approveGate(editorsPost, manager)).toEqual({ ok: true });
  });

  it('waits for a second approver when two are needed', () => {
    const two = { ...editorsPost, approvalsRequired: 2 };
    expect(gateFor(two, manager)).toEqual({ may: 'wait', reason: 'more_approvals', required: 2 });
    const oneIn = { ...two, approvals: [{ userId: 'm2' }] as typeof two.approvals };
    expect(gateFor(oneIn, manager)).toEqual({ may: 'approveAndSchedule' });
  });

  it('offers approval again on an approved post whose approvals no longer meet a tightened policy', () => {
    const approvedUnder0 = { ...editorsPost, status: 'approved' as const, approvals: [] };
    expect(gateFor(approvedUnder0, manager)).toEqual({ may: 'approveAndSchedule' });
    expect(
      gateFor({ ...approvedUnder0, approvals: [{ userId: 'm2' }] as typeof editorsPost.approvals }, manager),
    ).toEqual({
      may: 'schedule',
    });
  });
});
