import { auditEventSchema, listAuditEvents } from '@cadence/domain/audit/list-audit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from './workspace-routes';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/workspaces/:workspaceId/audit-events',
    {
      config: { access: { minRole: 'owner', humansOnly: true } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first (owners)',
        params: workspaceParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(auditEventSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listAuditEvents(ctx.database.db, request.params.workspaceId, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
      });
      return toPage(rows, request.query.limit);
    },
  );
}
