// A Mastodon instance's inbox endpoints as documented: GET /api/v1/notifications (types[],
// max_id, since_id, limit; newest first), GET /api/v1/statuses/:id/context, POST
// /api/v1/statuses with in_reply_to_id and Idempotency-Key, POST /api/v1/statuses/:id/favourite
// and /unfavourite (both answer the status; repeating either changes nothing; 404 for a status the
// instance does not know); 401 for a bad token, 429 with Retry-After. Shared by the adapter's contract test and the publisher's sync test.
import { bearer, type FakeNetwork, startFakeNetwork } from './server';

export interface FakeStatus {
  id: string;
  in_reply_to_id: string | null;
  content: string;
  created_at: string;
  account: { id: string; acct: string; display_name: string; avatar: string };
}

export interface MastodonInboxFake {
  net: FakeNetwork;
  token: string;
  /** Notifications, any order; ids are numeric strings. */
  notifications: { id: string; type: string; created_at: string; status: FakeStatus | null }[];
  statuses: Map<string, FakeStatus>;
  posted: { key: string; status: string; in_reply_to_id: string | null; id: string }[];
  /** Statuses our account favourites now, and every favourite / unfavourite call made. */
  favourited: Set<string>;
  favouriteCalls: { id: string; action: 'favourite' | 'unfavourite' }[];
  /** Set to answer the next calls with 429 (Retry-After seconds) or 401. */
  mode: { rateLimitedFor?: number; revoked?: boolean; revokeAfterPages?: number };
  calls: number;
  pages: number;
}

const numeric = (a: string, b: string) =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

export async function startMastodonInbox(token = 'mastodon-user-token'): Promise<MastodonInboxFake> {
  const fake: MastodonInboxFake = {
    net: undefined as unknown as FakeNetwork,
    token,
    notifications: [],
    statuses: new Map(),
    posted: [],
    favourited: new Set(),
    favouriteCalls: [],
    mode: {},
    calls: 0,
    pages: 0,
  };
  fake.net = await startFakeNetwork((app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      fake.calls++;
      if (request.url.startsWith('/api/v1/notifications')) fake.pages++;
      const revoked =
        fake.mode.revoked ||
        (fake.mode.revokeAfterPages !== undefined && fake.pages > fake.mode.revokeAfterPages);
      if (revoked || bearer(request) !== fake.token)
        return reply.code(401).send({ error: 'The access token was revoked' });
      if (fake.mode.rateLimitedFor !== undefined)
        return reply
          .code(429)
          .header('retry-after', String(fake.mode.rateLimitedFor))
          .send({ error: 'Too many requests' });
    });
    app.get('/api/v1/notifications', async (request) => {
      const q = request.query as Record<string, string>;
      const limit = Math.min(Number(q.limit ?? 15), 80);
      const types = q['types[]'];
      return fake.notifications
        .filter((n) => !types || n.type === types)
        .filter((n) => !q.max_id || numeric(n.id, q.max_id) < 0)
        .filter((n) => !q.since_id || numeric(n.id, q.since_id) > 0)
        .sort((a, b) => numeric(b.id, a.id))
        .slice(0, limit)
        .map((n) => ({ ...n, account: n.status?.account ?? { id: '9', acct: 'someone' } }));
    });
    app.get('/api/v1/statuses/:id/context', async (request, reply) => {
      const { id } = request.params as { id: string };
      const status = fake.statuses.get(id);
      if (!status) return reply.code(404).send({ error: 'Record not found' });
      const ancestors: { id: string }[] = [];
      let parent = status.in_reply_to_id;
      for (let i = 0; parent && i < 100; i++) {
        ancestors.unshift({ id: parent });
        parent = fake.statuses.get(parent)?.in_reply_to_id ?? null;
      }
      return { ancestors, descendants: [] };
    });
    app.post('/api/v1/statuses', async (request, reply) => {
      const body = request.body as { status?: string; in_reply_to_id?: string };
      const key = String(request.headers['idempotency-key'] ?? '');
      const existing = fake.posted.find((p) => key && p.key === key);
      if (existing) return { id: existing.id, url: `${fake.net.url}/@me/${existing.id}` };
      if (!body.status) return reply.code(422).send({ error: "Validation failed: Text can't be blank" });
      const id = String(900_000 + fake.posted.length);
      fake.posted.push({ key, status: body.status, in_reply_to_id: body.in_reply_to_id ?? null, id });
      return { id, url: `${fake.net.url}/@me/${id}`, uri: `${fake.net.url}/users/me/statuses/${id}` };
    });
    app.post('/api/v1/statuses/:id/:action', async (request, reply) => {
      const { id, action } = request.params as { id: string; action: string };
      if (action !== 'favourite' && action !== 'unfavourite')
        return reply.code(404).send({ error: 'Not found' });
      const status = fake.statuses.get(id);
      if (!status) return reply.code(404).send({ error: 'Record not found' });
      fake.favouriteCalls.push({ id, action });
      if (action === 'favourite') fake.favourited.add(id);
      else fake.favourited.delete(id);
      return { ...status, favourited: fake.favourited.has(id) };
    });
  });
  return fake;
}

/** A mention (or a reply, with inReplyTo) written `minutesAgo` before `now`. */
export function addMention(
  fake: MastodonInboxFake,
  input: { id: number; minutesAgo: number; now: Date; inReplyTo?: string; text?: string; acct?: string },
) {
  const at = new Date(input.now.getTime() - input.minutesAgo * 60_000).toISOString();
  const status: FakeStatus = {
    id: String(input.id),
    in_reply_to_id: input.inReplyTo ?? null,
    content: `<p>${input.text ?? `Hello number ${input.id} &amp; more`}</p>`,
    created_at: at,
    account: {
      id: '7',
      acct: input.acct ?? 'fan@example.social',
      display_name: 'A Fan',
      avatar: 'https://files.example.social/avatar.png',
    },
  };
  fake.statuses.set(status.id, status);
  fake.notifications.push({ id: String(input.id), type: 'mention', created_at: at, status });
  return status;
}
