-- The Community report's roll-up (decision 0316). Statement triggers on inbox_items append, from
-- the statement's transition tables, minus the keys the old rows counted under and plus the keys
-- of the new rows, summed per workspace, local day, channel and key (as migration 0018 does for
-- post_targets): an item answered, done or reopened moves its arrival day's counts in the
-- transaction that changes it. Rows are only appended; reports:fold-rollups folds them.
--
-- The keys an item counts under. `target` is the workspace's first-response target in working
-- minutes (within target is over replied items); replied items carry the step of their working
-- minutes (report_turnaround_bucket of migration 0026, in seconds).
CREATE FUNCTION report_inbox_keys(status text, first_response_at timestamptz, frm integer, target integer)
RETURNS TABLE (kind text, bucket smallint) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'received', 0::smallint
  UNION ALL SELECT 'responded', 0::smallint WHERE first_response_at IS NOT NULL
  UNION ALL SELECT 'done', 0::smallint WHERE status = 'done'
  UNION ALL SELECT 'answered', 0::smallint WHERE first_response_at IS NOT NULL OR status = 'done'
  UNION ALL SELECT 'replied', report_turnaround_bucket((frm * 60)::float8) WHERE frm IS NOT NULL
  UNION ALL SELECT 'within', 0::smallint WHERE frm IS NOT NULL AND frm <= target
  UNION ALL SELECT 'waiting', 0::smallint WHERE status <> 'done' AND first_response_at IS NULL
$$;
--> statement-breakpoint
-- A workspace deleted with its items is skipped by the join (its roll-up rows go with it).
CREATE FUNCTION report_inbox_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Likes, notes, assignments, snoozes and syncs of the text move no figure: return after two
    -- scans of the transition tables (no join: the planner has no statistics on them, decision 0311).
    IF NOT EXISTS (
      SELECT workspace_id, channel_id, network, created_at, status, first_response_at, first_response_working_minutes
      FROM new_rows
      EXCEPT ALL
      SELECT workspace_id, channel_id, network, created_at, status, first_response_at, first_response_working_minutes
      FROM old_rows
    ) THEN
      RETURN NULL;
    END IF;
    INSERT INTO report_inbox_days (workspace_id, day, channel_id, network, kind, bucket, n)
    SELECT x.workspace_id, (x.created_at AT TIME ZONE w.timezone)::date, x.channel_id, x.network::text, k.kind, k.bucket,
      sum(x.sign)::int
    FROM (SELECT *, -1 AS sign FROM old_rows UNION ALL SELECT *, 1 FROM new_rows) x
      JOIN workspaces w ON w.id = x.workspace_id,
      LATERAL report_inbox_keys(x.status::text, x.first_response_at, x.first_response_working_minutes,
        w.first_response_target_minutes) k
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.sign) <> 0;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO report_inbox_days (workspace_id, day, channel_id, network, kind, bucket, n)
    SELECT x.workspace_id, (x.created_at AT TIME ZONE w.timezone)::date, x.channel_id, x.network::text, k.kind, k.bucket,
      count(*)::int
    FROM new_rows x
      JOIN workspaces w ON w.id = x.workspace_id,
      LATERAL report_inbox_keys(x.status::text, x.first_response_at, x.first_response_working_minutes,
        w.first_response_target_minutes) k
    GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO report_inbox_days (workspace_id, day, channel_id, network, kind, bucket, n)
    SELECT x.workspace_id, (x.created_at AT TIME ZONE w.timezone)::date, x.channel_id, x.network::text, k.kind, k.bucket,
      -count(*)::int
    FROM old_rows x
      JOIN workspaces w ON w.id = x.workspace_id,
      LATERAL report_inbox_keys(x.status::text, x.first_response_at, x.first_response_working_minutes,
        w.first_response_target_minutes) k
    GROUP BY 1, 2, 3, 4, 5, 6;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER report_inbox_inserted AFTER INSERT ON inbox_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_inbox_changed();
--> statement-breakpoint
CREATE TRIGGER report_inbox_updated AFTER UPDATE ON inbox_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_inbox_changed();
--> statement-breakpoint
CREATE TRIGGER report_inbox_deleted AFTER DELETE ON inbox_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_inbox_changed();
--> statement-breakpoint
-- The items already there: one rebuild per workspace that has some (the job rebuilds every roll-up).
INSERT INTO jobs (kind, key, payload)
  SELECT 'reports.rebuild-rollups', 'backfill-inbox:' || w.id, jsonb_build_object('workspaceId', w.id) FROM workspaces w
  WHERE EXISTS (SELECT 1 FROM inbox_items i WHERE i.workspace_id = w.id);
