import { apiTokenSchema, tokenCreateSchema } from '@cadence/domain/accounts/schemas';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from '@cadence/domain/api-tokens/api-token-use-cases';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from './workspace-routes';

export async function tokenRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/api-tokens',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['api-tokens'],
        summary: 'API tokens (prefix, role, last use); never the secret',
        params: workspaceParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(apiTokenSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listApiTokens(db, request.params.workspaceId, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
      });
      return toPage(rows, request.query.limit);
    },
  );

  r.post(
    '/workspaces/:workspaceId/api-tokens',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['api-tokens'],
        summary: 'Create an API token; the secret is in this response only',
        params: workspaceParams,
        body: tokenCreateSchema,
        response: { 201: apiTokenSchema.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createApiToken(db, { ...request.actor, requestId: request.id }, request.body)),
  );

  r.delete(
    '/workspaces/:workspaceId/api-tokens/:tokenId',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['api-tokens'],
        summary: 'Revoke an API token',
        params: workspaceParams.extend({ tokenId: z.uuid() }),
        response: { 200: apiTokenSchema, ...errorResponses },
      },
    },
    async (request) =>
      revokeApiToken(db, { ...request.actor, requestId: request.id }, request.params.tokenId, ctx.clock()),
  );
}
