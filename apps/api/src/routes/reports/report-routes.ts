import { planKeptCsv, planKeptReport } from '@cadence/domain/reports/plan-kept';
import { planKeptQuerySchema, planKeptResponseSchema } from '@cadence/domain/reports/plan-kept-schemas';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorBodySchema, errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

const errorSerializer = serializerCompiler({
  schema: errorBodySchema,
  method: 'GET',
  url: '/reports',
  httpStatus: '400',
});
const reportSerializer = serializerCompiler({
  schema: planKeptResponseSchema,
  method: 'GET',
  url: '/reports/plan-kept',
  httpStatus: '200',
});

/** Reports (issue 17): read-only roll-ups of the workspace's own records, for viewers and up. */
export async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/reports/plan-kept',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['reports'],
        summary:
          'Plan kept: per ISO week (workspace timezone) of the targets scheduled in [from, to) (at most 366 days), ' +
          'planned, published, failed, missed and cancelled counts, on-time rate, publish delay p50/p90, failures by reason',
        description:
          'from/to: a date or a date-time without offset (read in the workspace timezone) or an ISO instant. ' +
          'On time: published within 60 s of the scheduled instant; the rate is over targets whose instant has passed. ' +
          'format=csv answers the weekly table as text/csv (columns week, week_start, planned, published, failed, ' +
          'missed, cancelled, on_time, on_time_rate, delay_p50_seconds, delay_p90_seconds).',
        params: workspaceParams,
        querystring: planKeptQuerySchema,
        response: { 200: planKeptResponseSchema, ...errorResponses },
      },
      // The CSV form is already text; the JSON form is checked against its schema as usual.
      serializerCompiler: ({ httpStatus }) =>
        httpStatus === '200'
          ? (data) => (typeof data === 'string' ? data : reportSerializer(data))
          : errorSerializer,
    },
    async (request, reply) => {
      const report = await planKeptReport(db, request.actor, request.query);
      if (request.query.format !== 'csv') return report;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="plan-kept.csv"');
      return planKeptCsv(report) as unknown as typeof report;
    },
  );
}
