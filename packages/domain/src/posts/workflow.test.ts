import { describe, expect, it } from 'vitest';
import { ROLES } from '../accounts/roles';
import { AppError } from '../errors';
import { approvalsRequired, type Contribution } from './approval-policy';
import type { PostStatus } from './schemas';
import { POST_STATUSES } from './schemas';
import {
  ALLOWED_FROM,
  assertMayApprove,
  assertRole,
  assertSchedulable,
  assertTransition,
  countApprovals,
  isApproved,
  statusAfterEdit,
} from './workflow';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
}

describe('roles', () => {
  it('lets editors write and submit but not decide', () => {
    for (const action of ['create', 'edit', 'submit', 'comment', 'read'] as const)
      expect(codeOf(() => assertRole('editor', action))).toBeNull();
    for (const action of [
      'approve',
      'request_changes',
      'schedule',
      'reschedule',
      'unschedule',
      'cancel',
    ] as const)
      expect(codeOf(() => assertRole('editor', action))).toBe('forbidden');
  });

  it('lets viewers only read and comment', () => {
    expect(codeOf(() => assertRole('viewer', 'comment'))).toBeNull();
    expect(codeOf(() => assertRole('viewer', 'read'))).toBeNull();
    expect(codeOf(() => assertRole('viewer', 'create'))).toBe('forbidden');
    expect(codeOf(() => assertRole('viewer', 'edit'))).toBe('forbidden');
  });

  it('lets managers and owners do everything', () => {
    for (const role of ['manager', 'owner'] as const)
      for (const action of Object.keys(ALLOWED_FROM) as (keyof typeof ALLOWED_FROM)[])
        expect(codeOf(() => assertRole(role, action))).toBeNull();
    expect(ROLES).toHaveLength(4);
  });
});

