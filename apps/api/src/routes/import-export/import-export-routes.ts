import { invalidField } from '@cadence/domain/errors';
import { bulkCreatePosts } from '@cadence/domain/import-export/bulk-create-posts';
import { exportPosts } from '@cadence/domain/import-export/export-posts';
import { importPostsCsv } from '@cadence/domain/import-export/import-posts-csv';
import {
  bulkCreateSchema,
  bulkResultSchema,
  exportQuerySchema,
  importQuerySchema,
  importResultSchema,
} from '@cadence/domain/import-export/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { postCreateSchema } from '@cadence/domain/posts/schemas';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorBodySchema, errorResponses, STATUS_BY_CODE } from '../../http/errors';
import { bulkItemsAtOnce } from '../../http/held-transaction';
import { workspaceParams } from '../workspaces/workspace-routes';

import { Readable } from 'node:stream';
import { rateLimited } from '../../plugins/security';

// An export reads the database for as long as the client takes to download it: each caller gets
// a few a minute, and a workspace runs at most a couple at once (issue 10, finding 9).
const EXPORTS_PER_MINUTE = 6;
const EXPORTS_AT_ONCE_PER_WORKSPACE = 2;

// 500 posts of a few thousand characters each do not fit the API's default body limit.
const BULK_BODY_LIMIT = 8 * 1024 * 1024;
const CSV_TYPES = ['text/csv', 'application/csv'];

// Items are validated one by one (a bad item fails alone), so the schema takes any value; the
// document still says what an item is: the body of POST /posts.
const documentedBulkBody = bulkCreateSchema.extend({
  items: bulkCreateSchema.shape.items.meta({
    items: z.toJSONSchema(postCreateSchema, { io: 'input', target: 'openapi-3.0' }),
  }),
});

export async function importExportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  // The CSV body arrives as text; this parser is scoped to these routes.
  app.addContentTypeParser(
    CSV_TYPES,
    { parseAs: 'string', bodyLimit: BULK_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  r.post(
    '/workspaces/:workspaceId/posts/bulk',
    {
      config: { access: { minRole: 'editor' }, idempotent: true },
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['import-export'],
        summary:
          'Create up to 500 draft posts, each validated and created on its own, with a result per item',
        params: workspaceParams,
        body: documentedBulkBody,
        response: { 200: bulkResultSchema, 413: errorBodySchema, ...errorResponses },
      },
    },
    async (request) => {
      const outcomes = await bulkCreatePosts(
        {
          db,
          clock: ctx.clock,
          itemsAtOnce: bulkItemsAtOnce(),
          onUnexpected: (index, err) => request.log.error({ err, index }, 'bulk item failed unexpectedly'),
        },
        { ...request.actor, requestId: request.id },
        request.body.items,
      );
      const results = outcomes.map((o) =>
        o.ok
          ? { index: o.index, status: 201, post: o.post }
          : {
              index: o.index,
              status: STATUS_BY_CODE[o.error.code as keyof typeof STATUS_BY_CODE] ?? 500,
              error: o.error,
            },
      );
      const created = results.filter((x) => x.status === 201).length;
      return { created, failed: results.length - created, results };
    },
  );

  r.post(
    '/workspaces/:workspaceId/posts/import',
    {
      config: { access: { minRole: 'editor' }, idempotent: true },
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['import-export'],
        summary:
          'Import drafts from CSV (text/csv; columns text, channels, link, first_comment, campaign_id, pillar, ' +
          'labels, requested_local; lists separated by |). All or nothing: 422 lists every problem by row and column',
        params: workspaceParams,
        querystring: importQuerySchema,
        body: z.string().describe('CSV with a header row, at most 500 post rows'),
        response: {
          201: importResultSchema,
          200: importResultSchema,
          413: errorBodySchema,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      if (!CSV_TYPES.some((t) => request.headers['content-type']?.startsWith(t))) {
        throw invalidField('headers.content-type', 'not_csv');
      }
      const result = await importPostsCsv(
        { db, clock: ctx.clock },
        { ...request.actor, requestId: request.id },
        { csv: request.body, dryRun: request.query.dryRun },
      );
      return reply.code(result.dryRun ? 200 : 201).send(result);
    },
  );

  const exportsRunning = new Map<string, number>();
  r.get(
    '/workspaces/:workspaceId/posts/export',
    {
      config: {
        access: { minRole: 'viewer' },
        rateLimit: { max: EXPORTS_PER_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['import-export'],
        summary: 'Export the targets of a date range (at most 366 days) as CSV or JSON',
        params: workspaceParams,
        querystring: exportQuerySchema,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const workspaceId = request.actor.workspaceId;
      const running = exportsRunning.get(workspaceId) ?? 0;
      if (running >= EXPORTS_AT_ONCE_PER_WORKSPACE) {
        throw rateLimited(reply, 10_000, 'errors.limits.exportsRunning');
      }
      exportsRunning.set(workspaceId, running + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (exportsRunning.get(workspaceId) ?? 1) - 1;
        if (left > 0) exportsRunning.set(workspaceId, left);
        else exportsRunning.delete(workspaceId);
      };
      // Until the download ends, however it ends (finished, cut by the client, failed).
      reply.raw.once('close', release);
      try {
        const file = await exportPosts(db, request.actor, request.query);
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`);
        // A stream is sent as it comes, never serialised; the schema above documents its text.
        return reply.send(Readable.from(file.body) as unknown as string);
      } catch (err) {
        release();
        throw err;
      }
    },
  );
}
