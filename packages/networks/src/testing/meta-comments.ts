// Meta's comment endpoints as documented (Graph API v21.0), for Facebook Page posts and Instagram
// media. Facebook: GET /{object-id}/comments (filter=stream: every comment below, each with its
// parent; order=reverse_chronological or chronological; limit; after), POST /{comment-id}/comments,
// POST /{comment-id} with is_hidden. Instagram: GET /{ig-media-id}/comments (top-level, newest
// first, replies{...} nested), GET /{ig-comment-id}/replies, POST /{ig-comment-id}/replies, POST
// /{ig-comment-id} with hide; Facebook likes: POST and DELETE /{comment-id}/likes (as the Page). Errors in Graph's shape: code 190 for a bad or revoked token, code
// 32 (HTTP 400) with X-Business-Use-Case-Usage for a rate limit. Shared by the adapters' contract
// tests and the publisher's sync tests.
import { startFakeNetwork, type FakeNetwork } from './server';

export interface StandInComment {
  id: string;
  /** The post / media it is under, and the comment it answers (null: the post itself). */
  objectId: string;
  parentId: string | null;
  text: string;
  at: Date;
  from: { id: string; name: string };
  hidden: boolean;
  /** Liked by our Page (Facebook: POST / DELETE /{comment-id}/likes). */
  liked: boolean;
}

export interface MetaCommentsFake {
  net: FakeNetwork;
  kind: 'facebook' | 'instagram';
  token: string;
  /** Our account: the Page id or the Instagram user id. */
  ownerId: string;
  comments: StandInComment[];
  /** Replies created by POST, in order. */
  posted: StandInComment[];
  mode: {
    /** Answer every call with a rate limit (code 32) announcing this many minutes. */
    rateLimitedMinutes?: number;
    revoked?: boolean;
    /** Revoke the token once this many comment pages have been read. */
    revokeAfterPages?: number;
    /** The next reply is created, but its answer is a 500 (the caller cannot know it landed). */
    loseNextReplyAnswer?: boolean;
  };
  pages: number;
  add(input: {
    objectId: string;
    parentId?: string | null;
    minutesAgo: number;
    now: Date;
    text?: string;
    fromId?: string;
  }): string;
}

const graphError = (code: number, message: string) => ({
  error: {
    message,
    type: code === 190 ? 'OAuthException' : 'GraphMethodException',
    code,
    fbtrace_id: 'Afake',
  },
});
const fbTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+0000');