describe('transitions', () => {
  const table: [keyof typeof ALLOWED_FROM, PostStatus[]][] = [
    ['submit', ['draft', 'changes_requested']],
    ['approve', ['in_review', 'approved']],
    ['request_changes', ['in_review']],
    ['reschedule', ['scheduled']],
    ['unschedule', ['scheduled']],
    ['cancel', ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled']],
    ['edit', ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled']],
  ];
  it.each(table)('%s is allowed exactly from %j', (action, allowed) => {
    for (const status of POST_STATUSES) {
      expect(codeOf(() => assertTransition(status, action))).toBe(
        allowed.includes(status) ? null : 'conflict',
      );
    }
  });

  it('never lets anything leave a published or cancelled post except reading', () => {
    for (const status of ['publishing', 'published', 'partially_published', 'failed', 'cancelled'] as const)
      for (const action of Object.keys(ALLOWED_FROM) as (keyof typeof ALLOWED_FROM)[])
        expect(codeOf(() => assertTransition(status, action))).toBe('conflict');
  });

  it('schedules unapproved posts only when no approval is needed', () => {
    expect(codeOf(() => assertSchedulable('approved', 2, 2))).toBeNull();
    expect(codeOf(() => assertSchedulable('approved', 0, 0))).toBeNull();
    expect(codeOf(() => assertSchedulable('draft', 0, 0))).toBeNull();
    expect(codeOf(() => assertSchedulable('in_review', 0, 0))).toBeNull();
    expect(codeOf(() => assertSchedulable('draft', 1, 0))).toBe('conflict');
    expect(codeOf(() => assertSchedulable('in_review', 1, 0))).toBe('conflict');
    expect(codeOf(() => assertSchedulable('changes_requested', 0, 0))).toBe('conflict');
    expect(codeOf(() => assertSchedulable('scheduled', 0, 0))).toBe('conflict');
    // Approved under a looser policy than today's: the approvals are counted again.
    expect(codeOf(() => assertSchedulable('approved', 1, 0))).toBe('conflict');
    expect(codeOf(() => assertSchedulable('approved', 2, 1))).toBe('conflict');
  });

  it('sends approved and scheduled posts back to review when their content changes', () => {
    expect(statusAfterEdit('approved', true)).toBe('in_review');
    expect(statusAfterEdit('scheduled', true)).toBe('in_review');
    expect(statusAfterEdit('approved', false)).toBe('approved');
    expect(statusAfterEdit('draft', true)).toBe('draft');
    expect(statusAfterEdit('changes_requested', true)).toBe('changes_requested');
    expect(statusAfterEdit('in_review', true)).toBe('in_review');
  });
});

describe('approval policy', () => {
  const editor: Contribution = { userId: 'e', role: 'editor', viaToken: false };
  const manager: Contribution = { userId: 'm', role: 'manager', viaToken: false };
  const owner: Contribution = { userId: 'o', role: 'owner', viaToken: false };
  const ownersToken: Contribution = { userId: 'o', role: 'owner', viaToken: true };
  const gone: Contribution = { userId: 'x', role: null, viaToken: false };
  const need = (scope: Parameters<typeof approvalsRequired>[0]['scope'], writers: Contribution[], n = 1) =>
    approvalsRequired({ scope, requiredApprovals: n }, writers);

  it('lets managers and owners publish directly by default, never editors, tokens or former members', () => {
    expect(need('editors_and_tokens', [owner])).toBe(0);
    expect(need('editors_and_tokens', [manager, owner])).toBe(0);
    expect(need('editors_and_tokens', [editor])).toBe(1);
    expect(need('editors_and_tokens', [ownersToken])).toBe(1);
    expect(need('editors_and_tokens', [gone])).toBe(1);
    // A manager rewriting an editor's draft does not make it a manager's post.
    expect(need('editors_and_tokens', [editor, manager], 2)).toBe(2);
  });

  it('follows each scope, and the count when approval is needed', () => {
    expect(need('nobody', [editor, ownersToken])).toBe(0);
    expect(need('all_but_owners', [owner])).toBe(0);
    expect(need('all_but_owners', [manager])).toBe(1);
    expect(need('all_but_owners', [ownersToken])).toBe(1);
    expect(need('everyone', [owner], 2)).toBe(2);
  });

  it('counts distinct approvers of the current revision, never the author when approval is needed', () => {
    const approvals = [
      { userId: 'm1', contentRevision: 2 },
      { userId: 'm1', contentRevision: 3 },
      { userId: 'm2', contentRevision: 3 },
      { userId: 'author', contentRevision: 3 },
    ];
    expect(countApprovals(approvals, 3, ['author'], 2)).toBe(2);
    expect(countApprovals(approvals, 2, ['author'], 2)).toBe(1);
    expect(countApprovals(approvals, 3, ['author'], 0)).toBe(3);
    expect(countApprovals([...approvals, { userId: 'm1', contentRevision: 3 }], 3, ['author'], 2)).toBe(2);
    expect(countApprovals(approvals, 3, ['author', 'm2'], 2)).toBe(1);
  });

  it('approves when enough distinct approvals exist, and at least one was given', () => {
    expect(isApproved(1, 2)).toBe(false);
    expect(isApproved(2, 2)).toBe(true);
    expect(isApproved(1, 0)).toBe(true);
    expect(isApproved(0, 0)).toBe(false);
  });

  it('refuses approvals from tokens, and from the author when someone must approve', () => {
    expect(codeOf(() => assertMayApprove({ approverUserId: null, writerUserIds: ['a'], required: 1 }))).toBe(
      'forbidden',
    );
    expect(codeOf(() => assertMayApprove({ approverUserId: 'a', writerUserIds: ['a'], required: 1 }))).toBe(
      'forbidden',
    );
    expect(
      codeOf(() => assertMayApprove({ approverUserId: 'a', writerUserIds: ['a'], required: 0 })),
    ).toBeNull();
    expect(
      codeOf(() => assertMayApprove({ approverUserId: 'b', writerUserIds: ['a'], required: 2 })),
    ).toBeNull();
  });
});
