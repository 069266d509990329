-- The Workflow and Charter reports' roll-up (decision 0302). Rows are appended (n = +1 / -1), never
-- updated in place, and folded by the reports:fold-rollups task, as for report_target_days: no
-- two writers wait on one counter row. Nothing here fires on post_targets.
--
-- Turnaround buckets: upper bounds in seconds, the same as turnaround-buckets.ts (a test holds the
-- two together); the last bucket (over 7 days) is open.
CREATE FUNCTION report_turnaround_bucket(secs float8) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE
    WHEN secs <= 300 THEN 0 WHEN secs <= 900 THEN 1 WHEN secs <= 1800 THEN 2 WHEN secs <= 3600 THEN 3
    WHEN secs <= 7200 THEN 4 WHEN secs <= 14400 THEN 5 WHEN secs <= 28800 THEN 6 WHEN secs <= 86400 THEN 7
    WHEN secs <= 172800 THEN 8 WHEN secs <= 259200 THEN 9 WHEN secs <= 604800 THEN 10 ELSE 11 END)::smallint
$$;
--> statement-breakpoint
-- The slices a post counts in: every post (''), each network and each channel it has a target on.
CREATE FUNCTION report_post_slices(pid uuid) RETURNS TABLE (slice text, network text)
LANGUAGE sql STABLE AS $$
  SELECT '', ''
  UNION ALL SELECT DISTINCT t.network::text, t.network::text FROM post_targets t WHERE t.post_id = pid
  UNION ALL SELECT t.channel_id::text, t.network::text FROM post_targets t WHERE t.post_id = pid
$$;
--> statement-breakpoint
-- Workflow, from the review events as they are recorded (post_events is append-only): an approval
-- that made the post "approved" counts on its day under the bucket of its turnaround from the last
-- submission before it; a post's review counts once, on the day of its first submission, under its
-- number of rounds of changes (moved up one bucket by each change request). The post's campaign,
-- pillar, author and channels are read when the event is recorded.
CREATE FUNCTION report_review_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  since timestamptz;
  first_at timestamptz;
  first_seq bigint;
  rounds int;
BEGIN
  SELECT w.timezone INTO tz FROM workspaces w WHERE w.id = NEW.workspace_id;
  IF NEW.action = 'approved' THEN
    SELECT x.created_at INTO since FROM post_events x
      WHERE x.post_id = NEW.post_id AND x.seq < NEW.seq AND x.action = 'submitted'
      ORDER BY x.seq DESC LIMIT 1;
    IF since IS NULL THEN RETURN NULL; END IF;
    INSERT INTO report_post_days (workspace_id, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, n)
    SELECT p.workspace_id, (NEW.created_at AT TIME ZONE tz)::date, s.slice, s.network, p.campaign_id, p.pillar_id,
      p.author_user_id, 'approval', '', report_turnaround_bucket(extract(epoch FROM NEW.created_at - since)::float8), 1
    FROM posts p, report_post_slices(p.id) s WHERE p.id = NEW.post_id;
    RETURN NULL;
  END IF;
  SELECT x.created_at, x.seq INTO first_at, first_seq FROM post_events x
    WHERE x.post_id = NEW.post_id AND x.seq <= NEW.seq AND x.action = 'submitted'
    ORDER BY x.seq LIMIT 1;
  -- A change request before any submission, or a later submission: the review is already counted.
  IF first_seq IS NULL OR (NEW.action = 'submitted' AND first_seq <> NEW.seq) THEN RETURN NULL; END IF;
  SELECT count(*) INTO rounds FROM post_events x
    WHERE x.post_id = NEW.post_id AND x.seq < NEW.seq AND x.action = 'changes_requested';
  INSERT INTO report_post_days (workspace_id, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, n)
  SELECT p.workspace_id, (first_at AT TIME ZONE tz)::date, s.slice, s.network, p.campaign_id, p.pillar_id,
    p.author_user_id, 'review', '', m.bucket, m.n
  FROM posts p, report_post_slices(p.id) s,
    LATERAL (SELECT rounds::smallint AS bucket, CASE WHEN NEW.action = 'submitted' THEN 1 ELSE -1 END AS n
      UNION ALL SELECT (rounds + 1)::smallint, 1 WHERE NEW.action = 'changes_requested') m
  WHERE p.id = NEW.post_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_review_event AFTER INSERT ON post_events
  FOR EACH ROW WHEN (NEW.action IN ('submitted', 'approved', 'changes_requested')
    AND (NEW.action <> 'approved' OR NEW.to_status = 'approved'))
  EXECUTE FUNCTION report_review_event();
