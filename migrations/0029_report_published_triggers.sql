-- Published targets per day, slice, network and campaign (report_published_days, decision 0314),
-- appended by the same statement triggers as report_target_days from the same keyed rows: the
-- transition rows are joined to posts and workspaces once (a materialized CTE) and summed into
-- both tables. Only published rows reach the new table, so a statement with none (a claim stops
-- earlier, at decision 0311's check; a failure, a hold) appends nothing there. The post's own
-- trigger (report_add_target) moves a published target's rows too when its campaign, pillar or
-- author changes, or takes them out when the post is deleted.

-- The slices a published target counts under in report_published_days: decision 0255's six, and
-- the pairs of the dimensions that are not columns there (channel, pillar, author), so a report
-- filtered by two of them reads one slice too. Ids hold no ':' (uuids; a pillar id is followed by
-- a uuid of fixed length), so a pair's value is unambiguous.
CREATE FUNCTION report_published_slices(
  channel_id uuid, network text, campaign_id uuid, pillar_id text, author_id uuid
) RETURNS TABLE (dim text, val text) LANGUAGE sql IMMUTABLE AS $$
  SELECT s.dim, s.val FROM (VALUES ('all', ''), ('channel', channel_id::text), ('network', network),
    ('campaign', campaign_id::text), ('pillar', pillar_id), ('author', author_id::text),
    ('channel+pillar', channel_id || ':' || pillar_id), ('channel+author', channel_id || ':' || author_id),
    ('pillar+author', pillar_id || ':' || author_id)) AS s(dim, val)
  WHERE s.val IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_targets_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS MATERIALIZED (SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
      t.channel_id, t.network, p.campaign_id, p.pillar_id, p.author_user_id, 1 AS sign
    FROM new_rows t
      JOIN posts p ON p.id = t.post_id
      JOIN workspaces w ON w.id = t.workspace_id,
      LATERAL report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error) k
    WHERE t.scheduled_at IS NOT NULL),
  published AS (
    INSERT INTO report_published_days (workspace_id, day, dim, dim_value, network, campaign_id, n)
    SELECT x.workspace_id, x.day, s.dim, s.val, x.network::text, x.campaign_id, sum(x.sign)::int
    FROM x, LATERAL report_published_slices(x.channel_id, x.network::text, x.campaign_id, x.pillar_id, x.author_user_id) AS s(dim, val)
    WHERE x.st = 'published'
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0)
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT x.workspace_id, x.day, s.dim, s.val, x.st, x.bucket, x.reason, sum(x.sign)::int
  FROM x, LATERAL (VALUES ('all', ''), ('channel', x.channel_id::text), ('network', x.network::text),
      ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Decision 0311: a statement keeping every row in the scheduled class with the same instant and
  -- slices (claims, `sending`) moves no figure of either table and returns here, as before.
  IF NOT EXISTS (SELECT 1 FROM old_rows WHERE status NOT IN ('scheduled', 'claimed', 'sending'))
    AND NOT EXISTS (SELECT 1 FROM new_rows WHERE status NOT IN ('scheduled', 'claimed', 'sending'))
    AND NOT EXISTS (
      SELECT id, scheduled_at, workspace_id, channel_id, post_id, network FROM new_rows
      EXCEPT ALL
      SELECT id, scheduled_at, workspace_id, channel_id, post_id, network FROM old_rows)
  THEN
    RETURN NULL;
  END IF;
  WITH x AS MATERIALIZED (SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
      t.channel_id, t.network, p.campaign_id, p.pillar_id, p.author_user_id, -1 AS sign
    FROM old_rows t
      JOIN posts p ON p.id = t.post_id
      JOIN workspaces w ON w.id = t.workspace_id,
      LATERAL report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error) k
    WHERE t.scheduled_at IS NOT NULL
    UNION ALL
    SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
      t.channel_id, t.network, p.campaign_id, p.pillar_id, p.author_user_id, 1 AS sign
    FROM new_rows t
      JOIN posts p ON p.id = t.post_id
      JOIN workspaces w ON w.id = t.workspace_id,
      LATERAL report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error) k
    WHERE t.scheduled_at IS NOT NULL),
  published AS (
    INSERT INTO report_published_days (workspace_id, day, dim, dim_value, network, campaign_id, n)
    SELECT x.workspace_id, x.day, s.dim, s.val, x.network::text, x.campaign_id, sum(x.sign)::int
    FROM x, LATERAL report_published_slices(x.channel_id, x.network::text, x.campaign_id, x.pillar_id, x.author_user_id) AS s(dim, val)
    WHERE x.st = 'published'
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0)
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT x.workspace_id, x.day, s.dim, s.val, x.st, x.bucket, x.reason, sum(x.sign)::int
  FROM x, LATERAL (VALUES ('all', ''), ('channel', x.channel_id::text), ('network', x.network::text),
      ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_targets_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH x AS MATERIALIZED (SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
      t.channel_id, t.network, p.campaign_id, p.pillar_id, p.author_user_id, -1 AS sign
    FROM old_rows t
      JOIN posts p ON p.id = t.post_id
      JOIN workspaces w ON w.id = t.workspace_id,
      LATERAL report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error) k
    WHERE t.scheduled_at IS NOT NULL),
  published AS (
    INSERT INTO report_published_days (workspace_id, day, dim, dim_value, network, campaign_id, n)
    SELECT x.workspace_id, x.day, s.dim, s.val, x.network::text, x.campaign_id, sum(x.sign)::int
    FROM x, LATERAL report_published_slices(x.channel_id, x.network::text, x.campaign_id, x.pillar_id, x.author_user_id) AS s(dim, val)
    WHERE x.st = 'published'
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0)
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT x.workspace_id, x.day, s.dim, s.val, x.st, x.bucket, x.reason, sum(x.sign)::int
  FROM x, LATERAL (VALUES ('all', ''), ('channel', x.channel_id::text), ('network', x.network::text),
      ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_add_target(
  t post_targets, campaign_id uuid, pillar_id text, author_id uuid, sign integer
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zone text;
  k record;
BEGIN
  IF t.scheduled_at IS NULL THEN RETURN; END IF;
  SELECT w.timezone INTO zone FROM workspaces w WHERE w.id = t.workspace_id;
  -- The workspace is being deleted (its rows go with it).
  IF zone IS NULL THEN RETURN; END IF;
  k := report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error);
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE zone)::date, s.dim, s.val, k.st, k.bucket, k.reason, sign
  FROM (VALUES ('all', ''), ('channel', t.channel_id::text), ('network', t.network::text),
    ('campaign', campaign_id::text), ('pillar', pillar_id), ('author', author_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL;
  IF k.st = 'published' THEN
    INSERT INTO report_published_days (workspace_id, day, dim, dim_value, network, campaign_id, n)
    SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE zone)::date, s.dim, s.val, t.network::text, campaign_id, sign
    FROM report_published_slices(t.channel_id, t.network::text, campaign_id, pillar_id, author_id) AS s(dim, val);
  END IF;
END
$$;
--> statement-breakpoint
-- Existing data: one rebuild per workspace (it fills the new table with the others).
INSERT INTO jobs (kind, key, payload)
  SELECT 'reports.rebuild-rollups', 'backfill-published:' || id, jsonb_build_object('workspaceId', id) FROM workspaces;
