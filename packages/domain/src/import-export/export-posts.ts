// Export of a date range, one line per target (post x channel), as CSV or JSON. The range is read
// like the calendar's (dates in the workspace zone) and capped, as is the number of lines.
import { campaigns, channels, type Executor, posts, postTargets } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { resolveRange } from '../calendar/list-calendar';
import { AppError } from '../errors';
import { toLocal } from '../time/local-time';
import { guardCell } from './csv-cells';
import { MAX_EXPORT_DAYS, MAX_EXPORT_ROWS } from './schemas';
import { safeExternalUrl } from '../publishing/external-url';

export const EXPORT_COLUMNS = [
  'target_id',
  'post_id',
  'scheduled_at',
  'scheduled_local',
  'timezone',
  'channel_id',
  'channel',
  'network',
  'post_status',
  'target_status',
  'text',
  'link',
  'first_comment',
  'campaign_id',
  'campaign',
  'pillar',
  'labels',
  'author_user_id',
  'author_token_id',
  'published_at',
  'external_url',
] as const;
type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | null>;

async function loadRows(db: Executor, workspaceId: string, from: Date, to: Date) {
  return db
    .select({
      target: postTargets,
      post: posts,
      channelName: channels.displayName,
      campaignName: campaigns.name,
    })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(
      and(
        eq(postTargets.workspaceId, workspaceId),
        gte(postTargets.scheduledAt, from),
        lt(postTargets.scheduledAt, to),
      ),
    )
    .orderBy(asc(postTargets.scheduledAt), asc(postTargets.id))
    .limit(MAX_EXPORT_ROWS + 1);
}

export async function exportPosts(
  db: Executor,
  actor: Actor,
  query: { from: string; to: string; format: 'csv' | 'json' },
): Promise<{ contentType: string; filename: string; body: string }> {
  const { from, to } = resolveRange(query, actor.workspaceTimezone, MAX_EXPORT_DAYS);
  const rows = await loadRows(db, actor.workspaceId, from, to);
  if (rows.length > MAX_EXPORT_ROWS) {
    const message = `the range holds more than ${MAX_EXPORT_ROWS} targets: narrow it`;
    throw new AppError('validation_failed', `querystring.to: ${message}`, [
      { field: 'querystring.to', message },
    ]);
  }
  const zone = actor.workspaceTimezone;
  const lines: ExportRow[] = rows.map(({ target, post, channelName, campaignName }) => ({
    target_id: target.id,
    post_id: post.id,
    scheduled_at: target.scheduledAt?.toISOString() ?? null,
    // The wall-clock time the post was scheduled in, when it was (else the target's instant in the workspace zone).
    scheduled_local: post.scheduledLocal ?? (target.scheduledAt ? toLocal(target.scheduledAt, zone) : null),
    timezone: post.scheduledTimezone ?? zone,
    channel_id: target.channelId,
    channel: channelName,
    network: target.network,
    post_status: post.status,
    target_status: target.status,
    text: target.textOverride ?? post.text,
    link: post.link,
    first_comment: target.firstCommentOverride ?? post.firstComment,
    campaign_id: post.campaignId,
    campaign: campaignName,
    pillar: post.pillarId,
    labels: post.labels.join('|'),
    author_user_id: post.authorUserId,
    author_token_id: post.authorTokenId,
    published_at: target.publishedAt?.toISOString() ?? null,
    // Rows stored before links were checked may hold anything: exports carry only http(s).
    external_url: safeExternalUrl(target.externalUrl),
  }));
  const stem = `cadence-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}`;
  if (query.format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      filename: `${stem}.json`,
      body: JSON.stringify({ timezone: zone, from: from.toISOString(), to: to.toISOString(), items: lines }),
    };
  }
  const body = stringify(
    lines.map((l) => EXPORT_COLUMNS.map((c) => guardCell(l[c] ?? ''))),
    { header: true, columns: [...EXPORT_COLUMNS], bom: true },
  );
  return { contentType: 'text/csv; charset=utf-8', filename: `${stem}.csv`, body };
}
