// Inbox conversations for the Community report in the reports bench (decision 0256): 1,000,000
// items over the seed's two years on its ten Mastodon and Bluesky channels, a third answered with
// working minutes, a fifth done, a few snoozed. Written once, set-based; the reports seed's
// TRUNCATE of channels removes them with it.
import type pg from 'pg';
import { WORKSPACE_ID } from './reports-seed';

export const INBOX_ITEMS = 1_000_000;

export async function ensureInboxSeeded(client: pg.Client, log: (line: string) => void): Promise<void> {
  const have = await client.query<{ n: string }>(
    'SELECT count(*) AS n FROM inbox_items WHERE workspace_id = $1',
    [WORKSPACE_ID],
  );
  if (Number(have.rows[0]?.n) === INBOX_ITEMS) return;
  const start = Date.now();
  await client.query('BEGIN');
  await client.query('SET LOCAL synchronous_commit = off');
  await client.query('DELETE FROM inbox_items WHERE workspace_id = $1', [WORKSPACE_ID]);
  await client.query('UPDATE workspaces SET first_response_target_minutes = 120 WHERE id = $1', [
    WORKSPACE_ID,
  ]);
  await client.query(
    `INSERT INTO inbox_sync_states (channel_id, workspace_id, next_sync_at)
     SELECT id, workspace_id, now() FROM channels WHERE workspace_id = $1 ON CONFLICT DO NOTHING`,
    [WORKSPACE_ID],
  );
  await client.query(
    `INSERT INTO inbox_items (workspace_id, channel_id, network, external_id, kind, author_handle, text,
       created_at, thread_root_external_id, first_response_at, first_response_working_minutes, status,
       resolved_at, snoozed_until)
     SELECT $1, c.chans[1 + g % 10], c.nets[1 + g % 10], 'b' || g, 'mention', 'fan' || (g % 5000), 'Hello?',
       t.at, 'b' || g,
       CASE WHEN g % 3 = 0 THEN t.at + ((g % 600) || ' minutes')::interval END,
       CASE WHEN g % 3 = 0 THEN g % 600 END,
       (CASE WHEN g % 5 = 0 THEN 'done' ELSE 'open' END)::inbox_status,
       CASE WHEN g % 5 = 0 THEN t.at + interval '1 day' END,
       CASE WHEN g % 97 = 0 THEN t.at + interval '2 days' END
     FROM generate_series(1, ${INBOX_ITEMS}) g
     CROSS JOIN (SELECT array_agg(id ORDER BY id) AS chans, array_agg(network ORDER BY id) AS nets
       FROM channels WHERE workspace_id = $1) c
     CROSS JOIN LATERAL (SELECT timestamptz '2025-12-01T00:00:00Z'
       + (g::float8 / ${INBOX_ITEMS} * 730 * 86400 || ' seconds')::interval AS at) t`,
    [WORKSPACE_ID],
  );
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE inbox_items');
  log(
    `seed: ${INBOX_ITEMS.toLocaleString('en')} inbox items in ${((Date.now() - start) / 1000).toFixed(1)} s`,
  );
}
