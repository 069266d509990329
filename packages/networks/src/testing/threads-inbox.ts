// The Threads API's inbox endpoints as documented (v1.0): GET /{media-id}/conversation (every reply
// under a post, newest first with reverse=true) and /{media-id}/replies (direct replies only), GET
// /{user-id}/mentions (limit, since, after), each a { data, paging: { cursors, next } } list;
// POST /{user-id}/threads with reply_to_id makes a container (IN_PROGRESS, then FINISHED, then
// PUBLISHED; EXPIRED when told), POST /{user-id}/threads_publish publishes it (again if asked: the
// duplicate a careless retry makes), GET /{id}?fields=status|permalink, POST /{reply-id}/manage_reply
// with hide=true|false (top-level replies only). Errors in Meta's shape: code 190 for a bad or
// revoked token, code 17 (user request limit) for a rate limit. Shared by the adapter's contract
// test and the publisher's sync test.
import { type FakeNetwork, startFakeNetwork } from './server';

export interface FakeThreadsMedia {
  id: string;
  text: string;
  username: string;
  timestamp: string;
  /** Absent on our own posts. */
  replied_to?: { id: string };
  root_post?: { id: string };
  is_reply_owned_by_me?: boolean;
  hide_status?: string;
}

export interface ThreadsInboxFake {
  net: FakeNetwork;
  user: string;
  token: string;
  /** Every post and reply, ours and others'. */
  media: FakeThreadsMedia[];
  /** Ids of the media that mention our account. */
  mentions: string[];
  containers: Map<string, { fields: Record<string, string>; polls: number; expired: boolean }>;
  /** Every threads_publish that published, by container id (a repeat is a duplicate reply). */
  published: string[];
  hideCalls: { id: string; hide: string }[];
  pageSize: number;
  mode: {
    rateLimited?: boolean;
    revoked?: boolean;
    /** Reading lists works this many times, then the token is refused. */
    revokeAfterPages?: number;
    /** The next publish publishes, then answers 503. */
    loseNextPublishAnswer?: boolean;
  };
  pages: number;
}

/** Meta's timestamps: seconds, and an offset without a colon. */
const metaTime = (at: Date) => `${at.toISOString().slice(0, 19)}+0000`;

const graphError = (code: number, message: string) => ({ error: { message, type: 'OAuthException', code } });

