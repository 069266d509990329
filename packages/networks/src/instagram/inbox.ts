// The inbox side of an Instagram professional account (Instagram API with Instagram Login, Graph
// API v21.0 on graph.instagram.com). The sync reads the comments of each of our recent media:
// GET /{ig-media-id}/comments (top-level comments, newest first, paged by cursors.after), each
// with its first replies nested (`replies{...}`). A reply is read with its comment, so a new reply
// is seen when its comment is on the first page (which every sync reads again) or on a page the
// walk reaches; one under an older comment is a known gap. Replies: POST /{ig-comment-id}/replies
// (Instagram answers top-level comments only: a reply to a reply goes to its comment); hiding:
// POST /{ig-comment-id} with hide. Needs instagram_business_basic and
// instagram_business_manage_comments (instagram_basic and instagram_manage_comments with
// Facebook Login).
import { z } from 'zod';
import { NetworkError } from '../errors';
import type { FetchedInboxItem, InboxAdapter, InboxCall } from '../inbox/types';
import {
  commentPosition,
  commentsPage,
  compareCommentPositions,
  findOurReply,
  graphPaging,
  graphTime,
} from '../meta/comments';
import { graphCall } from '../meta/graph';
import { readAnswer, withQuery } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { INSTAGRAM_GRAPH, INSTAGRAM_VERSION, instagramCredentialsSchema } from './credentials';

const PAGE = 50;
const COMMENT_FIELDS = 'id,text,timestamp,username,from{id,username},parent_id';
const FIELDS = `${COMMENT_FIELDS},replies{${COMMENT_FIELDS}}`;
const igId = z.string().regex(/^\d{1,40}$/);

const base = z.object({
  id: igId,
  text: z.string().max(20_000).optional(),
  timestamp: z.string().max(40),
  username: z.string().max(400).optional(),
  from: z.object({ id: z.string().max(80), username: z.string().max(400).optional() }).optional(),
  parent_id: igId.optional(),
});
const comment = base.extend({ replies: z.object({ data: z.array(z.unknown()).max(500) }).optional() });
const listed = z.object({ data: z.array(z.unknown()).max(500), paging: graphPaging });

type Parsed = z.infer<typeof base> & { at: Date };
const parse = (raw: unknown) => {
  const parsed = comment.safeParse(raw);
  const at = parsed.success ? graphTime(parsed.data.timestamp) : null;
  return parsed.success && at ? { ...parsed.data, at } : null;
};

export function createInstagramInbox(deps: AdapterDeps): InboxAdapter {
  const now = deps.clock ?? (() => new Date());
  const graph = `${origin(INSTAGRAM_GRAPH, deps.baseUrl)}/${INSTAGRAM_VERSION}`;
  const open = (call: InboxCall) => {
    const parsed = instagramCredentialsSchema.safeParse(call.credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Instagram channel has no valid account and token');
    return { igUserId: parsed.data.igUserId, token: parsed.data.accessToken };
  };
  const idOf = (raw: string | undefined) => {
    if (!raw || !igId.safeParse(raw).success) throw new NetworkError('permanent', 'Not an Instagram id');
    return raw;
  };
  const get = async (path: string, query: Record<string, string | undefined>, signal: AbortSignal) =>
    graphCall(
      { method: 'GET', url: withQuery(`${graph}/${path}`, query) },
      deps.http,
      signal,
      now,
      'Instagram',
    );
  const post = async (path: string, form: Record<string, string>, signal: AbortSignal) =>
    graphCall({ method: 'POST', url: `${graph}/${path}`, form }, deps.http, signal, now, 'Instagram');

  const asItem = (c: Parsed, mediaId: string): FetchedInboxItem => ({
    externalId: c.id,
    kind: 'comment',
    authorHandle: c.username ?? c.from?.username ?? '',
    authorName: null,
    authorAvatarUrl: null,
    text: c.text ?? '',
    language: null,
    createdAt: c.at,
    // The API gives no link to a comment.
    link: null,
    parentExternalId: c.parent_id ?? mediaId,
    threadRootExternalId: mediaId,
    // Where a reply to this item goes: its top-level comment.
    replyRef: { replyTo: c.parent_id ?? c.id },
    position: commentPosition(c.at, c.id),
  });

  return {
    network: 'instagram',
    comparePositions: compareCommentPositions,
    // A retry looks for the reply written since the first attempt before posting (earlierAttempt).
    replyRetrySafe: true,
    async listPostComments(call, signal) {
      const { igUserId, token } = open(call);
      const mediaId = idOf(call.postExternalId);
      const query = {
        fields: FIELDS,
        limit: String(PAGE),
        after: call.page ?? undefined,
        access_token: token,
      };
      const answer = readAnswer(
        listed,
        await get(`${mediaId}/comments`, query, signal),
        'Reading Instagram comments',
        'transient',
      );
      const positions: { position: string; at: Date }[] = [];
      const items: FetchedInboxItem[] = [];
      // Our own comments and replies are not for the inbox.
      const keep = (c: Parsed) => {
        if (c.from?.id !== igUserId) items.push(asItem(c, mediaId));
      };
      for (const raw of answer.data) {
        const c = parse(raw);
        if (!c) continue;
        positions.push({ position: commentPosition(c.at, c.id), at: c.at });
        keep(c);
        for (const r of c.replies?.data ?? []) {
          const reply = parse(r);
          if (reply) keep({ ...reply, parent_id: reply.parent_id ?? c.id });
        }
      }
      return commentsPage(positions, items, answer.paging);
    },
    async reply(request, signal) {
      const { igUserId, token } = open(request);
      const to = idOf(request.parent.replyRef.replyTo ?? request.parent.externalId);
      if (request.earlierAttempt) {
        const answer = readAnswer(
          z.object({ data: z.array(z.unknown()).max(500) }),
          await get(`${to}/replies`, { fields: COMMENT_FIELDS, limit: '100', access_token: token }, signal),
          'Reading Instagram replies',
          'transient',
        );
        const replies = answer.data.map(parse).filter((c) => c !== null);
        const found = findOurReply(
          replies.map((c) => ({ id: c.id, text: c.text ?? '', authorId: c.from?.id ?? null, at: c.at })),
          { authorId: igUserId, text: request.text, since: request.earlierAttempt.since },
        );
        if (found) return { externalId: found, externalUrl: null };
      }
      const answer = readAnswer(
        z.object({ id: igId }),
        await post(`${to}/replies`, { message: request.text, access_token: token }, signal),
        'Replying on Instagram',
      );
      return { externalId: answer.id, externalUrl: null };
    },
    async hide(request, signal) {
      const { token } = open(request);
      readAnswer(
        z.object({ success: z.boolean() }),
        await post(
          idOf(request.target.externalId),
          { hide: String(request.hidden), access_token: token },
          signal,
        ),
        'Hiding an Instagram comment',
        'transient',
      );
    },
  };
}
