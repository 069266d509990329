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

/** A media host for tests: serves the PNG above at /image.png and a text file at /not-an-image.png. */
export function mediaRoutes(app: FastifyInstance) {
  app.get('/image.png', async (_req, reply) => reply.type('image/png').send(PNG));
  app.get('/not-an-image.png', async (_req, reply) => reply.type('image/png').send('<html>surprise</html>'));
}
