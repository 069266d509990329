import { confirmUnknownTarget } from '@cadence/domain/publishing/confirm-unknown-target';
import { getPostDelivery } from '@cadence/domain/publishing/get-post-delivery';
import { listSandboxFeed } from '@cadence/domain/publishing/list-sandbox-feed';
import { getPublisherStatus } from '@cadence/domain/publishing/publisher-status';
import { retryFailedTargets } from '@cadence/domain/publishing/retry-failed-targets';
import {
  confirmTargetSchema,
  postDeliverySchema,
  publisherStatusSchema,
  retryResultSchema,
  sandboxItemSchema,
  targetViewSchema,
} from '@cadence/domain/publishing/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from '../workspaces/workspace-routes';

const postParams = workspaceParams.extend({ postId: z.uuid() });
const targetParams = postParams.extend({ targetId: z.uuid() });

export async function publishingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/posts/:postId/delivery',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['publishing'],
        summary: "Each target's publishing status, reason and attempt history",
        params: postParams,
        response: { 200: postDeliverySchema, ...errorResponses },
      },
    },
    async (request) => getPostDelivery(db, request.params.workspaceId, request.params.postId),
  );

  r.post(
    '/workspaces/:workspaceId/posts/:postId/retry',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['publishing'],
        summary: 'Send again the targets that failed, were missed or were held (never the published ones)',
        params: postParams,
        response: { 200: retryResultSchema, ...errorResponses },
      },
    },
    async (request) =>
      retryFailedTargets(db, { ...request.actor, requestId: request.id }, request.params.postId, ctx.clock()),
  );

  r.post(
    '/workspaces/:workspaceId/posts/:postId/targets/:targetId/confirm',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['publishing'],
        summary: 'Say whether a target whose outcome is unknown went out',
        params: targetParams,
        body: confirmTargetSchema,
        response: { 200: targetViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      confirmUnknownTarget(
        db,
        { ...request.actor, requestId: request.id },
        { postId: request.params.postId, targetId: request.params.targetId, ...request.body },
        ctx.clock(),
      ),
  );

  r.get(
    '/workspaces/:workspaceId/sandbox-feed',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['publishing'],
        summary: 'What the sandbox network has received, newest first',
        params: workspaceParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(sandboxItemSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await listSandboxFeed(db, request.params.workspaceId, {
        limit,
        before: decodeCursor(cursor),
      });
      return toPage(rows, limit);
    },
  );

  r.get(
    '/publisher/status',
    {
      config: { access: 'user' },
      schema: {
        tags: ['publishing'],
        summary: 'Whether a publisher is running, or since when it has stalled',
        response: { 200: publisherStatusSchema, ...errorResponses },
      },
    },
    async () => getPublisherStatus(db, ctx.clock()),
  );
}
