// LinkedIn's Community Management comments endpoints as documented (versioned REST): GET
// /rest/socialActions/{postUrn}/comments?start=&count= (newest first, paging.start/count/total;
// LinkedIn-Version and X-Restli-Protocol-Version 2.0.0 required), POST of the same path with
// { actor, object, message, parentComment } answering 201 with the comment and x-restli-id
// (no idempotency key: every call comments), GET /rest/organizations/{id}. Errors as LinkedIn
// sends them: { status, serviceErrorCode, code, message }; 401 for a revoked token, 429 with no
// Retry-After (a daily quota). Reactions API: POST /rest/reactions?actor={urn} with { root,
// reactionType } (201), GET and DELETE /rest/reactions/(actor:{urn},entity:{urn}) (404 when none).
import { bearer, type FakeNetwork, startFakeNetwork } from './server';

export interface FakeLinkedinComment {
  id: string;
  commentUrn: string;
  actor: string;
  object: string;
  created: { actor: string; time: number };
  message: { text: string; attributes: unknown[] };
  parentComment?: string;
}

export interface LinkedinCommentsFake {
  net: FakeNetwork;
  token: string;
  /** Comments per post URN. */
  comments: Map<string, FakeLinkedinComment[]>;
  organizations: Map<string, { localizedName: string; vanityName: string }>;
  posted: FakeLinkedinComment[];
  /** Reactions, as "actor|entity" → reaction type. */
  reactions: Map<string, string>;
  /** failAfterWrite: the next comment is made, then answered with 503. */
  mode: { rateLimited?: boolean; revoked?: boolean; failAfterWrite?: boolean };
}

const error = (status: number, code: string, message: string) => ({
  status,
  serviceErrorCode: 100,
  code,
  message,
});

