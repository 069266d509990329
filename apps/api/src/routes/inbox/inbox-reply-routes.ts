// Replying from Cadence (issue 16): checked against the charter first (422 with the violations,
// nothing sent), then recorded and sent by a job of the runner through the reply ledger.
import { createInboxReply } from '@cadence/domain/inbox/create-reply';
import { inboxReplyCreatedSchema, inboxReplyInputSchema } from '@cadence/domain/inbox/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { inboxItemParams } from './inbox-routes';

export async function inboxReplyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/workspaces/:workspaceId/inbox/items/:itemId/replies',
    {
      config: { access: { minRole: 'editor' }, idempotent: true },
      schema: {
        tags: ['inbox'],
        summary:
          'Reply under an item on its network: charter-checked (422 before sending), then sent by a job (202, status queued)',
        params: inboxItemParams,
        body: inboxReplyInputSchema,
        response: { 202: inboxReplyCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await createInboxReply(
            db,
            { ...request.actor, requestId: request.id },
            request.params.itemId,
            request.body.text,
            ctx.clock(),
          ),
        ),
  );
}
