// Bulk workflow steps: schedule or approve up to 500 posts in one request, a result per item (the
// status each would have had alone). Both are set-based (one transaction, a few statements per
// chunk of posts; decision 0250 for schedule, 0309 for approve). With an Idempotency-Key, a
// retried request gets the first answer again instead of being applied twice.
import { bulkApprovePosts } from '@cadence/domain/posts/bulk-approve-posts';
import {
  type BulkItemOutcome,
  bulkTransitionResultSchema,
  bulkTransitionSchema,
} from '@cadence/domain/posts/bulk-transition';
import { bulkSchedulePosts } from '@cadence/domain/posts/bulk-schedule-posts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { appErrorWords } from '../../http/error-words';
import { errorResponses, STATUS_BY_CODE } from '../../http/errors';
import { requestLocale } from '../../http/request-language';
import { workspaceParams } from '../workspaces/workspace-routes';
import { actorOf, postDeps } from './post-http';

export async function postBulkRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = postDeps(ctx);

  const answer = (request: FastifyRequest, outcomes: readonly BulkItemOutcome[]) => {
    const locale = requestLocale(request);
    const results = outcomes.map((o) => {
      if (o.ok) return { index: o.index, postId: o.postId, status: 200, post: o.post };
      // Worded as the single call's error answer would be (charter verdicts with their sentences).
      const words = appErrorWords(locale, o.error);
      return {
        index: o.index,
        postId: o.postId,
        status: STATUS_BY_CODE[o.error.code] ?? 500,
        error: { code: o.error.code, message: words.message, details: words.details },
      };
    });
    const succeeded = results.filter((x) => x.status === 200).length;
    return { succeeded, failed: results.length - succeeded, results };
  };
  const withLog = (request: FastifyRequest) => ({
    ...deps,
    onUnexpected: (index: number, err: unknown) =>
      request.log.error({ err, index }, 'bulk item failed unexpectedly'),
  });

  r.post(
    '/workspaces/:workspaceId/posts/bulk-schedule',
    {
      config: { access: { minRole: 'manager' }, idempotent: true },
      schema: {
        tags: ['posts'],
        summary:
          'Schedule up to 500 posts, each as POST …/posts/{postId}/schedule would ({ postId, local, timezone, version? } ' +
          'or { postId, publishNow: true }), with a result per item',
        params: workspaceParams,
        body: bulkTransitionSchema,
        response: { 200: bulkTransitionResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      answer(request, await bulkSchedulePosts(withLog(request), actorOf(request), request.body.items)),
  );

  r.post(
    '/workspaces/:workspaceId/posts/bulk-approve',
    {
      // Approvals are counted per person: an API token cannot be one of the distinct managers.
      config: { access: { minRole: 'manager', humansOnly: true }, idempotent: true },
      schema: {
        tags: ['posts'],
        summary:
          'Approve up to 500 posts, each as POST …/posts/{postId}/approve would ({ postId, contentRevision, version? }), ' +
          'with a result per item',
        params: workspaceParams,
        body: bulkTransitionSchema,
        response: { 200: bulkTransitionResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      answer(request, await bulkApprovePosts(withLog(request), actorOf(request), request.body.items)),
  );
}
