-- The report roll-ups are written in the transaction that changes the facts (decision 0255): a
-- trigger on post_targets for every transition of the target ledger, and one on posts for the
-- post's own slices (campaign, pillar, author). Each change appends the old row's contribution
-- with n = -1 and the new row's with n = +1; a change that moves no figure (a claim) appends
-- nothing. The same expressions fill the table from the facts when the rebuild job runs.
CREATE FUNCTION report_failure_reason(err text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN err ILIKE '%HTTP 429%' OR err ILIKE '%slow down%' THEN 'rate_limited'
    WHEN err ILIKE '%credential%' OR err ILIKE '%reconnect%' OR err ILIKE '%HTTP 401%' THEN 'credentials'
    WHEN err ILIKE '%confirmed it did not go out%' THEN 'confirmed_not_sent'
    WHEN err ILIKE '%refused the post%' OR err ILIKE '%too long%' OR err ILIKE '%HTTP 4%' THEN 'refused'
    WHEN err ILIKE '%timed out%' OR err ILIKE '%HTTP 5%' OR err ILIKE '%network had an error%' THEN 'network_error'
    ELSE 'other' END
$$;
--> statement-breakpoint
-- Bucket upper bounds in seconds, as packages/domain/src/reports/delay-buckets.ts lists them.
CREATE FUNCTION report_delay_bucket(secs float8) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE
    WHEN secs < -60 THEN 0 WHEN secs <= 60 THEN 1 WHEN secs <= 300 THEN 2 WHEN secs <= 900 THEN 3
    WHEN secs <= 1800 THEN 4 WHEN secs <= 3600 THEN 5 WHEN secs <= 10800 THEN 6 WHEN secs <= 21600 THEN 7
    WHEN secs <= 86400 THEN 8 WHEN secs <= 259200 THEN 9 ELSE 10 END)::smallint
$$;
--> statement-breakpoint
-- One target's slice of the roll-up: the status class, delay bucket and reason it counts under.
CREATE FUNCTION report_target_key(
  status text, scheduled_at timestamptz, published_at timestamptz, updated_at timestamptz, last_error text,
  OUT st text, OUT bucket smallint, OUT reason text
) LANGUAGE sql IMMUTABLE AS $$
  SELECT
    CASE WHEN status IN ('claimed', 'sending') THEN 'scheduled' ELSE status END,
    CASE WHEN status = 'published'
      THEN report_delay_bucket(extract(epoch FROM coalesce(published_at, updated_at) - scheduled_at)::float8)
      ELSE -1::smallint END,
    CASE WHEN status = 'failed' THEN report_failure_reason(last_error)
      WHEN status = 'held' AND last_error LIKE 'The charter %' THEN 'charter' ELSE '' END
$$;
--> statement-breakpoint
CREATE FUNCTION report_add_target(
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
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_targets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p record;
BEGIN
  IF TG_OP = 'UPDATE'
    AND OLD.workspace_id = NEW.workspace_id AND OLD.channel_id = NEW.channel_id
    AND OLD.post_id = NEW.post_id AND OLD.network = NEW.network
    AND OLD.scheduled_at IS NOT DISTINCT FROM NEW.scheduled_at
    AND report_target_key(OLD.status::text, OLD.scheduled_at, OLD.published_at, OLD.updated_at, OLD.last_error)
      IS NOT DISTINCT FROM
      report_target_key(NEW.status::text, NEW.scheduled_at, NEW.published_at, NEW.updated_at, NEW.last_error)
  THEN
    RETURN NULL;
  END IF;
  -- A target whose post is gone was already taken out by the post's own trigger.
  SELECT x.campaign_id, x.pillar_id, x.author_user_id INTO p FROM posts x
    WHERE x.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.post_id ELSE NEW.post_id END;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_add_target(OLD, p.campaign_id, p.pillar_id, p.author_user_id, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_add_target(NEW, p.campaign_id, p.pillar_id, p.author_user_id, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_targets_changed AFTER INSERT OR UPDATE OR DELETE ON post_targets
  FOR EACH ROW EXECUTE FUNCTION report_targets_changed();
--> statement-breakpoint
-- A post's campaign, pillar or author moves its targets between slices; a deleted post takes its
-- targets out before the cascade removes them.
CREATE FUNCTION report_post_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t post_targets;
BEGIN
  FOR t IN SELECT * FROM post_targets WHERE post_id = OLD.id LOOP
    PERFORM report_add_target(t, OLD.campaign_id, OLD.pillar_id, OLD.author_user_id, -1);
    IF TG_OP = 'UPDATE' THEN
      PERFORM report_add_target(t, NEW.campaign_id, NEW.pillar_id, NEW.author_user_id, 1);
    END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_post_slices_changed AFTER UPDATE OF campaign_id, pillar_id, author_user_id ON posts
  FOR EACH ROW
  WHEN (OLD.campaign_id IS DISTINCT FROM NEW.campaign_id OR OLD.pillar_id IS DISTINCT FROM NEW.pillar_id
    OR OLD.author_user_id IS DISTINCT FROM NEW.author_user_id)
  EXECUTE FUNCTION report_post_changed();
--> statement-breakpoint
CREATE TRIGGER report_post_deleted BEFORE DELETE ON posts
  FOR EACH ROW EXECUTE FUNCTION report_post_changed();
--> statement-breakpoint
-- Existing data: one rebuild per workspace, run by the publisher's job runner.
INSERT INTO jobs (kind, key, payload)
  SELECT 'reports.rebuild-rollups', 'backfill:' || id, jsonb_build_object('workspaceId', id) FROM workspaces;
