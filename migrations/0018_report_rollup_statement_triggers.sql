-- The roll-up's triggers on post_targets per statement instead of per row (decision 0255): a
-- ledger transition moving many targets (an outcome batch, a cascade) now appends one row per
-- slice and key with the summed change, from the statement's transition tables, instead of a
-- PL/pgSQL call and twelve inserted rows per target. A post that is gone is skipped by the join
-- (its own trigger took its targets out). A change that moves no figure (a claim) sums to zero
-- and appends nothing.
DROP TRIGGER report_targets_changed ON post_targets;
--> statement-breakpoint
DROP FUNCTION report_targets_changed();
--> statement-breakpoint
CREATE FUNCTION report_targets_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT x.workspace_id, x.day, s.dim, s.val, x.st, x.bucket, x.reason, sum(x.sign)::int
  FROM (SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
      t.channel_id, t.network, p.campaign_id, p.pillar_id, p.author_user_id, 1 AS sign
    FROM new_rows t
      JOIN posts p ON p.id = t.post_id
      JOIN workspaces w ON w.id = t.workspace_id,
      LATERAL report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error) k
    WHERE t.scheduled_at IS NOT NULL) x,
    LATERAL (VALUES ('all', ''), ('channel', x.channel_id::text), ('network', x.network::text),
      ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT x.workspace_id, x.day, s.dim, s.val, x.st, x.bucket, x.reason, sum(x.sign)::int
  FROM (SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
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
    WHERE t.scheduled_at IS NOT NULL) x,
    LATERAL (VALUES ('all', ''), ('channel', x.channel_id::text), ('network', x.network::text),
      ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION report_targets_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_target_days (workspace_id, day, dim, dim_value, status, delay_bucket, reason, n)
  SELECT x.workspace_id, x.day, s.dim, s.val, x.st, x.bucket, x.reason, sum(x.sign)::int
  FROM (SELECT t.workspace_id, (t.scheduled_at AT TIME ZONE w.timezone)::date AS day, k.st, k.bucket, k.reason,
      t.channel_id, t.network, p.campaign_id, p.pillar_id, p.author_user_id, -1 AS sign
    FROM old_rows t
      JOIN posts p ON p.id = t.post_id
      JOIN workspaces w ON w.id = t.workspace_id,
      LATERAL report_target_key(t.status::text, t.scheduled_at, t.published_at, t.updated_at, t.last_error) k
    WHERE t.scheduled_at IS NOT NULL) x,
    LATERAL (VALUES ('all', ''), ('channel', x.channel_id::text), ('network', x.network::text),
      ('campaign', x.campaign_id::text), ('pillar', x.pillar_id), ('author', x.author_user_id::text)) AS s(dim, val)
  WHERE s.val IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_targets_inserted AFTER INSERT ON post_targets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_targets_inserted();
--> statement-breakpoint
CREATE TRIGGER report_targets_updated AFTER UPDATE ON post_targets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_targets_updated();
--> statement-breakpoint
CREATE TRIGGER report_targets_deleted AFTER DELETE ON post_targets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_targets_deleted();