export async function startLinkedinComments(token = 'linkedin-token'): Promise<LinkedinCommentsFake> {
  const fake: LinkedinCommentsFake = {
    net: undefined as unknown as FakeNetwork,
    token,
    comments: new Map(),
    organizations: new Map(),
    posted: [],
    reactions: new Map(),
    mode: {},
  };
  fake.net = await startFakeNetwork((app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/rest/')) return;
      if (fake.mode.revoked || bearer(request) !== fake.token)
        return reply
          .code(401)
          .send(
            error(401, 'REVOKED_ACCESS_TOKEN', 'The token used in the request has been revoked by the user'),
          );
      if (!/^\d{6}$/.test(String(request.headers['linkedin-version'])))
        return reply.code(426).send(error(426, 'NONEXISTENT_VERSION', 'Requested version is not active'));
      if (request.headers['x-restli-protocol-version'] !== '2.0.0')
        return reply.code(400).send(error(400, 'ILLEGAL_ARGUMENT', 'Restli protocol 2.0.0 expected'));
      if (fake.mode.rateLimited)
        return reply
          .code(429)
          .send(
            error(
              429,
              'TOO_MANY_REQUESTS',
              'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
            ),
          );
    });
    app.get('/rest/socialActions/:urn/comments', async (request, reply) => {
      const { urn } = request.params as { urn: string };
      const q = request.query as Record<string, string>;
      const start = Number(q.start ?? 0);
      const count = Number(q.count ?? 10);
      if (!Number.isInteger(count) || count < 0 || count > 100)
        return reply.code(400).send(error(400, 'ILLEGAL_ARGUMENT', 'count must be 0 to 100'));
      const all = [...(fake.comments.get(urn) ?? [])]
        .filter((c) => !c.parentComment)
        .sort((a, b) => b.created.time - a.created.time);
      return {
        paging: { start, count, total: all.length, links: [] },
        elements: all.slice(start, start + count),
      };
    });
    app.post('/rest/socialActions/:urn/comments', async (request, reply) => {
      const { urn } = request.params as { urn: string };
      const body = request.body as {
        actor?: string;
        object?: string;
        parentComment?: string;
        message?: { text?: string };
      };
      if (!body.actor || body.object !== urn || !body.message?.text)
        return reply
          .code(422)
          .send(error(422, 'UNPROCESSABLE_ENTITY', 'actor, object and message are required'));
      const list = fake.comments.get(urn) ?? [];
      if (body.parentComment && !list.some((c) => c.commentUrn === body.parentComment && !c.parentComment))
        return reply
          .code(400)
          .send(error(400, 'ILLEGAL_ARGUMENT', 'parentComment must be a top-level comment of the post'));
      const id = String(7_000_000_000 + fake.posted.length);
      const made: FakeLinkedinComment = {
        id,
        commentUrn: `urn:li:comment:(${urn},${id})`,
        actor: body.actor,
        object: urn,
        created: { actor: body.actor, time: Date.now() },
        message: { text: body.message.text, attributes: [] },
        ...(body.parentComment ? { parentComment: body.parentComment } : {}),
      };
      fake.posted.push(made);
      fake.comments.set(urn, [...list, made]);
      if (fake.mode.failAfterWrite) {
        fake.mode.failAfterWrite = false;
        return reply.code(503).send(error(503, 'SERVICE_UNAVAILABLE', 'Service unavailable'));
      }
      return reply.code(201).header('x-restli-id', made.commentUrn).send(made);
    });
    const reactionKey = (raw: string) => /^\(actor:(urn:li:[^,]+),entity:(urn:li:.+)\)$/.exec(raw);
    app.post('/rest/reactions', async (request, reply) => {
      const actor = (request.query as { actor?: string }).actor ?? '';
      const body = request.body as { root?: string; reactionType?: string };
      if (!actor.startsWith('urn:li:') || !body.root?.startsWith('urn:li:') || !body.reactionType)
        return reply
          .code(422)
          .send(error(422, 'UNPROCESSABLE_ENTITY', 'actor, root and reactionType are required'));
      const key = `${actor}|${body.root}`;
      if (fake.reactions.has(key))
        return reply.code(409).send(error(409, 'DUPLICATE_REACTION', 'The actor has already reacted'));
      fake.reactions.set(key, body.reactionType);
      return reply.code(201).header('x-restli-id', `(actor:${actor},entity:${body.root})`).send();
    });
    app.get('/rest/reactions/:key', async (request, reply) => {
      const parts = reactionKey((request.params as { key: string }).key);
      const type = parts ? fake.reactions.get(`${parts[1]}|${parts[2]}`) : undefined;
      if (!parts || !type) return reply.code(404).send(error(404, 'NOT_FOUND', 'Reaction not found'));
      return { actor: parts[1], root: parts[2], reactionType: type };
    });
    app.delete('/rest/reactions/:key', async (request, reply) => {
      const parts = reactionKey((request.params as { key: string }).key);
      if (!parts || !fake.reactions.delete(`${parts[1]}|${parts[2]}`))
        return reply.code(404).send(error(404, 'NOT_FOUND', 'Reaction not found'));
      return reply.code(204).send();
    });
    app.get('/rest/organizations/:id', async (request, reply) => {
      const org = fake.organizations.get((request.params as { id: string }).id);
      if (!org)
        return reply
          .code(403)
          .send(error(403, 'ACCESS_DENIED', 'Not enough permissions to access organization'));
      return { id: Number((request.params as { id: string }).id), ...org };
    });
  });
  return fake;
}

/** A top-level comment by `actor` under `post`, `minutesAgo` before `now`. */
export function addLinkedinComment(
  fake: LinkedinCommentsFake,
  input: { post: string; id: number; minutesAgo: number; now: Date; actor?: string; text?: string },
): FakeLinkedinComment {
  const id = String(input.id);
  const actor = input.actor ?? 'urn:li:person:aB3xYz';
  const c: FakeLinkedinComment = {
    id,
    commentUrn: `urn:li:comment:(${input.post},${id})`,
    actor,
    object: input.post,
    created: { actor, time: input.now.getTime() - input.minutesAgo * 60_000 },
    message: { text: input.text ?? `Comment ${id}`, attributes: [] },
  };
  fake.comments.set(input.post, [...(fake.comments.get(input.post) ?? []), c]);
  return c;
}
