// The writes of many approvals at once (bulk approve): the approvals in one insert, the posts'
// charter verdict, status and version in one update, whatever the number of posts.
import { type Executor, postApprovals } from '@cadence/db';
import { sql } from 'drizzle-orm';
import type { Violation } from '../charter/schemas';
import { sayError } from '../errors';
import * as targetLedger from '../publishing/target-ledger';
import type { PostRow } from './post-store';

export interface PlannedApproval {
  row: PostRow;
  approverUserId: string;
  violations: Violation[];
  charterVersionId: string | null;
  /** Enough distinct approvals: the post becomes approved. */
  approved: boolean;
}

/** Returns the posts as stored; a post changed meanwhile (version moved) fails the whole batch. */
export async function writeApprovals(
  tx: Executor,
  plans: readonly PlannedApproval[],
  now: Date,
): Promise<PostRow[]> {
  if (plans.length === 0) return [];
  await tx.insert(postApprovals).values(
    plans.map((p) => ({
      postId: p.row.id,
      userId: p.approverUserId,
      contentRevision: p.row.contentRevision,
      charterVersionId: p.charterVersionId,
    })),
  );
  const json = JSON.stringify(
    plans.map((p) => ({
      id: p.row.id,
      version: p.row.version,
      violations: p.violations,
      charter: p.charterVersionId,
      approved: p.approved,
    })),
  );
  const nowIso = now.toISOString();
  const result = await tx.execute(sql`
    UPDATE posts AS p SET
      violations = v.violations,
      charter_version_id = v.charter,
      status = CASE WHEN v.approved THEN 'approved' ELSE p.status END,
      approved_at = CASE WHEN v.approved THEN ${nowIso}::timestamptz ELSE p.approved_at END,
      version = p.version + 1,
      updated_at = ${nowIso}::timestamptz
    FROM jsonb_to_recordset(${json}::jsonb) AS v(
      id uuid, version integer, violations jsonb, charter uuid, approved boolean)
    WHERE p.id = v.id AND p.version = v.version
      AND p.id = ANY(${targetLedger.uuidList(plans.map((p) => p.row.id))})
    RETURNING p.id`);
  const saved = new Set(targetLedger.rowsOf<{ id: string }>(result).map((r) => r.id));
  const lost = plans.find((p) => !saved.has(p.row.id));
  if (lost) throw sayError('conflict', 'errors.workflow.changedWhileSaving', {}, { postId: lost.row.id });
  return plans.map((p) => ({
    ...p.row,
    violations: p.violations,
    charterVersionId: p.charterVersionId,
    ...(p.approved ? { status: 'approved' as const, approvedAt: now } : {}),
    version: p.row.version + 1,
    updatedAt: now,
  }));
}
