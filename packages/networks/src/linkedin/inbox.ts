// LinkedIn's inbox: comments under our organisation's posts, through the Community Management
// API (versioned REST, LinkedIn-Version LINKEDIN_VERSION, X-Restli-Protocol-Version 2.0.0;
// permissions r_organization_social to read, w_organization_social to answer).
// - Read: GET /rest/socialActions/{shareUrn|ugcPostUrn}/comments?start=&count=, paged by offset.
//   LinkedIn lists a post's comments newest first; new comments push older ones down, so a page
//   may repeat an item (stored once), never skip one. Positions are the creation time (ms), with
//   the comment id to break ties. LinkedIn has no "newer than" filter: `after` is not sent.
// - Authors: an organisation is named through GET /rest/organizations/{id}; a member's profile is
//   not readable by another member's token, so members keep their URN as handle and no name.
// - Reply: POST /rest/socialActions/{postUrn}/comments with parentComment (LinkedIn nests one
//   level: an answer to a reply goes under the same top-level comment). No idempotency key: the
//   call is `unrepeatable` and the reply ledger sends it at most once (replyRetrySafe: false).
// - Like: a LIKE reaction from our page through the Reactions API (POST /rest/reactions?actor=,
//   root: the comment's URN). LinkedIn does not say what a second reaction answers, so a like first
//   asks for ours (GET /rest/reactions/(actor:…,entity:…), 404 when none) and makes it only when
//   absent; taking it back deletes it, a 404 meaning it is gone already. Permission:
//   w_organization_social (react on behalf of the page).
// - Hide: not offered (LinkedIn's API has no way to hide a comment).
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { NetworkError } from '../errors';
import type { FetchedInboxItem, InboxAdapter, InboxCall, InboxReplied } from '../inbox/types';
import { header, readAnswer, safeJson, send, withQuery } from '../network-http/call';
import { type AdapterDeps, origin } from '../network-http/compose';
import { LINKEDIN_API, LINKEDIN_VERSION, LINKEDIN_WWW, linkedinCredentialsSchema } from './credentials';
import { linkedinCall, linkedinFailure } from './http';

/** LinkedIn answers at most 100 comments a call; a page names at most PAGE organisations to look up. */
const PAGE = 50;
const urn = z.string().regex(/^urn:li:[A-Za-z]+:[^\s]{1,300}$/);
const postUrn = /^urn:li:(share|ugcPost):\d{1,30}$/;
const comment = z.object({
  id: z.string().min(1).max(100),
  commentUrn: urn,
  actor: urn,
  created: z.object({ time: z.number().int().nonnegative() }),
  message: z.object({ text: z.string().max(100_000) }).optional(),
  parentComment: urn.optional(),
});
const page = z.object({
  elements: z.array(z.unknown()).max(500),
  paging: z
    .object({ start: z.number().int(), count: z.number().int(), total: z.number().int().optional() })
    .optional(),
});
const organization = z.object({
  localizedName: z.string().max(400),
  vanityName: z.string().max(200).optional(),
});

const positionOf = (time: number, id: string) => `${String(time).padStart(15, '0')}:${id}`;

