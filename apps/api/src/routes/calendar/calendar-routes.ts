import { listCalendar } from '@cadence/domain/calendar/list-calendar';
import { calendarQuerySchema, calendarResponseSchema } from '@cadence/domain/calendar/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/calendar',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['calendar'],
        summary: 'Targets scheduled in [from, to) (at most 62 days), one event per post x channel',
        description:
          'from/to: a date or a date-time without offset (read in the workspace timezone) or an ISO instant. ' +
          'Filters take one value, repeated values or a comma-separated list.',
        params: workspaceParams,
        querystring: calendarQuerySchema,
        response: { 200: calendarResponseSchema, ...errorResponses },
      },
    },
    async (request) => listCalendar(db, request.actor, request.query),
  );
}
