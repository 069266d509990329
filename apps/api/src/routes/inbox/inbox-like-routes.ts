// Liking an inbox item from our account (issue 16, item 3): PUT asks for the like, DELETE takes
// it back. Both record what is asked and answer at once with the item (like.state liking /
// unliking); a job of the runner calls the network. Asking twice is harmless (PUT and DELETE
// are idempotent): nothing is sent twice. The roles that may reply may like.
import { setInboxItemLike } from '@cadence/domain/inbox/like-item';
import { inboxItemSchema } from '@cadence/domain/inbox/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { inboxItemParams } from './inbox-routes';

const answerer = { access: { minRole: 'editor' as const } };

export async function inboxLikeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.put(
    '/workspaces/:workspaceId/inbox/items/:itemId/like',
    {
      config: answerer,
      schema: {
        tags: ['inbox'],
        summary:
          'Like the item on its network from the channel’s account (a job does it; 422 where the network does not allow it)',
        params: inboxItemParams,
        response: { 200: inboxItemSchema, ...errorResponses },
      },
    },
    async (request) => setInboxItemLike(db, request.actor, request.params.itemId, true, ctx.clock()),
  );

  r.delete(
    '/workspaces/:workspaceId/inbox/items/:itemId/like',
    {
      config: answerer,
      schema: {
        tags: ['inbox'],
        summary: 'Take our like of the item back on its network (a job does it)',
        params: inboxItemParams,
        response: { 200: inboxItemSchema, ...errorResponses },
      },
    },
    async (request) => setInboxItemLike(db, request.actor, request.params.itemId, false, ctx.clock()),
  );
}
