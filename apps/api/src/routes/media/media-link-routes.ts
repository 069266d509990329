// Signed media links (decision 0245): the one way a network that fetches media itself (Instagram,
// Threads, Facebook) reads a library item. Public, like the calendar feed: the link is the
// credential, and it opens one item until its expiry.
import { MEDIA_LINK_PATH, mediaLinkKeys, mediaStorageFromConfig, readLinkedMedia } from '@cadence/media';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorBodySchema } from '../../http/errors';
import { setMediaHeaders } from './content-headers';

/** Mounted under /api, as MEDIA_LINK_PATH says. */
export async function mediaLinkRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = {
    db: ctx.database.db,
    storage: ctx.mediaStorage ?? mediaStorageFromConfig(ctx.config),
    keys: mediaLinkKeys(ctx.keyRing),
    now: ctx.clock,
  };
  r.get(
    `${MEDIA_LINK_PATH.replace(/^\/api/, '')}/:mediaId`,
    {
      config: { access: 'public' },
      // The signature is in the URL: request logs (which carry the URL) stay off for this route.
      logLevel: 'warn',
      schema: {
        tags: ['media'],
        summary:
          'A library item for a network that fetches media itself (Instagram, Threads, Facebook), by a signed link that expires within the hour',
        params: z.strictObject({ mediaId: z.uuid() }),
        querystring: z.strictObject({
          expires: z.string().max(12),
          signature: z.string().max(100),
        }),
        response: { 200: z.unknown(), 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const file = await readLinkedMedia(deps, { mediaId: request.params.mediaId, ...request.query });
      setMediaHeaders(reply, file.contentType, file.name, 'inline');
      // Fetched by a network's servers, across origins, and never worth keeping in a cache.
      reply
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .header('content-length', String(file.bytes));
      return reply.send(file.body);
    },
  );
}
