// The shapes posts leave the domain in: exactly the fields of schemas.ts, nothing more.
import { type Executor, postApprovals, postComments } from '@cadence/db';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { violationSchema } from '../charter/schemas';
import { safeExternalUrl } from '../publishing/external-url';
import { loadApprovalState } from './approval-state';
import { loadTargets, type PostRow, type TargetRow } from './post-store';
import type { PostSummary, PostView } from './schemas';

export function toTargetView(t: TargetRow) {
  return {
    id: t.id,
    channelId: t.channelId,
    network: t.network,
    text: t.textOverride,
    media: t.mediaOverride,
    firstComment: t.firstCommentOverride,
    status: t.status,
    scheduledAt: t.scheduledAt,
    publishedAt: t.publishedAt,
    externalId: t.externalId,
    // Rows stored before links were checked may hold anything: only http(s) leaves.
    externalUrl: safeExternalUrl(t.externalUrl),
    lastError: t.lastError,
  };
}

// Stored violations were produced by the checker; parsing keeps a malformed row from leaking.
const storedViolations = violationSchema.array().catch([]);

export function toPostSummary(row: PostRow, targets: readonly TargetRow[]): PostSummary {
  return {
    id: row.id,
    status: row.status,
    text: row.text,
    media: row.media,
    link: row.link,
    firstComment: row.firstComment,
    campaignId: row.campaignId,
    pillarId: row.pillarId,
    labels: row.labels,
    author: { userId: row.authorUserId, tokenId: row.authorTokenId },
    schedule:
      row.scheduledAt && row.scheduledTimezone && row.scheduledLocal
        ? { at: row.scheduledAt, timezone: row.scheduledTimezone, local: row.scheduledLocal }
        : null,
    version: row.version,
    contentRevision: row.contentRevision,
    charterVersionId: row.charterVersionId,
    approvedAt: row.approvedAt,
    violations: storedViolations.parse(row.violations),
    targets: targets.filter((t) => t.postId === row.id).map(toTargetView),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function currentApprovals(db: Executor, row: PostRow) {
  return (await currentApprovalsOf(db, [row])).get(row.id) ?? [];
}

type Approval = { userId: string; contentRevision: number; charterVersionId: string | null; createdAt: Date };

/** The approvals of each post's current content revision, oldest first, in one query. */
export async function currentApprovalsOf(
  db: Executor,
  rows: readonly PostRow[],
): Promise<Map<string, Approval[]>> {
  const byPost = new Map<string, Approval[]>(rows.map((r) => [r.id, []]));
  if (rows.length === 0) return byPost;
  const revisionOf = new Map(rows.map((r) => [r.id, r.contentRevision]));
  const found = await db
    .select({
      postId: postApprovals.postId,
      userId: postApprovals.userId,
      contentRevision: postApprovals.contentRevision,
      charterVersionId: postApprovals.charterVersionId,
      createdAt: postApprovals.createdAt,
    })
    .from(postApprovals)
    .where(inArray(postApprovals.postId, [...revisionOf.keys()]))
    .orderBy(asc(postApprovals.createdAt));
  for (const { postId, ...a } of found) {
    if (a.contentRevision === revisionOf.get(postId)) byPost.get(postId)?.push(a);
  }
  return byPost;
}

/** The full view of one post: targets, approvals of the current revision, comments counted. */
export async function toPostView(db: Executor, row: PostRow): Promise<PostView> {
  // One after the other: `db` may be a transaction, and a pg client runs one query at a time
  // (queuing concurrent ones is deprecated and breaks with pg 9).
  const targets = await loadTargets(db, [row.id]);
  const approvals = await currentApprovals(db, row);
  const approval = await loadApprovalState(db, row);
  const comments = await db.select({ n: count() }).from(postComments).where(eq(postComments.postId, row.id));
  return {
    ...toPostSummary(row, targets),
    approvals,
    approvalsRequired: approval.required,
    writerUserIds: approval.writerUserIds,
    commentsCount: comments[0]?.n ?? 0,
  };
}
