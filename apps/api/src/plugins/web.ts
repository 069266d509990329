// Serves the built web app from the same origin as the API, with a single-page-app fallback:
// any GET outside /api that is not a file answers index.html so deep links and Back work.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerWebApp(app: FastifyInstance, distDir: string) {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web app not built; only the API is served');
    return;
  }
  await app.register(fastifyStatic, { root: path.resolve(distDir), wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, (request, reply) => {
    // An unknown API route is the API's 404 (error shape, request id), not the web app's page.
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
