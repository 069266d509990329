// Replying from Cadence (issue 16): checked against the charter first (422 with the violations,
// nothing sent), then recorded and sent by a job of the runner through the reply ledger. With reply
// approval on, an editor's reply waits (202, status pending_approval) for a manager, who approves
// it (it goes to the ledger) or sends it back with a comment.
import { createInboxReply } from '@cadence/domain/inbox/create-reply';
import { approveInboxReply, listPendingReplies, returnInboxReply } from '@cadence/domain/inbox/review-reply';
import {
  inboxPendingRepliesSchema,
  inboxReplyCreatedSchema,
  inboxReplyInputSchema,
  inboxReplyReturnSchema,
  inboxReplySchema,
} from '@cadence/domain/inbox/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { withViolationMessages } from '../../http/error-words';
import { errorResponses } from '../../http/errors';
import { requestLocale } from '../../http/request-language';
import { z } from 'zod';
import { workspaceParams } from '../workspaces/workspace-routes';
import { inboxItemParams } from './inbox-routes';

const replyParams = workspaceParams.extend({ replyId: z.uuid() });
const review = { access: { minRole: 'manager' as const } };

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
    async (request, reply) => {
      const created = await createInboxReply(
        db,
        { ...request.actor, requestId: request.id },
        request.params.itemId,
        request.body.text,
        ctx.clock(),
      );
      const warnings = withViolationMessages(requestLocale(request), created.warnings);
      return reply.code(202).send({ ...created, warnings });
    },
  );

  r.get(
    '/workspaces/:workspaceId/inbox/pending-replies',
    {
      config: review,
      schema: {
        tags: ['inbox'],
        summary: 'Replies waiting for a manager’s approval, oldest first (at most 200)',
        params: workspaceParams,
        response: { 200: inboxPendingRepliesSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await listPendingReplies(db, request.actor) }),
  );

  r.post(
    '/workspaces/:workspaceId/inbox/replies/:replyId/approve',
    {
      config: review,
      schema: {
        tags: ['inbox'],
        summary:
          'Approve a pending reply: charter and channel checked again, then sent by a job (409 if already reviewed)',
        params: replyParams,
        response: { 200: inboxReplyCreatedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const approved = await approveInboxReply(
        db,
        { ...request.actor, requestId: request.id },
        request.params.replyId,
        ctx.clock(),
      );
      return { ...approved, warnings: withViolationMessages(requestLocale(request), approved.warnings) };
    },
  );

  r.post(
    '/workspaces/:workspaceId/inbox/replies/:replyId/return',
    {
      config: review,
      schema: {
        tags: ['inbox'],
        summary:
          'Send a pending reply back to its author with a comment; it is never sent (409 if already reviewed)',
        params: replyParams,
        body: inboxReplyReturnSchema,
        response: { 200: inboxReplySchema, ...errorResponses },
      },
    },
    async (request) =>
      returnInboxReply(
        db,
        { ...request.actor, requestId: request.id },
        request.params.replyId,
        request.body.comment,
        ctx.clock(),
      ),
  );
}
