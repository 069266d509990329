import { addToQueue, addToQueueSchema } from '@cadence/domain/queue/add-to-queue';
import { postSchema } from '@cadence/domain/posts/schemas';
import { previewNextSlots } from '@cadence/domain/queue/preview-next-slots';
import { getQueueSlots, replaceQueueSlots } from '@cadence/domain/queue/queue-slots';
import {
  freeSlotViewSchema,
  nextSlotsQuerySchema,
  queueSlotsReplaceSchema,
  queueSlotsViewSchema,
} from '@cadence/domain/queue/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { actorOf, postDeps, postParams, versionFrom, withEtag } from '../posts/post-http';
import { workspaceParams } from '../workspaces/workspace-routes';

const channelParams = workspaceParams.extend({ channelId: z.uuid() });

export async function queueRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/channels/:channelId/queue-slots',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['queue'],
        summary: "A channel's weekly queue slots (wall-clock times in the workspace timezone)",
        params: channelParams,
        response: { 200: queueSlotsViewSchema, ...errorResponses },
      },
    },
    async (request) => getQueueSlots(db, request.actor, request.params.channelId),
  );

  r.put(
    '/workspaces/:workspaceId/channels/:channelId/queue-slots',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['queue'],
        summary: "Replace a channel's weekly queue slots",
        params: channelParams,
        body: queueSlotsReplaceSchema,
        response: { 200: queueSlotsViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      replaceQueueSlots(
        db,
        { ...request.actor, requestId: request.id },
        request.params.channelId,
        request.body,
      ),
  );

  r.get(
    '/workspaces/:workspaceId/channels/:channelId/queue-slots/next',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['queue'],
        summary: 'The next free slots of a channel, after its committed posts and the charter rules',
        params: channelParams,
        querystring: nextSlotsQuerySchema,
        response: {
          200: z.object({ channelId: z.uuid(), items: z.array(freeSlotViewSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      previewNextSlots(db, request.actor, {
        channelId: request.params.channelId,
        count: request.query.count,
        now: ctx.clock(),
      }),
  );

  r.post(
    '/workspaces/:workspaceId/posts/:postId/queue',
    {
      // Scheduling is a manager's decision (the posts workflow); the queue only picks the time.
      config: { access: { minRole: 'manager' }, etag: 'write' },
      schema: {
        tags: ['queue'],
        summary:
          'Schedule the post on the earliest queue slot free on all its channels (charter rules and DST applied); ' +
          '422 when there is none',
        params: postParams,
        body: addToQueueSchema,
        response: { 200: postSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = versionFrom(request, request.body.version);
      const post = await addToQueue(postDeps(ctx), actorOf(request), request.params.postId, {
        ...(version !== undefined ? { version } : {}),
      });
      return withEtag(reply, post);
    },
  );
}