--> statement-breakpoint
-- Charter: the keys one post counts under now (none when it is gone): "checked" once, and one
-- verdict per rule and severity of its last check (bucket 0 blocked, 1 warned, 2 warned and went
-- ahead), on the local day of its planned instant (its last change when undated), in each slice.
CREATE FUNCTION report_charter_rows(pid uuid) RETURNS TABLE (
  day date, slice text, network text, campaign_id uuid, pillar_id text, author_id uuid,
  kind text, rule text, bucket smallint
) LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT p.*, (coalesce(p.scheduled_at, p.updated_at) AT TIME ZONE w.timezone)::date AS d
    FROM posts p JOIN workspaces w ON w.id = p.workspace_id WHERE p.id = pid
  ),
  k AS (
    SELECT 'checked' AS kind, '' AS rule, 0::smallint AS bucket FROM p
    UNION
    SELECT 'verdict', x->>'rule', (CASE WHEN x->>'severity' = 'block' THEN 0
        WHEN p.status::text IN ('approved', 'scheduled', 'publishing', 'published', 'partially_published') THEN 2
        ELSE 1 END)::smallint
    FROM p, jsonb_array_elements(CASE WHEN jsonb_typeof(p.violations) = 'array' THEN p.violations ELSE '[]'::jsonb END) x
    WHERE x->>'severity' IN ('block', 'warn') AND x->>'rule' IS NOT NULL
  )
  SELECT p.d, s.slice, s.network, p.campaign_id, p.pillar_id, p.author_user_id, k.kind, k.rule, k.bucket
  FROM p, k, report_post_slices(pid) s
  ORDER BY 2, 7, 8, 9
$$;
--> statement-breakpoint
-- At commit (deferred), so the post's targets are the ones the transaction leaves: takes out what
-- the post counted under (report_post_charter) and adds what it counts under now.
CREATE FUNCTION report_charter_post_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pid uuid := coalesce(NEW.id, OLD.id);
  ws uuid := coalesce(NEW.workspace_id, OLD.workspace_id);
  fresh jsonb;
  stale jsonb;
BEGIN
  SELECT c.rows INTO stale FROM report_post_charter c WHERE c.post_id = pid FOR UPDATE;
  IF NOT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = ws) THEN RETURN NULL; END IF;
  SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb) INTO fresh FROM report_charter_rows(pid) r;
  stale := coalesce(stale, '[]'::jsonb);
  IF fresh = stale THEN RETURN NULL; END IF;
  INSERT INTO report_post_days (workspace_id, day, slice, network, campaign_id, pillar_id, author_id, kind, rule, bucket, n)
  SELECT ws, x.day, x.slice, x.network, x.campaign_id, x.pillar_id, x.author_id, x.kind, x.rule, x.bucket, sum(x.n)::int
  FROM (
    SELECT r.*, 1 AS n FROM jsonb_to_recordset(fresh) AS r(day date, slice text, network text, campaign_id uuid,
      pillar_id text, author_id uuid, kind text, rule text, bucket smallint)
    UNION ALL
    SELECT r.*, -1 FROM jsonb_to_recordset(stale) AS r(day date, slice text, network text, campaign_id uuid,
      pillar_id text, author_id uuid, kind text, rule text, bucket smallint)
  ) x
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  HAVING sum(x.n) <> 0;
  IF fresh = '[]'::jsonb THEN
    DELETE FROM report_post_charter WHERE post_id = pid;
  ELSE
    INSERT INTO report_post_charter (post_id, workspace_id, rows) VALUES (pid, ws, fresh)
      ON CONFLICT (post_id) DO UPDATE SET rows = excluded.rows;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER report_charter_post_inserted AFTER INSERT OR DELETE ON posts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_charter_post_changed();
--> statement-breakpoint
-- Only the changes that move a post's keys: the publisher's status steps (scheduled, publishing,
-- published all "went ahead") do not call the function. content_revision moves with the targets.
CREATE CONSTRAINT TRIGGER report_charter_post_updated AFTER UPDATE ON posts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.violations IS DISTINCT FROM NEW.violations
    OR coalesce(OLD.scheduled_at, OLD.updated_at) IS DISTINCT FROM coalesce(NEW.scheduled_at, NEW.updated_at)
    OR (OLD.status::text IN ('approved', 'scheduled', 'publishing', 'published', 'partially_published'))
      IS DISTINCT FROM (NEW.status::text IN ('approved', 'scheduled', 'publishing', 'published', 'partially_published'))
    OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id OR OLD.pillar_id IS DISTINCT FROM NEW.pillar_id
    OR OLD.author_user_id IS DISTINCT FROM NEW.author_user_id OR OLD.content_revision <> NEW.content_revision)
  EXECUTE FUNCTION report_charter_post_changed();
--> statement-breakpoint
-- Existing data: one rebuild per workspace (it now fills both roll-ups), run by the job runner.
INSERT INTO jobs (kind, key, payload)
  SELECT 'reports.rebuild-rollups', 'backfill-posts:' || id, jsonb_build_object('workspaceId', id) FROM workspaces;
