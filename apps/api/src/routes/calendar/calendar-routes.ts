import { listCalendar } from '@cadence/domain/calendar/list-calendar';
import { calendarQuerySchema, calendarResponseSchema } from '@cadence/domain/calendar/schemas';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorBodySchema, errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

const errorSerializer = serializerCompiler({
  schema: errorBodySchema,
  method: 'GET',
  url: '/calendar',
  httpStatus: '400',
});

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/calendar',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['calendar'],
        summary:
          'Dated posts in [from, to) (at most 62 days): scheduled or published, or with a proposed time; one item per post with its channels',
        description:
          'from/to: a date or a date-time without offset (read in the workspace timezone) or an ISO instant. ' +
          'Filters take one value, repeated values or a comma-separated list.',
        params: workspaceParams,
        querystring: calendarQuerySchema,
        response: { 200: calendarResponseSchema, ...errorResponses },
      },
      // The events are built field by field from one typed query (nothing else can leak into them),
      // so the 200 answer skips re-validating thousands of fields with zod; the schema above still
      // documents it. Errors keep the default serializer. See docs/decisions/0052-calendar-query.md.
      serializerCompiler: ({ httpStatus }) =>
        httpStatus === '200' ? (data) => JSON.stringify(data) : errorSerializer,
    },
    async (request) => listCalendar(db, request.actor, request.query),
  );
}
