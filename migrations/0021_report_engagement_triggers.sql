-- The engagement roll-ups (decision 0305) are written in the transaction that records figures: a
-- statement trigger on target_metrics recomputes each touched target's latest figures, compares
-- them with its previous snapshot in target_engagement and appends the difference (a pull raising
-- likes from 10 to 14 appends +4 to the target's day, channel, network, campaign, pillar, author
-- and publication-hour cells). Recomputing instead of trusting the transition rows makes the
-- INSERT and UPDATE triggers of one upsert, or a retried pull, add nothing twice.
-- Writers of one target take a lock on it so two concurrent pulls cannot both diff against the same
-- snapshot; every writer takes a shared lock the rebuild and fold take exclusively.
CREATE FUNCTION report_engagement_apply(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('report_engagement'));
  PERFORM pg_advisory_xact_lock(hashtext('report_engagement_target'), hashtext(x.id::text))
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id) ORDER BY id) x;
  SELECT array_agg(DISTINCT post_id) INTO touched FROM (
    SELECT post_id FROM target_engagement WHERE target_id = ANY(ids)
    UNION SELECT post_id FROM post_targets WHERE id = ANY(ids)) p;
  WITH cur AS (
    SELECT pt.id AS target_id, pt.workspace_id, pt.post_id,
      (pt.scheduled_at AT TIME ZONE w.timezone)::date AS day, pt.scheduled_at,
      extract(isodow FROM coalesce(pt.published_at, pt.scheduled_at) AT TIME ZONE w.timezone)::smallint AS weekday,
      extract(hour FROM coalesce(pt.published_at, pt.scheduled_at) AT TIME ZONE w.timezone)::smallint AS hour,
      pt.channel_id, pt.network::text AS network, p.campaign_id, p.pillar_id, p.author_user_id,
      m.replies, m.reposts, m.likes, m.quotes, m.engagement
    FROM (SELECT target_id,
        max(value) FILTER (WHERE metric = 'replies') AS replies,
        max(value) FILTER (WHERE metric = 'reposts') AS reposts,
        max(value) FILTER (WHERE metric = 'likes') AS likes,
        max(value) FILTER (WHERE metric = 'quotes') AS quotes,
        sum(value)::bigint AS engagement
      FROM target_metrics WHERE target_id = ANY(ids) GROUP BY target_id) m
      JOIN post_targets pt ON pt.id = m.target_id
      JOIN posts p ON p.id = pt.post_id
      JOIN workspaces w ON w.id = pt.workspace_id
    WHERE pt.scheduled_at IS NOT NULL
  ),
  old AS (SELECT * FROM target_engagement WHERE target_id = ANY(ids)),
  delta AS (
    SELECT 1 AS sign, workspace_id, post_id, day, weekday, hour, channel_id, network, campaign_id, pillar_id,
      author_user_id, replies, reposts, likes, quotes, engagement FROM cur
    UNION ALL
    SELECT -1, workspace_id, post_id, day, weekday, hour, channel_id, network, campaign_id, pillar_id,
      author_user_id, replies, reposts, likes, quotes, engagement FROM old
  ),
  sliced AS (
    SELECT d.*, s.dim, s.val FROM delta d,
      LATERAL (VALUES ('all', ''), ('channel', d.channel_id::text), ('network', d.network),
        ('campaign', d.campaign_id::text), ('pillar', d.pillar_id), ('author', d.author_user_id::text)) AS s(dim, val)
    WHERE s.val IS NOT NULL
  ),
  days AS (
    INSERT INTO report_engagement_days (workspace_id, day, dim, dim_value, grp, grp_value, measured,
      replies, replies_n, reposts, reposts_n, likes, likes_n, quotes, quotes_n)
    SELECT x.workspace_id, x.day, x.dim, x.val, g.grp, g.val, sum(x.sign)::int,
      sum(x.sign * coalesce(x.replies, 0))::bigint, sum(x.sign * (x.replies IS NOT NULL)::int)::int,
      sum(x.sign * coalesce(x.reposts, 0))::bigint, sum(x.sign * (x.reposts IS NOT NULL)::int)::int,
      sum(x.sign * coalesce(x.likes, 0))::bigint, sum(x.sign * (x.likes IS NOT NULL)::int)::int,
      sum(x.sign * coalesce(x.quotes, 0))::bigint, sum(x.sign * (x.quotes IS NOT NULL)::int)::int
    FROM sliced x,
      LATERAL (VALUES ('network', x.network), ('campaign', coalesce(x.campaign_id::text, '')),
        ('cell', x.weekday || ':' || x.hour)) AS g(grp, val)
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0 OR sum(x.sign * coalesce(x.replies, 0)) <> 0 OR sum(x.sign * coalesce(x.reposts, 0)) <> 0
      OR sum(x.sign * coalesce(x.likes, 0)) <> 0 OR sum(x.sign * coalesce(x.quotes, 0)) <> 0
      OR sum(x.sign * (x.replies IS NOT NULL)::int) <> 0 OR sum(x.sign * (x.reposts IS NOT NULL)::int) <> 0
      OR sum(x.sign * (x.likes IS NOT NULL)::int) <> 0 OR sum(x.sign * (x.quotes IS NOT NULL)::int) <> 0
  ),
  ranked AS (
    -- In key order, so two pulls of one post's targets lock its shared rows in the same order.
    INSERT INTO post_engagement (workspace_id, post_id, dim, dim_value, day, measured, engagement)
    SELECT x.workspace_id, x.post_id, x.dim, x.val, x.day, sum(x.sign)::int, sum(x.sign * x.engagement)::bigint
    FROM sliced x
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(x.sign) <> 0 OR sum(x.sign * x.engagement) <> 0
    ORDER BY 2, 3, 4, 5
    ON CONFLICT (post_id, dim, dim_value, day) DO UPDATE
      SET measured = post_engagement.measured + excluded.measured,
        engagement = post_engagement.engagement + excluded.engagement
  ),
  gone AS (DELETE FROM target_engagement WHERE target_id = ANY(ids)
    AND target_id NOT IN (SELECT target_id FROM cur))
  INSERT INTO target_engagement (target_id, workspace_id, post_id, day, scheduled_at, weekday, hour, channel_id,
    network, campaign_id, pillar_id, author_user_id, replies, reposts, likes, quotes, engagement)
  SELECT target_id, workspace_id, post_id, day, scheduled_at, weekday, hour, channel_id, network, campaign_id,
    pillar_id, author_user_id, replies, reposts, likes, quotes, engagement FROM cur
  ON CONFLICT (target_id) DO UPDATE SET workspace_id = excluded.workspace_id, post_id = excluded.post_id,
    day = excluded.day, scheduled_at = excluded.scheduled_at, weekday = excluded.weekday, hour = excluded.hour,
    channel_id = excluded.channel_id, network = excluded.network, campaign_id = excluded.campaign_id,
    pillar_id = excluded.pillar_id, author_user_id = excluded.author_user_id, replies = excluded.replies,
    reposts = excluded.reposts, likes = excluded.likes, quotes = excluded.quotes, engagement = excluded.engagement;
  DELETE FROM post_engagement WHERE post_id = ANY(touched) AND measured <= 0;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_engagement_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_engagement_apply(ARRAY(SELECT DISTINCT target_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_engagement_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_engagement_apply(ARRAY(SELECT DISTINCT target_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_engagement_inserted AFTER INSERT ON target_metrics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_engagement_inserted();
--> statement-breakpoint
CREATE TRIGGER report_engagement_updated AFTER UPDATE ON target_metrics
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_engagement_inserted();
--> statement-breakpoint
CREATE TRIGGER report_engagement_deleted AFTER DELETE ON target_metrics
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_engagement_deleted();
--> statement-breakpoint
-- A post moved to another campaign, pillar or author moves its measured targets' figures along.
CREATE FUNCTION report_engagement_post_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_engagement_apply(ARRAY(SELECT id FROM post_targets WHERE post_id = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_engagement_post_changed AFTER UPDATE OF campaign_id, pillar_id, author_user_id ON posts
  FOR EACH ROW WHEN (OLD.campaign_id IS DISTINCT FROM NEW.campaign_id OR OLD.pillar_id IS DISTINCT FROM NEW.pillar_id
    OR OLD.author_user_id IS DISTINCT FROM NEW.author_user_id)
  EXECUTE FUNCTION report_engagement_post_changed();
--> statement-breakpoint
-- Workspaces that already have figures get their roll-ups from the rebuild job.
INSERT INTO jobs (kind, key, payload)
  SELECT 'reports.rebuild-rollups', 'engagement-backfill:' || w.id, jsonb_build_object('workspaceId', w.id)
  FROM workspaces w WHERE EXISTS (SELECT 1 FROM target_metrics tm WHERE tm.workspace_id = w.id);
