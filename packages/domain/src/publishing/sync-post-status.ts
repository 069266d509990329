// Keeps each post's status in step with its targets after the ledger changed, and writes the
// change into the post's history. Called in the same transaction as the ledger change.
import { type Executor, posts, postTargets } from '@cadence/db';
import { asc, inArray, sql } from 'drizzle-orm';
import { derivePostStatus } from './post-status';

// The publisher owns a post's status from approval on; drafts, reviews and cancellations are
// the workflow's, and it never overrides them.
const FOLLOWS_TARGETS = new Set([
  'approved',
  'scheduled',
  'publishing',
  'published',
  'partially_published',
  'failed',
]);

export async function syncPostStatuses(
  tx: Executor,
  postIds: readonly string[],
  actor: { userId: string | null; tokenId: string | null } = { userId: null, tokenId: null },
): Promise<number> {
  const ids = [...new Set(postIds)];
  if (ids.length === 0) return 0;
  const [targets, current] = await Promise.all([
    tx
      .select({ postId: postTargets.postId, status: postTargets.status, attempts: postTargets.attempts })
      .from(postTargets)
      .where(inArray(postTargets.postId, ids)),
    tx
      .select({ id: posts.id, status: posts.status, workspaceId: posts.workspaceId })
      .from(posts)
      .where(inArray(posts.id, ids)),
  ]);
  const byPost = new Map<string, typeof targets>();
  for (const t of targets) {
    const list = byPost.get(t.postId) ?? [];
    list.push(t);
    byPost.set(t.postId, list);
  }
  const changes = current.flatMap((p) => {
    if (!FOLLOWS_TARGETS.has(p.status)) return [];
    const derived = derivePostStatus(byPost.get(p.id) ?? []);
    // "approved" stays approved until something actually starts moving.
    if (!derived || derived === p.status || (derived === 'scheduled' && p.status === 'approved')) return [];
    return [{ id: p.id, workspace_id: p.workspaceId, from: p.status, to: derived }];
  });
  if (changes.length === 0) return 0;
  // Lock the posts in id order first: two publishers finishing targets of the same posts would
  // otherwise lock them in whatever order each update happens to visit them, and deadlock.
  changes.sort((a, b) => a.id.localeCompare(b.id));
  await tx
    .select({ id: posts.id })
    .from(posts)
    .where(
      inArray(
        posts.id,
        changes.map((c) => c.id),
      ),
    )
    .orderBy(asc(posts.id))
    .for('update');
  const json = JSON.stringify(changes);
  // The status is compared again in the update: a person's change in between wins.
  await tx.execute(sql`
    WITH changed AS (
      UPDATE posts p SET status = v."to"::post_status, version = p.version + 1, updated_at = now()
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id uuid, workspace_id uuid, "from" text, "to" text)
      WHERE p.id = v.id AND p.id IN (${sql.join(
        changes.map((c) => sql`${c.id}::uuid`),
        sql`, `,
      )}) AND p.status::text = v."from"
      RETURNING p.id, p.workspace_id, v."from", v."to"
    )
    INSERT INTO post_events (post_id, workspace_id, actor_user_id, actor_token_id, action, from_status, to_status)
    SELECT id, workspace_id, ${actor.userId}::uuid, ${actor.tokenId}::uuid, 'publishing.status_changed', "from"::post_status, "to"::post_status
    FROM changed`);
  return changes.length;
}
