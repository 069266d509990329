// Reading Threads' lists for the inbox (Threads API v1.0): GET /{media-id}/conversation (every
// reply under one of our posts, nested ones too, newest first with reverse=true) and
// GET /{threads-user-id}/mentions. Both answer Meta's list shape, { data, paging: { cursors:
// { before, after }, next } }: `next` is present only when an older page exists, and its `after`
// cursor is what we pass back. Media ids are not ordered in time, so a position is the timestamp
// followed by the id (`comparePositions`).
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { compareNumericIds } from '../inbox/html-text';
import type { FetchedInboxItem, InboxPage } from '../inbox/types';

/** What the inbox asks of each reply or mention (fields documented for both lists). */
export const THREADS_INBOX_FIELDS =
  'id,text,username,timestamp,permalink,replied_to,root_post,is_reply_owned_by_me,hide_status,profile_picture_url';

const mediaId = z.string().regex(/^\d{1,40}$/);
const threadsMedia = z.object({
  id: mediaId,
  text: z.string().max(100_000).optional(),
  // Only public profiles' (and our own) usernames and permalinks are given.
  username: z.string().max(200).optional(),
  timestamp: z.string().max(100),
  permalink: z.string().max(2000).optional(),
  replied_to: z.object({ id: mediaId }).optional(),
  root_post: z.object({ id: mediaId }).optional(),
  is_reply_owned_by_me: z.boolean().optional(),
  profile_picture_url: z.string().max(4000).optional(),
});

export const threadsList = z.object({
  data: z.array(z.unknown()).max(500),
  paging: z
    .object({
      cursors: z.object({ after: z.string().max(2000).optional() }).optional(),
      next: z.string().max(4000).optional(),
    })
    .optional(),
});

const SEPARATOR = '|';

function positionOf(at: Date, id: string) {
  return `${at.toISOString()}${SEPARATOR}${id}`;
}

/** When a position was written (the walk's `after` for mentions' `since`), or null. */
export function positionTime(position: string | null): Date | null {
  if (!position) return null;
  const at = new Date(position.split(SEPARATOR)[0] ?? '');
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Older first: by timestamp (ISO strings of one form sort as text), then by id. */
export function compareThreadsPositions(a: string, b: string): number {
  const [atA = '', idA = ''] = a.split(SEPARATOR);
  const [atB = '', idB = ''] = b.split(SEPARATOR);
  if (atA !== atB) return atA < atB ? -1 : 1;
  return compareNumericIds(idA, idB);
}

/**
 * One page as the inbox keeps it. Our own replies move the walk (newest / oldest) but are not
 * kept: they are what Cadence or the team said, not something to answer.
 */
export function readThreadsPage(
  list: z.infer<typeof threadsList>,
  kind: 'reply' | 'mention',
  hosts: readonly string[],
): InboxPage {
  const items: FetchedInboxItem[] = [];
  let newest: string | null = null;
  let oldest: { position: string; at: Date } | null = null;
  for (const raw of list.data) {
    const parsed = threadsMedia.safeParse(raw);
    // One odd entry does not stop the others.
    if (!parsed.success) continue;
    const m = parsed.data;
    const at = new Date(m.timestamp);
    if (Number.isNaN(at.getTime())) continue;
    const position = positionOf(at, m.id);
    if (newest === null || compareThreadsPositions(position, newest) > 0) newest = position;
    if (oldest === null || compareThreadsPositions(position, oldest.position) < 0) oldest = { position, at };
    if (m.is_reply_owned_by_me) continue;
    const parent = m.replied_to?.id ?? null;
    const root = m.root_post?.id ?? (parent ? null : m.id);
    items.push({
      externalId: m.id,
      kind: kind === 'mention' && parent ? 'reply' : kind,
      authorHandle: m.username ?? '',
      authorName: null,
      authorAvatarUrl: safeExternalUrl(m.profile_picture_url),
      text: m.text ?? '',
      language: null,
      createdAt: at,
      link: safeExternalUrl(m.permalink, hosts),
      parentExternalId: parent,
      threadRootExternalId: root,
      // What hiding needs: Threads hides only replies made directly under the post.
      replyRef: { ...(parent ? { parent } : {}), ...(root ? { root } : {}) },
      position,
    });
  }
  const after = list.paging?.cursors?.after;
  return { items, next: list.paging?.next && after ? after : null, newest, oldest };
}