export function createLinkedinInbox(deps: AdapterDeps): InboxAdapter {
  const now = deps.clock ?? (() => new Date());
  const api = origin(LINKEDIN_API, deps.baseUrl);
  const open = (call: InboxCall) => {
    const parsed = linkedinCredentialsSchema.safeParse(call.credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The LinkedIn channel has no valid token and author');
    return parsed.data;
  };
  const commentsUrl = (post: string) => `${api}/rest/socialActions/${encodeURIComponent(post)}/comments`;
  const linkTo = (post: string, commentUrn: string) =>
    safeExternalUrl(
      `${LINKEDIN_WWW}/feed/update/${encodeURIComponent(post)}/?commentUrn=${encodeURIComponent(commentUrn)}`,
    );

  /** Organisation names, asked once each; a page LinkedIn will not describe keeps its URN. */
  async function organisations(ids: Set<string>, token: string, signal: AbortSignal) {
    const names = new Map<string, { name: string; handle: string }>();
    for (const id of ids) {
      const response = await send(
        {
          method: 'GET',
          url: `${api}/rest/organizations/${encodeURIComponent(id)}`,
          headers: {
            authorization: `Bearer ${token}`,
            'linkedin-version': LINKEDIN_VERSION,
            'x-restli-protocol-version': '2.0.0',
          },
        },
        deps.http,
        signal,
      );
      // A revoked token or a limit stops the walk; a page we may not read (403, 404) is no reason to.
      if (response.status === 401 || response.status === 429 || response.status >= 500)
        throw linkedinFailure(response, now());
      const org = organization.safeParse(safeJson(response.body));
      if (response.status === 200 && org.success)
        names.set(id, { name: org.data.localizedName, handle: org.data.vanityName ?? id });
    }
    return names;
  }

  const reactionUrl = (actor: string, entity: string) =>
    `${api}/rest/reactions/(actor:${encodeURIComponent(actor)},entity:${encodeURIComponent(entity)})`;
  const commentUrnOf = (raw: string) => {
    if (!/^urn:li:comment:\([^\s]{1,300}\)$/.test(raw))
      throw new NetworkError('permanent', 'Not a LinkedIn comment');
    return raw;
  };
  /** GET or DELETE of our reaction; false when LinkedIn has none (404). */
  const onReaction = async (
    method: 'GET' | 'DELETE',
    actor: string,
    entity: string,
    token: string,
    signal: AbortSignal,
  ) => {
    const response = await send(
      {
        method,
        url: reactionUrl(actor, entity),
        headers: {
          authorization: `Bearer ${token}`,
          'linkedin-version': LINKEDIN_VERSION,
          'x-restli-protocol-version': '2.0.0',
        },
      },
      deps.http,
      signal,
    );
    if (response.status === 404) return false;
    if (response.status >= 300) throw linkedinFailure(response, now());
    return true;
  };

  return {
    network: 'linkedin',
    async like(request, signal) {
      const { accessToken, author } = open(request);
      const entity = commentUrnOf(request.target.externalId);
      if (!(await onReaction('GET', author, entity, accessToken, signal))) {
        await linkedinCall(
          {
            method: 'POST',
            url: withQuery(`${api}/rest/reactions`, { actor: author }),
            json: { root: entity, reactionType: 'LIKE' },
          },
          accessToken,
          deps.http,
          signal,
          now,
        );
      }
      // The reaction is named by (our page, the comment): the comment's URN is enough to undo it.
      return { likeExternalId: entity };
    },
    async unlike(request, signal) {
      const { accessToken, author } = open(request);
      await onReaction('DELETE', author, commentUrnOf(request.likeExternalId), accessToken, signal);
    },
    comparePositions: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    replyRetrySafe: false,
    async listPostComments(call, signal) {
      const { accessToken, author } = open(call);
      if (!postUrn.test(call.postExternalId))
        throw new NetworkError('permanent', 'The LinkedIn post has no share or ugcPost URN');
      const start = call.page && /^\d{1,6}$/.test(call.page) ? Number(call.page) : 0;
      const url = withQuery(commentsUrl(call.postExternalId), { start: String(start), count: String(PAGE) });
      const answer = readAnswer(
        page,
        await linkedinCall({ method: 'GET', url }, accessToken, deps.http, signal, now),
        'Reading LinkedIn comments',
        'transient',
      );
      const comments = answer.elements.flatMap((raw) => {
        const parsed = comment.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      });
      const orgIds = new Set(
        comments
          .filter((c) => c.actor !== author)
          .flatMap((c) => /^urn:li:organization:(\d{1,30})$/.exec(c.actor)?.slice(1, 2) ?? []),
      );
      const orgs = await organisations(orgIds, accessToken, signal);
      const items: FetchedInboxItem[] = [];
      let newest: string | null = null;
      let oldest: { position: string; at: Date } | null = null;
      for (const c of comments) {
        const position = positionOf(c.created.time, c.id);
        const createdAt = new Date(c.created.time);
        if (newest === null || position > newest) newest = position;
        if (oldest === null || position < oldest.position) oldest = { position, at: createdAt };
        // Our own answers under the post are not someone talking to us.
        if (c.actor === author) continue;
        const org = orgs.get(/^urn:li:organization:(\d{1,30})$/.exec(c.actor)?.[1] ?? '');
        items.push({
          externalId: c.commentUrn,
          kind: 'comment',
          authorHandle: org?.handle ?? c.actor,
          authorName: org?.name ?? null,
          authorAvatarUrl: null,
          text: c.message?.text ?? '',
          language: null,
          createdAt,
          link: linkTo(call.postExternalId, c.commentUrn),
          parentExternalId: c.parentComment ?? null,
          threadRootExternalId: call.postExternalId,
          // LinkedIn nests one level: an answer goes under the top-level comment.
          replyRef: { post: call.postExternalId, parentComment: c.parentComment ?? c.commentUrn },
          position,
        });
      }
      const total = answer.paging?.total;
      const more =
        comments.length > 0 && (total !== undefined ? start + PAGE < total : answer.elements.length >= PAGE);
      return { items, next: more ? String(start + PAGE) : null, newest, oldest };
    },
    async reply(request, signal): Promise<InboxReplied> {
      const { accessToken, author } = open(request);
      const post = request.parent.replyRef.post ?? '';
      const parentComment = request.parent.replyRef.parentComment ?? request.parent.externalId;
      if (!postUrn.test(post))
        throw new NetworkError('permanent', 'The LinkedIn comment has no post to answer under');
      const response = await linkedinCall(
        {
          method: 'POST',
          url: commentsUrl(post),
          json: { actor: author, object: post, parentComment, message: { text: request.text } },
        },
        accessToken,
        deps.http,
        signal,
        now,
        true,
      );
      const made = comment.pick({ commentUrn: true }).safeParse(safeJson(response.body));
      const id = made.success ? made.data.commentUrn : header(response, 'x-restli-id');
      if (!id)
        throw new NetworkError(
          'ambiguous',
          'LinkedIn accepted the reply but did not say which comment it made',
        );
      return { externalId: id, externalUrl: linkTo(post, id) };
    },
  };
}
