import { createIcsFeed, listIcsFeeds, revokeIcsFeed } from '@cadence/domain/ics/ics-feed-use-cases';
import { icsFeedCreatedSchema, icsFeedCreateSchema, icsFeedSchema } from '@cadence/domain/ics/schemas';
import { serveIcsFeed } from '@cadence/domain/ics/serve-feed';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorBodySchema, errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from '../workspaces/workspace-routes';

/** Where the public feed lives: outside /api/v1 because calendar apps fetch it without credentials. */
const ICS_PATH = '/api/ics';

function feedUrl(ctx: AppContext, request: FastifyRequest, token: string): string {
  const origin = ctx.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  return `${origin}${ICS_PATH}/${token}.ics`;
}

/** Managing feeds, under /api/v1. */
export async function icsFeedRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/ics-feeds',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['ics'],
        summary: 'iCalendar feeds (prefix and filters; never the secret URL)',
        params: workspaceParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(icsFeedSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listIcsFeeds(db, request.params.workspaceId, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
      });
      return toPage(rows, request.query.limit);
    },
  );

  r.post(
    '/workspaces/:workspaceId/ics-feeds',
    {
      // Not idempotent: a replay would have to store the secret URL, which is kept only as a hash.
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['ics'],
        summary: 'Create a secret iCalendar feed URL (optionally one campaign or channel); shown once',
        params: workspaceParams,
        body: icsFeedCreateSchema,
        response: { 201: icsFeedCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const feed = await createIcsFeed(db, { ...request.actor, requestId: request.id }, request.body);
      return reply.code(201).send({ ...feed, url: feedUrl(ctx, request, feed.token) });
    },
  );

  r.delete(
    '/workspaces/:workspaceId/ics-feeds/:feedId',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['ics'],
        summary: 'Revoke a feed: its URL answers 404 from now on',
        params: workspaceParams.extend({ feedId: z.uuid() }),
        response: { 200: icsFeedSchema, ...errorResponses },
      },
    },
    async (request) =>
      revokeIcsFeed(db, { ...request.actor, requestId: request.id }, request.params.feedId, ctx.clock()),
  );
}

/** The public feed itself, under /api (not /api/v1). */
export async function icsPublicRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/ics/:file',
    {
      config: { access: 'public' },
      // The token is in the URL: request logs (which carry the URL) stay off for this route.
      logLevel: 'warn',
      schema: {
        tags: ['ics'],
        summary: 'A workspace calendar as iCalendar (RFC 5545); the secret URL is the credential',
        params: z.strictObject({ file: z.string().max(100).describe('<token>.ics') }),
        response: { 200: z.string(), 404: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '');
      const body = await serveIcsFeed(ctx.database.db, token, ctx.clock());
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(body);
    },
  );
}
