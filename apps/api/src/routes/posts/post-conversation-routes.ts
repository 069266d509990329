import { commentPost } from '@cadence/domain/posts/comment-post';
import { getHistory } from '@cadence/domain/posts/get-history';
import { listComments } from '@cadence/domain/posts/list-comments';
import { historyEntrySchema } from '@cadence/domain/posts/history-schemas';
import { commentCreateSchema, postCommentSchema } from '@cadence/domain/posts/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { decodeSeqCursor, encodeSeqCursor } from './history-cursor';
import { actorOf, postDeps, postParams } from './post-http';

/** The review conversation and the history of a post: readable by every member, comments too. */
export async function postConversationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = postDeps(ctx);

  r.get(
    '/workspaces/:workspaceId/posts/:postId/comments',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['posts'],
        summary: 'The review conversation of a post, oldest first',
        params: postParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(postCommentSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await listComments(deps, request.actor, request.params.postId, {
        limit,
        after: decodeCursor(cursor),
      });
      return toPage(rows, limit);
    },
  );

  r.post(
    '/workspaces/:workspaceId/posts/:postId/comments',
    {
      // Viewers are "read and comment": clients and legal teams review without editing.
      config: { access: { minRole: 'viewer' }, idempotent: true },
      schema: {
        tags: ['posts'],
        summary: 'Comment on a post (any member, viewers included)',
        params: postParams,
        body: commentCreateSchema,
        response: { 201: postCommentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await commentPost(deps, actorOf(request), request.params.postId, request.body)),
  );

  r.get(
    '/workspaces/:workspaceId/posts/:postId/history',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['posts'],
        summary:
          'Every transition and edit of a post and every publishing step of each target, oldest first: ' +
          'who (person, token or publisher), what (an event code with its params), the target, when',
        params: postParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(historyEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const page = await getHistory(deps, request.actor, request.params.postId, {
        limit,
        afterSeq: decodeSeqCursor(cursor),
      });
      return {
        items: page.items,
        nextCursor: page.nextSeq === null ? null : encodeSeqCursor(page.nextSeq),
      };
    },
  );
}
