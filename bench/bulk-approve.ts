// Bulk approve in the scheduling bench (issue 18, decision 0309): 5,000 posts written by an editor
// and waiting for approval, approved by a manager through POST …/posts/bulk-approve, 500 per
// request, signed in (approvals are for people only, not API tokens). The posts are seeded in SQL
// as the editor's submitted work; the measure is the endpoint's, from the first request to the last
// answer. Aim: under 10 s, like bulk schedule.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startBenchApp } from './http-app';

const POSTS = 5_000;
const PER_REQUEST = 500;
const EDITOR = '00000000-0000-4000-8000-000000000003';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function seedSubmitted(databaseUrl: string, workspaceId: string, channelId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, 'approve-bench-editor@example.com', 'Editor', 'x')`,
      [EDITOR],
    );
    await client.query(`INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, 'editor')`, [
      workspaceId,
      EDITOR,
    ]);
    // An editor's work needs one approval (the default scope), from someone other than its writer.
    await client.query(
      `UPDATE workspaces SET approval_scope = 'editors_and_tokens', required_approvals = 1 WHERE id = $1`,
      [workspaceId],
    );
    const { rows } = await client.query(
      `INSERT INTO posts (workspace_id, author_user_id, status, text)
       SELECT $1, $2, 'in_review', 'Post ' || g || ' waiting for approval' FROM generate_series(1, $3::int) g
       RETURNING id`,
      [workspaceId, EDITOR, POSTS],
    );
    await client.query(
      `INSERT INTO post_targets (post_id, workspace_id, channel_id, network)
       SELECT id, workspace_id, $2, 'mastodon' FROM posts WHERE workspace_id = $1 AND status = 'in_review'`,
      [workspaceId, channelId],
    );
    return rows.map((r) => r.id as string);
  } finally {
    await client.end();
  }
}

export async function benchBulkApprove(input: {
  databaseUrl: string;
  workspaceId: string;
  ownerId: string;
  channelId: string;
}) {
  const ids = await seedSubmitted(input.databaseUrl, input.workspaceId, input.channelId);
  const app = await startBenchApp({
    databaseUrl: input.databaseUrl,
    workspaceId: input.workspaceId,
    ownerId: input.ownerId,
    role: 'owner',
    sessionUserId: input.ownerId,
  });
  const base = `/api/v1/workspaces/${input.workspaceId}/posts`;
  const perRequest: number[] = [];
  let refused = 0;
  let approved = 0;
  const began = performance.now();
  try {
    for (let i = 0; i < ids.length; i += PER_REQUEST) {
      const items = ids.slice(i, i + PER_REQUEST).map((postId) => ({ postId, contentRevision: 1 }));
      const t0 = performance.now();
      const answer = JSON.parse(await app.call('POST', `${base}/bulk-approve`, { items })) as {
        failed: number;
        results: { post?: { status: string } }[];
      };
      perRequest.push(performance.now() - t0);
      refused += answer.failed;
      approved += answer.results.filter((r) => r.post?.status === 'approved').length;
    }
  } finally {
    await app.close();
  }
  const seconds = (performance.now() - began) / 1000;
  return {
    posts: ids.length,
    perRequestSize: PER_REQUEST,
    seconds,
    median: median(perRequest),
    refused,
    approved,
  };
}
