-- The roll-up's update trigger on post_targets returns at once when no row of the statement can
-- move a figure (decision 0311). Most updates of the ledger are the publisher's own steps inside
-- the scheduled class: claims, `sending`, handing back, undoing a `sending` whose call never
-- started. A target in that class counts as (scheduled, no bucket, no reason) whatever its lease,
-- attempts or times, so such a change sums to zero for every slice; the trigger of migration 0018
-- still joined both transition tables to posts and workspaces and grouped them to find that out,
-- on every claim and every `sending` commit. A row can move a figure only if it leaves or enters
-- the scheduled class, or changes what its day and slices come from (instant, workspace, channel,
-- post, network); only statements holding such a row run the summing query, unchanged.
CREATE OR REPLACE FUNCTION report_targets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each row once on each side: one-table scans and a set difference, no join (the planner has
  -- no statistics on transition tables and joined them row by row).
  IF NOT EXISTS (SELECT 1 FROM old_rows WHERE status NOT IN ('scheduled', 'claimed', 'sending'))
    AND NOT EXISTS (SELECT 1 FROM new_rows WHERE status NOT IN ('scheduled', 'claimed', 'sending'))
    AND NOT EXISTS (
      SELECT id, scheduled_at, workspace_id, channel_id, post_id, network FROM new_rows
      EXCEPT ALL
      SELECT id, scheduled_at, workspace_id, channel_id, post_id, network FROM old_rows)
  THEN
    RETURN NULL;
  END IF;
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
