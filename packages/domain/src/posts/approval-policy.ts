// The workspace's approval policy as pure rules: whose writing needs approval, and by how many
// distinct managers. Safe for the browser (the settings page lists the same scopes).
import { APPROVAL_SCOPES, type ApprovalScope } from '@cadence/names';
import { z } from 'zod';
import type { Role } from '../accounts/roles';

/**
 * nobody: nothing waits for approval; editors_and_tokens (the default): work of editors and API
 * tokens waits, managers and owners publish directly; all_but_owners: only owners publish
 * directly; everyone: every post waits.
 */
export { APPROVAL_SCOPES, type ApprovalScope };
export const approvalScopeSchema = z.enum(APPROVAL_SCOPES);
export const requiredApprovalsSchema = z.number().int().min(1).max(2);

export interface ApprovalPolicy {
  scope: ApprovalScope;
  /** Distinct approvers needed when a post needs approval: 1 or 2. */
  requiredApprovals: number;
}

/**
 * One contribution to a post's current content: the person answerable for it, their current role
 * in the workspace (null when they are no longer a member) and whether it came through a token.
 */
export interface Contribution {
  userId: string | null;
  role: Role | null;
  viaToken: boolean;
}

/** Whether this contribution, alone, makes the post wait for approval under the scope. */
export function contributionNeedsApproval(scope: ApprovalScope, c: Contribution): boolean {
  switch (scope) {
    case 'nobody':
      return false;
    case 'everyone':
      return true;
    case 'editors_and_tokens':
      return c.viaToken || (c.role !== 'manager' && c.role !== 'owner');
    case 'all_but_owners':
      return c.viaToken || c.role !== 'owner';
  }
}

/**
 * How many distinct approvals the post needs: none when every hand that wrote its current content
 * may publish directly, else the workspace's count. Judged on all writers, not only the author, so
 * a manager rewriting an editor's draft does not turn it into "a manager's post".
 */
export function approvalsRequired(policy: ApprovalPolicy, writers: readonly Contribution[]): number {
  const count = Math.max(1, Math.min(2, policy.requiredApprovals));
  if (writers.length === 0) return policy.scope === 'nobody' ? 0 : count;
  return writers.some((w) => contributionNeedsApproval(policy.scope, w)) ? count : 0;
}
