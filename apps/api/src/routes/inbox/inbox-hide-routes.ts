// Hiding an inbox item from others under one of our posts (issue 16): PUT asks for it hidden,
// DELETE shows it again. Both record what is asked (audited) and answer at once with the item
// (hide.state hiding / showing); a job of the runner calls the network. Asking twice is harmless.
// Editors and above: hiding is everyday moderation by the people who answer, reversible, and the
// audit trail says who did it.
import { setInboxItemHidden } from '@cadence/domain/inbox/hide-item';
import { inboxItemSchema } from '@cadence/domain/inbox/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { inboxItemParams } from './inbox-routes';

const moderator = { access: { minRole: 'editor' as const } };

export async function inboxHideRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.put(
    '/workspaces/:workspaceId/inbox/items/:itemId/hidden',
    {
      config: moderator,
      schema: {
        tags: ['inbox'],
        summary:
          'Hide the item from others under our post on its network (a job does it; 422 where the item says hideUnsupported)',
        params: inboxItemParams,
        response: { 200: inboxItemSchema, ...errorResponses },
      },
    },
    async (request) => setInboxItemHidden(db, request.actor, request.params.itemId, true, ctx.clock()),
  );

  r.delete(
    '/workspaces/:workspaceId/inbox/items/:itemId/hidden',
    {
      config: moderator,
      schema: {
        tags: ['inbox'],
        summary: 'Show a hidden item again under our post on its network (a job does it)',
        params: inboxItemParams,
        response: { 200: inboxItemSchema, ...errorResponses },
      },
    },
    async (request) => setInboxItemHidden(db, request.actor, request.params.itemId, false, ctx.clock()),
  );
}
