// The inbox side of a Facebook Page (Graph API v21.0). A Page has no single list of what people say
// to it that the API gives in pages, so the sync reads the comments of each of our recent posts:
// GET /{page-post-id}/comments with filter=stream (every comment, replies included, each naming
// its parent) and order=reverse_chronological (newest first), paged by cursors.after. Replies:
// POST /{comment-id}/comments; hiding: POST /{comment-id} with is_hidden; liking as the Page:
// POST / DELETE /{comment-id}/likes (a state: repeating either is harmless). Needs the Page token's
// pages_read_engagement (read) and pages_manage_engagement (reply, hide, like) permissions; comment ids
// are given only to apps that can moderate the Page.
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
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
import { graphCall, graphId } from '../meta/graph';
import { readAnswer, withQuery } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { FACEBOOK_GRAPH, GRAPH_VERSION, facebookCredentialsSchema } from './credentials';

const PAGE = 50;
const FIELDS = 'id,message,created_time,from{id,name},parent{id},permalink_url';
const HOSTS = ['facebook.com', 'www.facebook.com', 'm.facebook.com'];

const comment = z.object({
  id: graphId,
  message: z.string().max(20_000).optional(),
  created_time: z.string().max(40),
  from: z.object({ id: z.string().max(80), name: z.string().max(400).optional() }).optional(),
  parent: z.object({ id: graphId }).optional(),
  permalink_url: z.string().max(2000).optional(),
});
const listed = z.object({ data: z.array(z.unknown()).max(500), paging: graphPaging });

export function createFacebookInbox(deps: AdapterDeps): InboxAdapter {
  const now = deps.clock ?? (() => new Date());
  const graph = `${origin(FACEBOOK_GRAPH, deps.baseUrl)}/${GRAPH_VERSION}`;
  const open = (call: InboxCall) => {
    const parsed = facebookCredentialsSchema.safeParse(call.credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Facebook channel has no valid page and token');
    return { pageId: parsed.data.pageId, token: parsed.data.pageAccessToken };
  };
  /** Ids go into the path: only Graph ids are accepted. */
  const idOf = (raw: string) => {
    if (!graphId.safeParse(raw).success) throw new NetworkError('permanent', 'Not a Facebook id');
    return raw;
  };
  const get = async (path: string, query: Record<string, string | undefined>, signal: AbortSignal) =>
    graphCall(
      { method: 'GET', url: withQuery(`${graph}/${path}`, query) },
      deps.http,
      signal,
      now,
      'Facebook',
    );
  const post = async (path: string, form: Record<string, string>, signal: AbortSignal) =>
    graphCall({ method: 'POST', url: `${graph}/${path}`, form }, deps.http, signal, now, 'Facebook');

  const readComments = async (
    objectId: string,
    token: string,
    after: string | null,
    limit: number,
    signal: AbortSignal,
  ) => {
    const query = {
      filter: 'stream',
      order: 'reverse_chronological',
      fields: FIELDS,
      limit: String(limit),
      after: after ?? undefined,
      access_token: token,
    };
    const answer = readAnswer(
      listed,
      await get(`${objectId}/comments`, query, signal),
      'Reading Facebook comments',
      'transient',
    );
    const comments = [];
    for (const raw of answer.data) {
      const parsed = comment.safeParse(raw);
      const at = parsed.success ? graphTime(parsed.data.created_time) : null;
      // One odd entry does not stop the others.
      if (parsed.success && at) comments.push({ ...parsed.data, at });
    }
    return { comments, paging: answer.paging };
  };

  return {
    network: 'facebook',
    comparePositions: compareCommentPositions,
    // A retry looks for the reply written since the first attempt before posting (earlierAttempt).
    replyRetrySafe: true,
    async listPostComments(call, signal) {
      const { pageId, token } = open(call);
      const { comments, paging } = await readComments(
        idOf(call.postExternalId),
        token,
        call.page,
        PAGE,
        signal,
      );
      const positions = comments.map((c) => ({ position: commentPosition(c.at, c.id), at: c.at }));
      const items: FetchedInboxItem[] = comments
        // Our Page's own comments (replies sent from Cadence or by hand) are not for the inbox.
        .filter((c) => c.from?.id !== pageId)
        .map((c) => ({
          externalId: c.id,
          kind: 'comment',
          // Facebook shows a name, not a handle; without Page moderation rights it hides both.
          authorHandle: c.from?.name ?? c.from?.id ?? '',
          authorName: c.from?.name ?? null,
          authorAvatarUrl: null,
          text: c.message ?? '',
          language: null,
          createdAt: c.at,
          link: safeExternalUrl(c.permalink_url, HOSTS),
          parentExternalId: c.parent?.id ?? call.postExternalId,
          threadRootExternalId: call.postExternalId,
          replyRef: {},
          position: commentPosition(c.at, c.id),
        }));
      return commentsPage(positions, items, paging);
    },
    async reply(request, signal) {
      const { pageId, token } = open(request);
      const parentId = idOf(request.parent.externalId);
      if (request.earlierAttempt) {
        // The newest 100 replies: a retry comes minutes after the attempt it repeats.
        const { comments } = await readComments(parentId, token, null, 100, signal);
        const found = findOurReply(
          comments.map((c) => ({ id: c.id, text: c.message ?? '', authorId: c.from?.id ?? null, at: c.at })),
          { authorId: pageId, text: request.text, since: request.earlierAttempt.since },
        );
        if (found) return { externalId: found, externalUrl: null };
      }
      const answer = readAnswer(
        z.object({ id: graphId }),
        await post(`${parentId}/comments`, { message: request.text, access_token: token }, signal),
        'Replying on Facebook',
      );
      return { externalId: answer.id, externalUrl: null };
    },
    async like(request, signal) {
      const { token } = open(request);
      const id = idOf(request.target.externalId);
      readAnswer(
        z.object({ success: z.boolean() }),
        await post(`${id}/likes`, { access_token: token }, signal),
        'Liking a Facebook comment',
        'transient',
      );
      // A Page's like has no id of its own: the comment's id is what taking it back needs.
      return { likeExternalId: id };
    },
    async unlike(request, signal) {
      const { token } = open(request);
      const id = idOf(request.target.externalId);
      const url = withQuery(`${graph}/${id}/likes`, { access_token: token });
      readAnswer(
        z.object({ success: z.boolean() }),
        await graphCall({ method: 'DELETE', url }, deps.http, signal, now, 'Facebook'),
        'Taking back a like on Facebook',
        'transient',
      );
    },
    async hide(request, signal) {
      const { token } = open(request);
      const form = { is_hidden: String(request.hidden), access_token: token };
      readAnswer(
        z.object({ success: z.boolean() }),
        await post(idOf(request.target.externalId), form, signal),
        'Hiding a Facebook comment',
        // Setting a state: safe to repeat.
        'transient',
      );
    },
  };
}
