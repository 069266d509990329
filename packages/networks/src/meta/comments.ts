// What Facebook Page and Instagram comments share in the inbox (Graph API v21.0): positions, the
// page shape the sync walks, and the search for a reply an earlier attempt may have posted. The
// Graph API has no idempotency key, so a reply retried after an unclear outcome first looks among
// the parent's newest replies for ours (same author, same text, written since the reply was
// asked for) and answers that one instead of posting again.
import { z } from 'zod';
import type { FetchedInboxItem, InboxPage } from '../inbox/types';

/** Graph times read "2026-11-26T12:00:00+0000"; the offset is made ISO before parsing. */
export function graphTime(raw: string): Date | null {
  const at = new Date(raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Time first, then id: sorts as the networks list (newest first), never two the same. */
export const commentPosition = (at: Date, id: string) => `${String(at.getTime()).padStart(15, '0')}:${id}`;

export const compareCommentPositions = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Graph paging: `cursors.after` resumes after the page; `next` is present only when more follow. */
export const graphPaging = z
  .object({
    cursors: z
      .object({ after: z.string().max(2000).optional() })
      .partial()
      .optional(),
    next: z.string().max(4000).optional(),
  })
  .optional();

/**
 * A page for the sync: `listed` are the entries in the network's order (kept or not, our own
 * replies too), `items` what the inbox keeps (nested replies included). Newest is the newest of
 * either, so a reply newer than every listed comment still moves the walk's floor.
 */
export function commentsPage(
  listed: { position: string; at: Date }[],
  items: FetchedInboxItem[],
  paging: z.infer<typeof graphPaging>,
): InboxPage {
  let newest: string | null = null;
  for (const p of [...listed.map((l) => l.position), ...items.map((i) => i.position)]) {
    if (newest === null || p > newest) newest = p;
  }
  const last = listed.at(-1);
  const after = paging?.cursors?.after;
  return {
    items,
    next: paging?.next && after ? after : null,
    newest,
    oldest: last ? { position: last.position, at: last.at } : null,
  };
}

/** Our reply among the parent's newest replies, if an earlier attempt posted it. */
export function findOurReply(
  replies: { id: string; text: string; authorId: string | null; at: Date | null }[],
  ours: { authorId: string; text: string; since: Date },
): string | null {
  // A minute of slack for the clocks of Cadence and Meta.
  const from = ours.since.getTime() - 60_000;
  const found = replies.find(
    (r) =>
      r.authorId === ours.authorId && r.text.trim() === ours.text.trim() && (r.at?.getTime() ?? 0) >= from,
  );
  return found?.id ?? null;
}
