// Instagram's and Threads' container publishing as Meta documents it: POST /{user}/{create}
// returns a container id, GET /{container}?fields=... reports IN_PROGRESS then FINISHED (or
// ERROR: Meta could not fetch the image_url or video_url, which it does at creation here, and
// PUBLISHED once published), POST /{user}/{publish} with creation_id publishes it (again, if asked:
// the duplicate a careless retry makes), GET /{media}?fields=permalink.
import type { FastifyInstance } from 'fastify';
import { type Fetched, fetchMediaUrl } from './server';

export interface ContainerFake {
  containers: Map<string, { fields: Record<string, string>; polls: number; fail: boolean }>;
  published: string[];
  /** Every media URL the stand-in fetched, as Meta's servers would. */
  fetched: Fetched[];
  failNextContainer: boolean;
  /** The next publish call answers 503 (Meta down after the container was made). */
  failNextPublish: boolean;
  /** The next publish call publishes, then answers 503 (the answer lost after Meta acted). */
  loseNextPublishAnswer: boolean;
  graphError: { status: number; error: Record<string, unknown> } | null;
  /** Where permalinks point; a test may set a hostile one. */
  permalinkBase: string;
}

export function containerRoutes(
  app: FastifyInstance,
  o: {
    version: string;
    user: string;
    token: string;
    create: string;
    publish: string;
    statusField: 'status_code' | 'status';
    permalinkBase: string;
  },
): ContainerFake {
  const fake: ContainerFake = {
    containers: new Map(),
    published: [],
    fetched: [],
    failNextContainer: false,
    failNextPublish: false,
    loseNextPublishAnswer: false,
    graphError: null,
    permalinkBase: o.permalinkBase,
  };
  const denied = (token: unknown) =>
    token !== o.token
      ? {
          error: {
            message: 'Error validating access token: Session has expired',
            type: 'OAuthException',
            code: 190,
          },
        }
      : null;
  app.post(`/${o.version}/${o.user}/${o.create}`, async (request, reply) => {
    const body = request.body as Record<string, string>;
    const refused = denied(body.access_token);
    if (refused) return reply.code(400).send(refused);
    if (fake.graphError) return reply.code(fake.graphError.status).send({ error: fake.graphError.error });
    const id = String(17_000 + fake.containers.size);
    let fetchFailed = false;
    for (const [field, kind] of [
      ['image_url', 'image'],
      ['video_url', 'video'],
    ] as const) {
      const url = body[field];
      if (!url) continue;
      const got = await fetchMediaUrl(url, kind);
      fake.fetched.push(got);
      if (!got.ok) fetchFailed = true;
    }
    fake.containers.set(id, { fields: body, polls: 0, fail: fake.failNextContainer || fetchFailed });
    return { id };
  });
  app.post(`/${o.version}/${o.user}/${o.publish}`, async (request, reply) => {
    const body = request.body as Record<string, string>;
    if (fake.failNextPublish) {
      fake.failNextPublish = false;
      return reply.code(503).send({ error: { message: 'Service temporarily unavailable', code: 2 } });
    }
    const container = fake.containers.get(body.creation_id ?? '');
    if (!container || container.polls < 2)
      return reply
        .code(400)
        .send({ error: { message: 'Media ID is not available', code: 9007, error_subcode: 2207027 } });
    fake.published.push(body.creation_id ?? '');
    if (fake.loseNextPublishAnswer) {
      fake.loseNextPublishAnswer = false;
      return reply.code(503).send({ error: { message: 'Service temporarily unavailable', code: 2 } });
    }
    return { id: String(18_000 + fake.published.length) };
  });
  app.get(`/${o.version}/:id`, async (request, reply) => {
    const { id } = request.params as { id: string };
    const q = request.query as Record<string, string>;
    const refused = denied(q.access_token);
    if (refused) return reply.code(400).send(refused);
    if (q.fields === 'permalink') return { permalink: `${fake.permalinkBase}/${id}`, id };
    const container = fake.containers.get(id);
    if (!container) return reply.code(400).send({ error: { message: 'Unsupported get request', code: 100 } });
    container.polls++;
    const status = container.fail
      ? 'ERROR'
      : fake.published.includes(id)
        ? 'PUBLISHED'
        : container.polls < 2
          ? 'IN_PROGRESS'
          : 'FINISHED';
    return {
      [o.statusField]: status,
      id,
      ...(container.fail ? { error_message: 'Unsupported image format' } : {}),
    };
  });
  return fake;
}
