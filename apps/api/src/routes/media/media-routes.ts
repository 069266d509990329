// The media library over HTTP: streamed upload (multipart, one file), list, describe, delete,
// and the bytes served to members only. Multipart is accepted on these routes alone.
import path from 'node:path';
import multipart from '@fastify/multipart';
import { mediaItemSchema, mediaListFilterSchema, mediaUpdateSchema } from '@cadence/domain/media/schemas';
import { sayError } from '@cadence/domain/errors';
import {
  deleteMedia,
  FIXABLE_NETWORKS,
  fixMediaForNetwork,
  getMedia,
  listMedia,
  type MediaDeps,
  mediaStorageFromConfig,
  readMedia,
  updateMedia,
  uploadMedia,
} from '@cadence/media';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from '../workspaces/workspace-routes';
import { setMediaHeaders } from './content-headers';

const mediaParams = workspaceParams.extend({ mediaId: z.uuid() });
const listQuery = pageQuerySchema.extend(mediaListFilterSchema.shape);
const uploadQuery = z.strictObject({
  /** "library": kept until deleted; "composer" (default): swept after a day if no post uses it. */
  from: z.enum(['library', 'composer']).default('composer'),
});

export function mediaDepsFor(ctx: AppContext): MediaDeps {
  return {
    db: ctx.database.db,
    storage: ctx.mediaStorage ?? mediaStorageFromConfig(ctx.config),
    tempDir: path.join(ctx.config.dataDir, 'media-uploads'),
    maxBytes: ctx.config.media.maxBytes,
    workspaceQuotaBytes: ctx.config.media.workspaceQuotaBytes,
    now: ctx.clock,
  };
}

export async function mediaRoutes(app: FastifyInstance, ctx: AppContext) {
  const deps = mediaDepsFor(ctx);
  await app.register(multipart, {
    // Names are checked, not silently cut to their last segment: "../x.jpg" is refused as such.
    preservePath: true,
    // One byte over the limit is enough for the intake to refuse the file as too large.
    limits: { files: 1, fileSize: deps.maxBytes + 1, fields: 0, parts: 1, headerPairs: 50 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.post(
    '/workspaces/:workspaceId/media',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['media'],
        summary: 'Upload one file (multipart/form-data, field "file") into the media library',
        description:
          'The type is read from the content (JPEG, PNG, WebP, GIF, MP4, MOV). Images are stored without EXIF/GPS metadata. Refusals carry details.reason.',
        params: workspaceParams,
        querystring: uploadQuery,
        response: { 201: mediaItemSchema, 413: errorResponses[422], ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw sayError(
          'bad_request',
          'errors.media.not_multipart',
          {},
          {
            field: 'file',
            reason: 'not_multipart',
          },
        );
      }
      const part = await request.file();
      if (!part) {
        throw sayError(
          'bad_request',
          'errors.media.no_file',
          {},
          {
            field: 'file',
            reason: 'no_file',
          },
        );
      }
      const item = await uploadMedia(deps, {
        actor: request.actor,
        fileName: part.filename,
        body: part.file,
        kept: request.query.from === 'library',
      });
      return reply.code(201).send(item);
    },
  );

  r.get(
    '/workspaces/:workspaceId/media',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['media'],
        summary:
          'The media library, newest first: search by name or tag, filter by type, with where each item is used',
        params: workspaceParams,
        querystring: listQuery,
        response: { 200: pageOf(mediaItemSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, cursor, q, kind, tag } = request.query;
      const rows = await listMedia(db, request.params.workspaceId, {
        limit,
        after: decodeCursor(cursor),
        ...(q ? { q } : {}),
        ...(kind ? { kind } : {}),
        ...(tag ? { tag } : {}),
      });
      return toPage(rows, limit);
    },
  );

  r.get(
    '/workspaces/:workspaceId/media/:mediaId',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['media'],
        summary: 'One library item, with the posts that use it',
        params: mediaParams,
        response: { 200: mediaItemSchema, ...errorResponses },
      },
    },
    async (request) => getMedia(db, request.params.workspaceId, request.params.mediaId),
  );

  r.patch(
    '/workspaces/:workspaceId/media/:mediaId',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['media'],
        summary: 'Alt text (per language) and tags of a library item',
        params: mediaParams,
        body: mediaUpdateSchema,
        response: { 200: mediaItemSchema, ...errorResponses },
      },
    },
    async (request) => updateMedia(db, request.actor, request.params.mediaId, request.body),
  );

  r.delete(
    '/workspaces/:workspaceId/media/:mediaId',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['media'],
        summary:
          'Delete a library item and its file (409 naming the posts when a post not yet published uses it)',
        params: mediaParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteMedia(deps, request.actor, request.params.mediaId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/workspaces/:workspaceId/media/:mediaId/fix',
    {
      config: { access: { minRole: 'editor' } },
      schema: {
        tags: ['media'],
        summary:
          "A fixed copy for a network's rules: under 1 MB for Bluesky, cropped to 4:5..1.91:1 for Instagram",
        params: mediaParams,
        body: z.strictObject({ network: z.enum(FIXABLE_NETWORKS) }),
        response: { 201: mediaItemSchema, 413: errorResponses[422], ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await fixMediaForNetwork(deps, request.actor, request.params.mediaId, request.body.network)),
  );

  for (const variant of ['original', 'thumbnail'] as const) {
    r.get(
      `/workspaces/:workspaceId/media/:mediaId/${variant === 'original' ? 'content' : 'thumbnail'}`,
      {
        config: { access: { minRole: 'viewer' } },
        schema: {
          tags: ['media'],
          summary:
            variant === 'original' ? 'The file itself, to members of the workspace' : 'A small WebP preview',
          params: mediaParams.extend({}),
          querystring: z.strictObject({ download: z.enum(['1']).optional() }),
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { row, body, contentType } = await readMedia(
          deps,
          request.params.workspaceId,
          request.params.mediaId,
          variant,
        );
        setMediaHeaders(reply, contentType, row.name, request.query.download ? 'attachment' : 'inline');
        return reply.send(body);
      },
    );
  }
}
