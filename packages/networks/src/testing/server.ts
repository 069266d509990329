// A local stand-in for a network: a Fastify app on 127.0.0.1 that records every request and
// reads bodies the way networks accept them (JSON, form-urlencoded, multipart, raw bytes).
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** JSON bodies parsed; form bodies as a record; anything else as a Buffer. */
  body: unknown;
}

export interface FakeNetwork {
  app: FastifyInstance;
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function startFakeNetwork(routes: (app: FastifyInstance) => void): Promise<FakeNetwork> {
  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024 });
  const requests: Recorded[] = [];
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addHook('preHandler', async (request) => {
    const url = new URL(request.url, 'http://fake');
    requests.push({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: request.body,
    });
  });
  routes(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { app, url: `http://127.0.0.1:${address.port}`, requests, close: () => app.close() };
}

/** Multipart bodies decoded by the platform's own parser, as a network's framework would. */
export async function multipartFields(request: FastifyRequest): Promise<FormData> {
  const contentType = String(request.headers['content-type']);
  return new Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(request.body as Buffer),
  }).formData();
}

export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The smallest thing that reads as an MP4: an `ftyp` box (isom). */
export const MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

/** A media host for tests: the PNG above at /image.png, an MP4 at /clip.mp4, a text file at /not-an-image.png. */
export function mediaRoutes(app: FastifyInstance) {
  app.get('/image.png', async (_req, reply) => reply.type('image/png').send(PNG));
  app.get('/clip.mp4', async (_req, reply) => reply.type('video/mp4').send(MP4));
  app.get('/not-an-image.png', async (_req, reply) => reply.type('image/png').send('<html>surprise</html>'));
}

export interface Fetched {
  url: string;
  status: number;
  contentType: string;
  bytes: number;
  /** A 200 of the expected kind, with content: what Meta would take. */
  ok: boolean;
}

/**
 * What Meta does with an image_url, video_url, url or file_url: fetch it from its own servers (no
 * cookies, no credentials), and take it only if the answer is a 200 of the expected kind.
 */
export async function fetchMediaUrl(url: string, kind: 'image' | 'video'): Promise<Fetched> {
  try {
    const response = await fetch(url, { redirect: 'manual' });
    const bytes = Buffer.from(await response.arrayBuffer()).length;
    const contentType = response.headers.get('content-type') ?? '';
    const ok = response.status === 200 && contentType.startsWith(`${kind}/`) && bytes > 0;
    return { url, status: response.status, contentType, bytes, ok };
  } catch {
    return { url, status: 0, contentType: '', bytes: 0, ok: false };
  }
}