export async function startThreadsInbox(
  o: { user?: string; token?: string } = {},
): Promise<ThreadsInboxFake> {
  const fake: ThreadsInboxFake = {
    net: undefined as unknown as FakeNetwork,
    user: o.user ?? '1234567',
    token: o.token ?? 'threads-user-token',
    media: [],
    mentions: [],
    containers: new Map(),
    published: [],
    hideCalls: [],
    pageSize: 25,
    mode: {},
    pages: 0,
  };
  const newestFirst = (list: FakeThreadsMedia[]) =>
    [...list].sort((a, b) =>
      a.timestamp !== b.timestamp
        ? a.timestamp < b.timestamp
          ? 1
          : -1
        : b.id.length - a.id.length || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
  const page = (list: FakeThreadsMedia[], after: string | undefined, size: number) => {
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
    const data = list.slice(start, start + size);
    const end = start + data.length;
    const cursor = Buffer.from(String(end)).toString('base64url');
    return {
      data: data.map((m) => ({ ...m, permalink: `https://www.threads.net/@${m.username}/post/${m.id}` })),
      paging: {
        cursors: { before: Buffer.from(String(start)).toString('base64url'), after: cursor },
        ...(end < list.length ? { next: `${fake.net.url}/next?after=${cursor}` } : {}),
      },
    };
  };
  const descendsFrom = (m: FakeThreadsMedia, id: string) => m.root_post?.id === id && m.id !== id;

  fake.net = await startFakeNetwork((app) => {
    app.addHook('preHandler', async (request, reply) => {
      const token =
        (request.query as Record<string, string>).access_token ??
        (request.body as Record<string, string> | undefined)?.access_token;
      const listing =
        request.method === 'GET' &&
        /\/(conversation|replies|mentions)$/.test(request.url.split('?')[0] ?? '');
      if (listing) fake.pages++;
      const revoked =
        fake.mode.revoked ||
        (fake.mode.revokeAfterPages !== undefined && fake.pages > fake.mode.revokeAfterPages);
      if (revoked || token !== fake.token)
        return reply
          .code(400)
          .send(graphError(190, 'Error validating access token: The user has not authorized application'));
      if (fake.mode.rateLimited) return reply.code(400).send(graphError(17, 'User request limit reached'));
    });
    app.get('/v1.0/:id/conversation', async (request) => {
      const { id } = request.params as { id: string };
      const q = request.query as Record<string, string>;
      const all = newestFirst(fake.media.filter((m) => descendsFrom(m, id)));
      return page(q.reverse === 'false' ? all.reverse() : all, q.after, fake.pageSize);
    });
    app.get('/v1.0/:id/replies', async (request) => {
      const { id } = request.params as { id: string };
      const q = request.query as Record<string, string>;
      return page(newestFirst(fake.media.filter((m) => m.replied_to?.id === id)), q.after, fake.pageSize);
    });
    app.get('/v1.0/:user/mentions', async (request, reply) => {
      const { user } = request.params as { user: string };
      if (user !== fake.user) return reply.code(400).send(graphError(100, 'Unsupported get request'));
      const q = request.query as Record<string, string>;
      const since = q.since ? Number(q.since) * 1000 : 0;
      const list = fake.media.filter(
        (m) => fake.mentions.includes(m.id) && new Date(m.timestamp).getTime() >= since,
      );
      return page(newestFirst(list), q.after, Math.min(Number(q.limit ?? 25), 100, fake.pageSize));
    });
    app.post('/v1.0/:user/threads', async (request, reply) => {
      const body = request.body as Record<string, string>;
      const parent = fake.media.find((m) => m.id === body.reply_to_id);
      if (body.reply_to_id && !parent)
        return reply.code(400).send(graphError(100, 'Invalid parameter: reply_to_id'));
      const id = String(30_000 + fake.containers.size);
      fake.containers.set(id, { fields: body, polls: 0, expired: false });
      return { id };
    });
    app.post('/v1.0/:user/threads_publish', async (request, reply) => {
      const body = request.body as Record<string, string>;
      const container = fake.containers.get(body.creation_id ?? '');
      if (!container || container.polls < 1 || container.expired)
        return reply.code(400).send(graphError(24, 'The requested resource does not exist'));
      fake.published.push(body.creation_id ?? '');
      const parent = fake.media.find((m) => m.id === container.fields.reply_to_id);
      const id = String(40_000 + fake.published.length);
      fake.media.push({
        id,
        text: container.fields.text ?? '',
        username: 'bakery',
        timestamp: metaTime(new Date()),
        is_reply_owned_by_me: true,
        ...(parent
          ? { replied_to: { id: parent.id }, root_post: { id: parent.root_post?.id ?? parent.id } }
          : {}),
      });
      if (fake.mode.loseNextPublishAnswer) {
        fake.mode.loseNextPublishAnswer = false;
        return reply.code(503).send({ error: { message: 'Service temporarily unavailable', code: 2 } });
      }
      return { id };
    });
    app.post('/v1.0/:id/manage_reply', async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as Record<string, string>;
      const target = fake.media.find((m) => m.id === id);
      if (!target || target.replied_to?.id !== target.root_post?.id)
        return reply.code(400).send(graphError(100, 'Only top-level replies can be hidden'));
      fake.hideCalls.push({ id, hide: String(body.hide) });
      target.hide_status = body.hide === 'true' ? 'HIDDEN' : 'UNHUSHED';
      return { success: true };
    });
    app.get('/v1.0/:id', async (request, reply) => {
      const { id } = request.params as { id: string };
      const q = request.query as Record<string, string>;
      if (q.fields === 'permalink') return { id, permalink: `https://www.threads.net/@bakery/post/${id}` };
      const container = fake.containers.get(id);
      if (!container) return reply.code(400).send(graphError(100, 'Unsupported get request'));
      container.polls++;
      const status = container.expired
        ? 'EXPIRED'
        : fake.published.includes(id)
          ? 'PUBLISHED'
          : container.polls < 2
            ? 'IN_PROGRESS'
            : 'FINISHED';
      return { id, status };
    });
  });
  return fake;
}

/** Someone's reply under `parent` (one of our posts, or a reply under it), `minutesAgo` before `now`. */
export function addThreadsReply(
  fake: ThreadsInboxFake,
  input: { id: string; parent: string; minutesAgo: number; now: Date; text?: string; username?: string },
): FakeThreadsMedia {
  const parent = fake.media.find((m) => m.id === input.parent);
  const at = new Date(input.now.getTime() - input.minutesAgo * 60_000);
  const media: FakeThreadsMedia = {
    id: input.id,
    text: input.text ?? `Reply ${input.id}`,
    username: input.username ?? 'a.fan',
    timestamp: metaTime(at),
    replied_to: { id: input.parent },
    root_post: { id: parent?.root_post?.id ?? input.parent },
  };
  fake.media.push(media);
  return media;
}
