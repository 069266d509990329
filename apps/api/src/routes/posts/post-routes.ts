import { createPost } from '@cadence/domain/posts/create-post';
import { deletePost } from '@cadence/domain/posts/delete-post';
import { duplicatePost } from '@cadence/domain/posts/duplicate-post';
import { getPost } from '@cadence/domain/posts/get-post';
import { listPosts } from '@cadence/domain/posts/list-posts';
import {
  postCreateSchema,
  postListFilterSchema,
  postSchema,
  postSummarySchema,
  postUpdateSchema,
} from '@cadence/domain/posts/schemas';
import { updatePost } from '@cadence/domain/posts/update-post';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorBodySchema, errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from '../workspaces/workspace-routes';
import { actorOf, postDeps, postParams, versionFrom, withEtag } from './post-http';

const listQuery = pageQuerySchema.extend(postListFilterSchema.shape);

export async function postRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = postDeps(ctx);

  r.get(
    '/workspaces/:workspaceId/posts',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['posts'],
        summary: 'Posts, newest first, with their targets; filter by status, campaign, channel or author',
        params: workspaceParams,
        querystring: listQuery,
        response: { 200: pageOf(postSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const rows = await listPosts(deps, request.actor, filter, { limit, after: decodeCursor(cursor) });
      return toPage(rows, limit);
    },
  );

  r.post(
    '/workspaces/:workspaceId/posts',
    {
      config: { access: { minRole: 'editor' }, idempotent: true, etag: 'read' },
      schema: {
        tags: ['posts'],
        summary: 'Write a post (a draft) for one or more channels of this workspace',
        params: workspaceParams,
        body: postCreateSchema,
        response: { 201: postSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const post = await createPost(deps, actorOf(request), request.body);
      return reply.code(201).send(withEtag(reply, post));
    },
  );

  r.get(
    '/workspaces/:workspaceId/posts/:postId',
    {
      config: { access: { minRole: 'viewer' }, etag: 'read' },
      schema: {
        tags: ['posts'],
        summary: 'A post with its targets, current approvals and comment count; ETag is its version',
        params: postParams,
        response: { 200: postSchema, ...errorResponses },
      },
    },
    async (request, reply) => withEtag(reply, await getPost(deps, request.actor, request.params.postId)),
  );

  r.patch(
    '/workspaces/:workspaceId/posts/:postId',
    {
      config: { access: { minRole: 'editor' }, etag: 'write' },
      schema: {
        tags: ['posts'],
        summary:
          'Edit a post; send the version read (If-Match or body.version): 409 if stale, 428 if neither. ' +
          'Editing the content of an approved or scheduled post sends it back to review',
        params: postParams,
        body: postUpdateSchema,
        response: { 200: postSchema, ...errorResponses, 428: errorBodySchema },
      },
    },
    async (request, reply) => {
      const version = versionFrom(request, request.body.version);
      const post = await updatePost(deps, actorOf(request), request.params.postId, {
        ...request.body,
        version,
      });
      return withEtag(reply, post);
    },
  );

  r.delete(
    '/workspaces/:workspaceId/posts/:postId',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['posts'],
        summary:
          'Delete a post for good (audited). Managers: any post nothing was sent from; editors: their own ' +
          'draft, post in review or sent back. A post sent (or being sent) answers 409: cancel it instead',
        description: 'Send the version read as If-Match to refuse deleting a post changed meanwhile.',
        params: postParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePost(deps, actorOf(request), request.params.postId, {
        version: versionFrom(request, undefined),
      });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/workspaces/:workspaceId/posts/:postId/duplicate',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['posts'],
        summary:
          'A new draft with the same content, channels, campaign, pillar and labels; no time, no approval',
        params: postParams,
        response: { 201: postSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const post = await duplicatePost(deps, actorOf(request), request.params.postId);
      return reply.code(201).send(withEtag(reply, post));
    },
  );
}
