// Seeds the reports benchmark's database: one workspace (the worst case: every row is in the
// reports' scope) with 4 authors, 10 channels, 20 campaigns, 500,000 posts and 1,000,000 targets
// over two years, the posts' history (submitted, changes requested, approved), charter verdicts on
// a tenth of the posts, 10,000,000 metric points and the latest value per target and figure. All
// set-based SQL (generate_series), foreign-key triggers off for the load since every key is made here.
import type pg from 'pg';

export const WORKSPACE_ID = '00000000-0000-4000-8000-00000000a001';
export const OWNER_ID = '00000000-0000-4000-8000-00000000b001';
const POSTS = 500_000;
export const TARGETS = POSTS * 2;
export const METRIC_POINTS = 10_000_000;
/** Targets before this instant are past (published, failed or missed); later ones are scheduled. */
const SEED_NOW = '2026-11-26T00:00:00Z';
const SEED_FROM = '2025-12-01T00:00:00Z';
const SEED_DAYS = 730;
const PILLARS = ['education', 'product', 'community', 'culture'];

export async function isReportsSeeded(client: pg.Client): Promise<boolean> {
  const points = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM post_targets) + (SELECT count(*) FROM metric_points) AS n`,
  );
  return Number(points.rows[0]?.n) === TARGETS + METRIC_POINTS;
}

export async function seedReports(client: pg.Client, log: (line: string) => void): Promise<void> {
  const step = async (what: string, statement: string) => {
    const start = Date.now();
    await client.query(statement);
    log(`seed: ${what} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  };
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query('SET LOCAL synchronous_commit = off');
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  await client.query(
    `TRUNCATE metric_points, target_metrics, post_events, post_targets, posts, campaigns, channels,
      memberships, api_tokens, workspaces, users CASCADE`,
  );
  await client.query(`
    INSERT INTO users (id, email, name, password_hash)
      SELECT ('00000000-0000-4000-8000-00000000b00' || g)::uuid, 'author' || g || '@example.com', 'Author ' || g, 'x'
      FROM generate_series(1, 4) g;
    INSERT INTO workspaces (id, name, timezone) VALUES ('${WORKSPACE_ID}', 'Reports bench', 'Europe/Paris');
    INSERT INTO memberships (workspace_id, user_id, role)
      SELECT '${WORKSPACE_ID}', id, CASE WHEN id = '${OWNER_ID}' THEN 'owner' ELSE 'editor' END::role FROM users;
    INSERT INTO channels (workspace_id, network, display_name, handle)
      SELECT '${WORKSPACE_ID}', (ARRAY['mastodon','bluesky'])[1 + g % 2]::network, 'Compte ' || g, 'c' || g
      FROM generate_series(1, 10) g;
    INSERT INTO campaigns (workspace_id, name, starts_on, ends_on, colour)
      SELECT '${WORKSPACE_ID}', 'Campagne ' || c, date '2025-12-01' + (c - 1) * 36, date '2025-12-01' + c * 36 - 1, '#336699'
      FROM generate_series(1, 20) c;
    CREATE TEMP TABLE bench_refs ON COMMIT DROP AS SELECT
      (SELECT array_agg(id ORDER BY id) FROM channels) AS chans,
      (SELECT array_agg(id ORDER BY id) FROM campaigns) AS camps,
      (SELECT array_agg(id ORDER BY id) FROM users) AS authors;`);
  await step(
    'posts',
    `INSERT INTO posts (workspace_id, author_user_id, status, text, campaign_id, pillar_id, scheduled_at,
        scheduled_timezone, scheduled_local, violations, approved_at, created_at, updated_at)
     SELECT '${WORKSPACE_ID}', r.authors[1 + g % 4],
       (CASE WHEN t.at < '${SEED_NOW}' THEN 'published' ELSE 'scheduled' END)::post_status,
       'Publication n°' || g || ' — ' || repeat('lorem ipsum ', 6),
       CASE WHEN g % 3 > 0 THEN r.camps[1 + g % 20] END,
       (ARRAY['${PILLARS.join("','")}'])[1 + g % 4], t.at, 'Europe/Paris',
       to_char(t.at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI'),
       CASE WHEN g % 10 = 0 THEN jsonb_build_array(jsonb_build_object('rule', 'banned_phrase', 'severity', 'warn'))
            WHEN g % 25 = 1 THEN jsonb_build_array(jsonb_build_object('rule', 'max_hashtags', 'severity', 'block'))
            ELSE '[]'::jsonb END,
       t.at - interval '1 day', t.at - interval '3 days', t.at - interval '1 day'
     FROM generate_series(0, ${POSTS - 1}) g CROSS JOIN bench_refs r
     CROSS JOIN LATERAL (SELECT date_trunc('minute', timestamptz '${SEED_FROM}'
       + (g::float8 / ${POSTS}) * interval '${SEED_DAYS} days' + (g % 97) * interval '7 minutes') AS at) t`,
  );
  await step(
    'targets',
    `INSERT INTO post_targets (post_id, workspace_id, channel_id, network, status, scheduled_at, published_at,
        external_id, last_error)
     SELECT p.id, p.workspace_id, ch.id, ch.network, s.status::target_status, p.scheduled_at,
       CASE WHEN s.status = 'published' THEN p.scheduled_at + (h % 120) * interval '1 second' END,
       CASE WHEN s.status = 'published' THEN 'x' || h END,
       CASE WHEN s.status = 'failed' THEN 'The network answered HTTP 503' END
     FROM posts p CROSS JOIN generate_series(0, 1) k CROSS JOIN bench_refs r
     CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text || k)) AS h) hh
     JOIN channels ch ON ch.id = r.chans[1 + (hh.h % 5) * 2 + k]
     CROSS JOIN LATERAL (SELECT CASE WHEN p.scheduled_at >= '${SEED_NOW}' THEN 'scheduled'
       WHEN hh.h % 50 = 0 THEN 'failed' WHEN hh.h % 50 = 1 THEN 'missed' ELSE 'published' END AS status) s`,
  );
  await step(
    'history',
    `INSERT INTO post_events (post_id, workspace_id, actor_user_id, action, from_status, to_status, created_at)
     SELECT p.id, p.workspace_id, p.author_user_id, e.action, e.f::post_status, e.t::post_status,
       p.scheduled_at - e.before
     FROM posts p CROSS JOIN LATERAL (VALUES
       ('submitted', 'draft', 'in_review', interval '50 hours'),
       ('changes_requested', 'in_review', 'changes_requested', interval '40 hours'),
       ('submitted', 'changes_requested', 'in_review', interval '30 hours'),
       ('approved', 'in_review', 'approved', interval '26 hours')) e(action, f, t, before)
     WHERE e.action <> 'changes_requested' OR abs(hashtext(p.id::text)) % 4 = 0
     ORDER BY p.scheduled_at - e.before`,
  );
  // Four figures per published target, pulled on the real schedule (1 h ... 30 days after
  // publication), oldest targets first until 10,000,000 points; the latest value of each figure
  // in target_metrics.
  await step(
    'metric points',
    `INSERT INTO metric_points (target_id, workspace_id, metric, value, pulled_at)
     SELECT t.id, t.workspace_id, m.metric::metric_name, (abs(hashtext(t.id::text || m.metric)) % 40) * s.stage,
       t.published_at + s.after
     FROM (SELECT id, workspace_id, published_at FROM post_targets WHERE status = 'published'
       ORDER BY scheduled_at LIMIT ${Math.ceil(METRIC_POINTS / 24)}) t
     CROSS JOIN (VALUES ('replies'), ('reposts'), ('likes'), ('quotes')) m(metric)
     CROSS JOIN (VALUES (1, interval '1 hour'), (2, interval '6 hours'), (3, interval '1 day'),
       (4, interval '3 days'), (5, interval '7 days'), (6, interval '30 days')) s(stage, after)
     LIMIT ${METRIC_POINTS}`,
  );
  await step(
    'latest figures',
    `INSERT INTO target_metrics (target_id, workspace_id, metric, value, pulled_at)
     SELECT DISTINCT ON (target_id, metric) target_id, workspace_id, metric, value, pulled_at
     FROM metric_points ORDER BY target_id, metric, pulled_at DESC`,
  );
  await client.query('COMMIT');
  await step('analyze', 'VACUUM ANALYZE');
}
