// Export of a date range, one line per target (post x channel), as CSV or JSON. The range is read
// like the calendar's (dates in the workspace zone) and capped, as are the lines and the bytes;
// the file is streamed a page at a time (issue 10, finding 9: a 509 MB export built in memory).
import { campaigns, channels, type Executor, posts, postTargets } from '@cadence/db';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { resolveRange } from '../calendar/list-calendar';
import { invalidField, sayError } from '../errors';
import { toLocal } from '../time/local-time';
import { guardCell } from './csv-cells';
import { MAX_EXPORT_BYTES, MAX_EXPORT_DAYS, MAX_EXPORT_ROWS } from './schemas';
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

// Pages small enough that serialising one, at the longest texts, stays a few milliseconds.
const PAGE_ROWS = 100;
// Ids, instants, names and statuses of one line, over-estimated: what the texts do not account for.
const FIXED_ROW_BYTES = 1_024;

const inRange = (workspaceId: string, from: Date, to: Date) =>
  and(
    eq(postTargets.workspaceId, workspaceId),
    gte(postTargets.scheduledAt, from),
    lt(postTargets.scheduledAt, to),
  );

/** Lines and bytes the range would export, counted in the database before anything is sent. */
async function measureRange(db: Executor, workspaceId: string, from: Date, to: Date) {
  const [row] = await db
    .select({
      rows: sql<number>`count(*)::int`,
      textBytes: sql<number>`coalesce(sum(
        octet_length(coalesce(${postTargets.textOverride}, ${posts.text}))
        + coalesce(octet_length(coalesce(${postTargets.firstCommentOverride}, ${posts.firstComment})), 0)
        + coalesce(octet_length(${posts.link}), 0)
        + coalesce(octet_length(${postTargets.externalUrl}), 0)
      ), 0)::float8`,
    })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(inRange(workspaceId, from, to));
  const rows = Number(row?.rows ?? 0);
  return { rows, bytes: rows * FIXED_ROW_BYTES + Number(row?.textBytes ?? 0) };
}

type Cursor = { at: Date; id: string } | null;

/** One page of the range in export order, after `cursor` (keyset: no offset to rescan). */
async function loadPage(db: Executor, workspaceId: string, from: Date, to: Date, cursor: Cursor) {
  const after = cursor
    ? or(
        gt(postTargets.scheduledAt, cursor.at),
        and(eq(postTargets.scheduledAt, cursor.at), gt(postTargets.id, cursor.id)),
      )
    : undefined;
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
    .where(and(inRange(workspaceId, from, to), after))
    .orderBy(asc(postTargets.scheduledAt), asc(postTargets.id))
    .limit(PAGE_ROWS);
}

type Loaded = Awaited<ReturnType<typeof loadPage>>[number];

function toLine({ target, post, channelName, campaignName }: Loaded, zone: string): ExportRow {
  return {
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
  };
}

export interface ExportFile {
  contentType: string;
  filename: string;
  /** The file in pieces, read from the database a page at a time as the client takes them. */
  body: AsyncIterable<string>;
}

/**
 * The export of a range, streamed: the range is measured first (lines and bytes, in the database)
 * and refused with a 400 naming `to` when it holds more than MAX_EXPORT_ROWS lines or about
 * MAX_EXPORT_BYTES; then pages of PAGE_ROWS lines are read and serialised one after another, so
 * memory holds one page whatever the range, and each page is a separate turn of the event loop.
 */
export async function exportPosts(
  db: Executor,
  actor: Actor,
  query: { from: string; to: string; format: 'csv' | 'json' },
): Promise<ExportFile> {
  const { from, to } = resolveRange(query, actor.workspaceTimezone, MAX_EXPORT_DAYS);
  const measured = await measureRange(db, actor.workspaceId, from, to);
  if (measured.rows > MAX_EXPORT_ROWS)
    throw invalidField('querystring.to', 'export_over_rows', { max: MAX_EXPORT_ROWS });
  if (measured.bytes > MAX_EXPORT_BYTES) {
    throw invalidField('querystring.to', 'export_over_size', { max: MAX_EXPORT_BYTES / 2 ** 20 });
  }
  const zone = actor.workspaceTimezone;
  const stem = `cadence-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}`;
  const pages = async function* () {
    let cursor: Cursor = null;
    // The measure counted what existed then; posts added since stop at the cap, not past it.
    let rows = 0;
    for (;;) {
      const page = await loadPage(db, actor.workspaceId, from, to, cursor);
      const kept = page.slice(0, Math.max(0, MAX_EXPORT_ROWS - rows));
      if (kept.length > 0) yield kept.map((row) => toLine(row, zone));
      rows += kept.length;
      const last = page[page.length - 1];
      if (page.length < PAGE_ROWS || !last?.target.scheduledAt || rows >= MAX_EXPORT_ROWS) return;
      cursor = { at: last.target.scheduledAt, id: last.target.id };
    }
  };
  if (query.format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      filename: `${stem}.json`,
      body: capped(jsonPieces()),
    };
  }
  return { contentType: 'text/csv; charset=utf-8', filename: `${stem}.csv`, body: capped(csvPieces()) };

  async function* jsonPieces() {
    const head = JSON.stringify({ timezone: zone, from: from.toISOString(), to: to.toISOString() });
    yield `${head.slice(0, -1)},"items":[`;
    let first = true;
    for await (const lines of pages()) {
      const body = lines.map((line) => JSON.stringify(line)).join(',');
      yield first ? body : `,${body}`;
      first = false;
    }
    yield ']}';
  }

  async function* csvPieces() {
    let first = true;
    for await (const lines of pages()) {
      yield stringify(
        lines.map((l) => EXPORT_COLUMNS.map((c) => guardCell(l[c] ?? ''))),
        { header: first, columns: [...EXPORT_COLUMNS], bom: first },
      );
      first = false;
    }
    if (first) yield stringify([], { header: true, columns: [...EXPORT_COLUMNS], bom: true });
  }
}

/**
 * A hard stop behind the measure (escaping can make JSON longer than the texts it holds): past
 * twice the cap the stream fails, and the client sees a cut transfer rather than an unbounded one.
 */
async function* capped(pieces: AsyncIterable<string>): AsyncIterable<string> {
  let bytes = 0;
  for await (const piece of pieces) {
    bytes += Buffer.byteLength(piece);
    if (bytes > 2 * MAX_EXPORT_BYTES) throw sayError('payload_too_large', 'errors.importExport.exportGrew');
    yield piece;
  }
}