export async function startMetaComments(
  kind: 'facebook' | 'instagram',
  input: { token?: string; ownerId?: string } = {},
): Promise<MetaCommentsFake> {
  let nextId = 1_000;
  const fake: MetaCommentsFake = {
    net: undefined as unknown as FakeNetwork,
    kind,
    token: input.token ?? `${kind}-token`,
    ownerId: input.ownerId ?? '17841400000000001',
    comments: [],
    posted: [],
    mode: {},
    pages: 0,
    add({ objectId, parentId = null, minutesAgo, now, text, fromId }) {
      const id = kind === 'facebook' ? `${objectId.split('_')[0]}_${nextId++}` : String(nextId++);
      fake.comments.push({
        id,
        objectId,
        parentId,
        text: text ?? `Comment ${id}`,
        at: new Date(now.getTime() - minutesAgo * 60_000),
        from: { id: fromId ?? `fan-${id}`, name: `Fan ${id}` },
        hidden: false,
        liked: false,
      });
      return id;
    },
  };
  const byId = (id: string) => fake.comments.find((c) => c.id === id);
  const newestFirst = (list: StandInComment[]) =>
    [...list].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id));
  const fbView = (c: StandInComment) => ({
    id: c.id,
    message: c.text,
    created_time: fbTime(c.at),
    from: c.from,
    ...(c.parentId ? { parent: { id: c.parentId } } : {}),
    permalink_url: `https://www.facebook.com/${c.objectId}?comment_id=${c.id}`,
  });
  const igView = (c: StandInComment) => ({
    id: c.id,
    text: c.text,
    timestamp: fbTime(c.at),
    username: c.from.name.replace(/\s/g, '').toLowerCase(),
    from: { id: c.from.id, username: c.from.name },
    ...(c.parentId ? { parent_id: c.parentId } : {}),
  });
  /** One page by offset; `after` is the cursor Graph gives (here, base64 of the offset). */
  const paged = <T>(list: T[], query: Record<string, string>) => {
    const from = query.after ? Number(Buffer.from(query.after, 'base64').toString()) : 0;
    const limit = Math.min(Number(query.limit ?? 25), 100);
    const data = list.slice(from, from + limit);
    const after = Buffer.from(String(from + data.length)).toString('base64');
    const more = from + data.length < list.length;
    return {
      data,
      paging: {
        cursors: { before: 'MA==', after },
        ...(more ? { next: `https://graph/next?after=${after}` } : {}),
      },
    };
  };
  const descendants = (id: string): StandInComment[] => {
    const direct = fake.comments.filter((c) => c.parentId === id);
    return [...direct, ...direct.flatMap((c) => descendants(c.id))];
  };
  const reply = (parentId: string, text: string) => {
    const parent = byId(parentId);
    if (!parent) return null;
    const c: StandInComment = {
      id: kind === 'facebook' ? `${parent.objectId.split('_')[0]}_${nextId++}` : String(nextId++),
      objectId: parent.objectId,
      parentId,
      text,
      at: new Date(),
      from: { id: fake.ownerId, name: 'Our account' },
      hidden: false,
      liked: false,
    };
    fake.comments.push(c);
    fake.posted.push(c);
    return c;
  };

  fake.net = await startFakeNetwork((app) => {
    app.addHook('preHandler', async (request, reply) => {
      const query = request.query as Record<string, string>;
      const body = (request.body ?? {}) as Record<string, string>;
      const isPage = request.method === 'GET' && /\/comments$/.test(request.url.split('?')[0] ?? '');
      if (isPage) fake.pages++;
      const revoked =
        fake.mode.revoked ||
        (fake.mode.revokeAfterPages !== undefined && fake.pages > fake.mode.revokeAfterPages);
      if (revoked || (query.access_token ?? body.access_token) !== fake.token)
        return reply
          .code(400)
          .send(graphError(190, 'Error validating access token: The session has been invalidated'));
      if (fake.mode.rateLimitedMinutes !== undefined) {
        const usage = {
          [fake.ownerId]: [
            { type: 'pages', call_count: 100, estimated_time_to_regain_access: fake.mode.rateLimitedMinutes },
          ],
        };
        return reply
          .code(400)
          .header('x-business-use-case-usage', JSON.stringify(usage))
          .send(graphError(32, 'Page request limit reached'));
      }
    });
    app.get<{ Params: { id: string } }>('/v21.0/:id/comments', async (request, reply) => {
      const query = request.query as Record<string, string>;
      const { id } = request.params;
      if (kind === 'facebook') {
        // filter=stream: everything below the object; the default (toplevel) only direct comments.
        const under =
          id.includes('_') && !byId(id) ? fake.comments.filter((c) => c.objectId === id) : descendants(id);
        const list =
          query.filter === 'stream' ? under : under.filter((c) => c.parentId === (byId(id) ? id : null));
        const ordered =
          query.order === 'reverse_chronological' ? newestFirst(list) : newestFirst(list).reverse();
        const page = paged(ordered, query);
        return { ...page, data: page.data.map(fbView) };
      }
      if (byId(id)) return reply.code(400).send(graphError(100, 'Unsupported get request'));
      const top = newestFirst(fake.comments.filter((c) => c.objectId === id && c.parentId === null));
      const page = paged(top, query);
      return {
        ...page,
        data: page.data.map((c) => ({
          ...igView(c),
          replies: {
            data: [...descendants(c.id)].sort((a, b) => a.at.getTime() - b.at.getTime()).map(igView),
          },
        })),
      };
    });
    app.get<{ Params: { id: string } }>('/v21.0/:id/replies', async (request) => {
      const page = paged(
        newestFirst(descendants(request.params.id)),
        request.query as Record<string, string>,
      );
      return { ...page, data: page.data.map(igView) };
    });
    type Answer = { code(n: number): { send(b: unknown): unknown } };
    const create = (id: string, body: Record<string, string>, r: Answer) => {
      const target = byId(id);
      // Instagram answers top-level comments only.
      if (!target || (kind === 'instagram' && target.parentId !== null))
        return r.code(400).send(graphError(100, 'Invalid parameter'));
      if (!body.message) return r.code(400).send(graphError(100, 'The parameter message is required'));
      const created = reply(id, body.message);
      if (fake.mode.loseNextReplyAnswer) {
        fake.mode.loseNextReplyAnswer = false;
        return r.code(500).send({ error: { message: 'An unknown error occurred', code: 1 } });
      }
      return { id: created?.id };
    };
    app.post<{ Params: { id: string } }>('/v21.0/:id/comments', async (request, r) =>
      kind === 'facebook'
        ? create(request.params.id, request.body as Record<string, string>, r)
        : r.code(404).send({}),
    );
    app.post<{ Params: { id: string } }>('/v21.0/:id/replies', async (request, r) =>
      kind === 'instagram'
        ? create(request.params.id, request.body as Record<string, string>, r)
        : r.code(404).send({}),
    );
    // Liking as the Page sets a state: liking twice, or taking back a like never made, succeeds.
    const setLiked = (id: string, liked: boolean, r: Answer) => {
      const target = byId(id);
      if (kind !== 'facebook' || !target) return r.code(400).send(graphError(100, 'Invalid parameter'));
      target.liked = liked;
      return { success: true };
    };
    app.post<{ Params: { id: string } }>('/v21.0/:id/likes', async (request, r) =>
      setLiked(request.params.id, true, r),
    );
    app.delete<{ Params: { id: string } }>('/v21.0/:id/likes', async (request, r) =>
      setLiked(request.params.id, false, r),
    );
    app.post<{ Params: { id: string } }>('/v21.0/:id', async (request, r) => {
      const body = request.body as Record<string, string>;
      const target = byId(request.params.id);
      const flag = kind === 'facebook' ? body.is_hidden : body.hide;
      if (!target || (flag !== 'true' && flag !== 'false'))
        return r.code(400).send(graphError(100, 'Invalid parameter'));
      target.hidden = flag === 'true';
      return { success: true };
    });
  });
  return fake;
}
