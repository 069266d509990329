// Keeps each post's status in step with its targets after the ledger changed, and writes the
// change into the post's history and the notifications outbox. Called in the same transaction as
// the ledger change.
import { type Executor, posts } from '@cadence/db';
import { asc, sql } from 'drizzle-orm';
import { derivePostStatus, type TargetStatus } from './post-status';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
// Post ids as one array parameter: hundreds of separate parameters cost more to build and bind
// than the statement costs to run. Ids come from the database (uuids): nothing to quote.
const uuidList = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

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

/** A post locked (FOR NO KEY UPDATE, in id order) in the transaction, as it was when locked. */
export interface LockedPost {
  id: string;
  status: string;
  workspaceId: string;
}

type Actor = { userId: string | null; tokenId: string | null };
const NO_ACTOR: Actor = { userId: null, tokenId: null };

export async function syncPostStatuses(
  tx: Executor,
  postIds: readonly string[],
  actor: Actor = NO_ACTOR,
): Promise<number> {
  const ids = [...new Set(postIds)].sort();
  if (ids.length === 0) return 0;
  // Lock the posts first, in id order, and only then read their targets. In id order: two
  // publishers finishing targets of the same posts cannot deadlock. First: the second of two
  // publishers finishing the last targets of one post waits here for the first to commit, then
  // reads every target as it now is, so the post cannot be left "publishing" when all its
  // targets are done.
  const current = await tx
    .select({ id: posts.id, status: posts.status, workspaceId: posts.workspaceId })
    .from(posts)
    .where(sql`${posts.id} = ANY(${uuidList(ids)})`)
    .orderBy(asc(posts.id))
    .for('no key update');
  return syncLockedPostStatuses(tx, current, actor);
}

/**
 * The same, for posts the caller has already locked in this transaction, in id order, in an
 * earlier statement (the publisher locks them in the statement that records its outcomes): the
 * targets are read by a later statement, so they are seen as they are once the lock is held.
 */
export async function syncLockedPostStatuses(
  tx: Executor,
  locked: readonly LockedPost[],
  actor: Actor = NO_ACTOR,
): Promise<number> {
  const following = locked.filter((p) => FOLLOWS_TARGETS.has(p.status));
  if (following.length === 0) return 0;
  // One row per post, status and "started" (attempts > 0): all the derivation looks at, so a
  // post's hundred targets come back as a few rows.
  const targets = rowsOf<{ post_id: string; status: TargetStatus; started: boolean }>(
    await tx.execute(sql`
      SELECT post_id, status, attempts > 0 AS started FROM post_targets
      WHERE post_id = ANY(${uuidList(following.map((p) => p.id))})
      GROUP BY 1, 2, 3`),
  );
  const byPost = new Map<string, { status: TargetStatus; attempts: number }[]>();
  for (const t of targets) {
    const list = byPost.get(t.post_id) ?? [];
    list.push({ status: t.status, attempts: t.started ? 1 : 0 });
    byPost.set(t.post_id, list);
  }
  const changes = following.flatMap((p) => {
    const derived = derivePostStatus(byPost.get(p.id) ?? []);
    // "approved" stays approved until something actually starts moving.
    if (!derived || derived === p.status || (derived === 'scheduled' && p.status === 'approved')) return [];
    return [{ id: p.id, workspace_id: p.workspaceId, from: p.status, to: derived }];
  });
  if (changes.length === 0) return 0;
  const json = JSON.stringify(changes);
  // The status is compared again in the update: a person's change in between wins.
  await tx.execute(sql`
    WITH changed AS (
      UPDATE posts p SET status = v."to"::post_status, version = p.version + 1, updated_at = now()
      FROM jsonb_to_recordset(${json}::jsonb) AS v(id uuid, workspace_id uuid, "from" text, "to" text)
      WHERE p.id = v.id AND p.id = ANY(${uuidList(changes.map((c) => c.id))}) AND p.status::text = v."from"
      RETURNING p.id, p.workspace_id, v."from", v."to"
    )
    , history AS (
      INSERT INTO post_events (post_id, workspace_id, actor_user_id, actor_token_id, action, from_status, to_status)
      SELECT id, workspace_id, ${actor.userId}::uuid, ${actor.tokenId}::uuid, 'publishing.status_changed', "from"::post_status, "to"::post_status
      FROM changed
    )
    -- The outcome people must hear about, in the same statement (the notifications outbox).
    -- Outcomes only, so all in the publications lane (notifications/lanes.ts).
    INSERT INTO notification_events (workspace_id, kind, post_id, actor_user_id, publication_lane)
    SELECT workspace_id, (CASE "to" WHEN 'published' THEN 'post_published'
      WHEN 'partially_published' THEN 'post_partly_published' ELSE 'post_failed' END)::notification_kind,
      id, ${actor.userId}::uuid, true
    FROM changed WHERE "to" IN ('published', 'partially_published', 'failed')`);
  return changes.length;
}
