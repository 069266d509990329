// Seeds the calendar benchmark's database: 50 workspaces, 250 channels, 500 campaigns, 500,000 posts
// and 1,000,000 targets spread at random over two years, all in set-based SQL (generate_series),
// with foreign-key triggers off for the load (session_replication_role = replica) since every key
// is made here. A database already holding the full seed is reused.
import pg from 'pg';

export const WORKSPACES = 50;
const CHANNELS_PER_WORKSPACE = 5;
const CAMPAIGNS_PER_WORKSPACE = 10;
const POSTS = 500_000;
const TARGETS_PER_POST = 2;
export const TARGETS = POSTS * TARGETS_PER_POST;
const SEED_FROM = '2025-12-01T00:00:00Z';
const SEED_DAYS = 730;

export async function ensureDatabase(url: string): Promise<'created' | 'existed'> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return 'existed';
    await client.query(`CREATE DATABASE ${name}`);
    return 'created';
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function isSeeded(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM workspaces WHERE name LIKE 'Bench %'",
  );
  if (Number(rows[0]?.n) !== WORKSPACES) return false;
  const targets = await client.query<{ n: string }>('SELECT count(*) AS n FROM post_targets');
  return Number(targets.rows[0]?.n) === TARGETS;
}

export async function seed(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query('SET LOCAL synchronous_commit = off');
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  await client.query(
    'TRUNCATE post_targets, posts, campaigns, channels, memberships, api_tokens, workspaces, users CASCADE',
  );
  await client.query(
    "INSERT INTO users (email, name, password_hash) VALUES ('bench@example.com', 'Bench Writer', 'not-a-hash')",
  );
  await client.query(
    `INSERT INTO workspaces (name, timezone) SELECT 'Bench ' || g, 'Europe/Paris' FROM generate_series(1, ${WORKSPACES}) g`,
  );
  await client.query(
    "INSERT INTO memberships (workspace_id, user_id, role) SELECT w.id, u.id, 'owner' FROM workspaces w CROSS JOIN users u",
  );
  await client.query(
    `INSERT INTO channels (workspace_id, network, display_name, handle)
     SELECT w.id, (ARRAY['linkedin','mastodon','bluesky','x','facebook'])[c]::network, 'Canal ' || c, 'canal' || c
     FROM workspaces w CROSS JOIN generate_series(1, ${CHANNELS_PER_WORKSPACE}) c`,
  );
  await client.query(
    `INSERT INTO campaigns (workspace_id, name, starts_on, ends_on, colour)
     SELECT w.id, 'Campagne ' || c, date '2025-12-01' + (c - 1) * 73, date '2025-12-01' + c * 73 - 1,
            '#' || lpad(to_hex(c * 1500000), 6, '0')
     FROM workspaces w CROSS JOIN generate_series(1, ${CAMPAIGNS_PER_WORKSPACE}) c`,
  );
  // Each workspace's channels and campaigns as arrays, indexed by a workspace number 0..49.
  await client.query(
    `CREATE TEMP TABLE bench_ws ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY w.id)) - 1 AS n, w.id,
            (SELECT array_agg(c.id ORDER BY c.id) FROM channels c WHERE c.workspace_id = w.id) AS chans,
            (SELECT array_agg(c.id ORDER BY c.id) FROM campaigns c WHERE c.workspace_id = w.id) AS camps
     FROM workspaces w`,
  );
  await client.query(
    `INSERT INTO posts (workspace_id, author_user_id, status, text, campaign_id, pillar_id,
                        scheduled_at, scheduled_timezone, scheduled_local)
     SELECT w.id, u.id, 'scheduled',
            'Publication n°' || g || ' — l’été arrive ☀️ #cadence' || chr(10) || repeat('lorem ipsum dolor ', 8),
            CASE WHEN g % 3 = 0 THEN w.camps[1 + (g / 3) % ${CAMPAIGNS_PER_WORKSPACE}] END,
            'pillar-' || (g % 4), t.at, 'Europe/Paris',
            to_char(t.at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD"T"HH24:MI')
     FROM generate_series(0, ${POSTS - 1}) g
     JOIN bench_ws w ON w.n = g % ${WORKSPACES}
     CROSS JOIN users u
     CROSS JOIN LATERAL (
       SELECT date_trunc('minute', timestamptz '${SEED_FROM}' + random() * interval '${SEED_DAYS} days') + g * interval '0' AS at
     ) t`,
  );
  await client.query(
    `INSERT INTO post_targets (post_id, workspace_id, channel_id, network, status, scheduled_at)
     SELECT p.id, p.workspace_id, ch.id, ch.network, 'scheduled', p.scheduled_at
     FROM posts p
     JOIN bench_ws w ON w.id = p.workspace_id
     CROSS JOIN generate_series(0, ${TARGETS_PER_POST - 1}) k
     JOIN channels ch ON ch.id = w.chans[1 + ((abs(hashtext(p.id::text)) % ${CHANNELS_PER_WORKSPACE}) + k) % ${CHANNELS_PER_WORKSPACE}]`,
  );
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE posts');
  await client.query('VACUUM ANALYZE post_targets');
  await client.query('ANALYZE');
}
