import type { Executor } from '@cadence/db';
import type { Actor } from '@cadence/domain/accounts/actor';
import { bestTimeCsv, bestTimeReport } from '@cadence/domain/reports/best-time';
import { bestTimeResponseSchema } from '@cadence/domain/reports/best-time-schemas';
import { charterCsv, charterReport } from '@cadence/domain/reports/charter-report';
import { charterResponseSchema } from '@cadence/domain/reports/charter-schemas';
import { communityCsv, communityReport } from '@cadence/domain/reports/community';
import { communityResponseSchema } from '@cadence/domain/reports/community-schemas';
import { planKeptCsv, planKeptReport } from '@cadence/domain/reports/plan-kept';
import { planKeptResponseSchema } from '@cadence/domain/reports/plan-kept-schemas';
import { type ReportQuery, reportQuerySchema } from '@cadence/domain/reports/report-scope';
import { resultsCsv, resultsReport } from '@cadence/domain/reports/results';
import { resultsResponseSchema } from '@cadence/domain/reports/results-schemas';
import { workflowCsv, workflowReport } from '@cadence/domain/reports/workflow';
import { workflowResponseSchema } from '@cadence/domain/reports/workflow-schemas';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { errorBodySchema, errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

const errorSerializer = serializerCompiler({
  schema: errorBodySchema,
  method: 'GET',
  url: '/reports',
  httpStatus: '400',
});

const PERIOD =
  'from/to: a date or a date-time without offset (read in the workspace timezone) or an ISO instant; ' +
  'at most 366 days. Filters: campaignId, channelId, network, pillarId (a charter pillar), authorId (the member ' +
  'who wrote the post). ';

interface Section<S extends z.ZodType> {
  name: string;
  summary: string;
  description: string;
  response: S;
  run(db: Executor, actor: Actor, query: ReportQuery): Promise<z.infer<S>>;
  csv(report: z.infer<S>): string;
}

/** One GET per section; format=csv answers the section's main table as text/csv. */
function reportRoute<S extends z.ZodType>(app: FastifyInstance, db: Executor, section: Section<S>) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Typed as unknown here: each section's call site checks its run/csv pair against its schema,
  // and the serializer checks the answer at run time.
  const response = section.response as unknown as z.ZodUnknown;
  const serializer = serializerCompiler({
    schema: section.response,
    method: 'GET',
    url: `/reports/${section.name}`,
    httpStatus: '200',
  });
  r.get(
    `/workspaces/:workspaceId/reports/${section.name}`,
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['reports'],
        summary: section.summary,
        description: PERIOD + section.description,
        params: workspaceParams,
        querystring: reportQuerySchema,
        response: { 200: response, ...errorResponses },
      },
      // The CSV form is already text; the JSON form is checked against its schema as usual.
      serializerCompiler: ({ httpStatus }) =>
        httpStatus === '200'
          ? (data) => (typeof data === 'string' ? data : serializer(data))
          : errorSerializer,
    },
    async (request, reply) => {
      const report = await section.run(db, request.actor, request.query);
      if (request.query.format !== 'csv') return report;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${section.name}.csv"`);
      return section.csv(report);
    },
  );
}

/** Reports (issue 17): read-only roll-ups of the workspace's own records, for viewers and up. */
export async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx.database;
  reportRoute(app, db, {
    name: 'plan-kept',
    summary:
      'Plan kept: per ISO week (workspace timezone) of the targets scheduled in [from, to), planned, published, ' +
      'failed, missed and cancelled counts, on-time rate, publish delay p50/p90, failures by reason',
    description:
      'On time: published within 60 s of the scheduled instant; the rate is over targets whose instant has passed. ' +
      'CSV columns: week, week_start, planned, published, failed, missed, cancelled, on_time, on_time_rate, ' +
      'delay_p50_seconds, delay_p90_seconds.',
    response: planKeptResponseSchema,
    run: planKeptReport,
    csv: planKeptCsv,
  });
  reportRoute(app, db, {
    name: 'workflow',
    summary:
      'Workflow: approval turnaround (last submission to approval) p50/p90 overall and per ISO week, and rounds ' +
      'of changes requested per post submitted in the period',
    description: 'CSV columns: week, week_start, approvals, turnaround_p50_seconds, turnaround_p90_seconds.',
    response: workflowResponseSchema,
    run: workflowReport,
    csv: workflowCsv,
  });
  reportRoute(app, db, {
    name: 'charter',
    summary:
      "Charter: verdicts by rule and ISO week (blocked, warned, overridden) from each post's last check, and " +
      'targets held at send time by the charter',
    description:
      'Overridden: warned posts that were approved, scheduled or published anyway (a blocking verdict cannot be ' +
      'overridden). A refused submission is not recorded. CSV columns: week, week_start, rule, blocked, warned, overridden.',
    response: charterResponseSchema,
    run: charterReport,
    csv: charterCsv,
  });
  reportRoute(app, db, {
    name: 'results',
    summary:
      'Results: engagement pulled from the networks per network, campaign and post (top and bottom 5), and ' +
      'follower change per channel',
    description:
      'A figure no target of a row has is null (not available), never 0. Engagement: replies + reposts + likes + ' +
      'quotes over the targets with figures. CSV: the per-network table (network, targets, measured, replies, ' +
      'reposts, likes, quotes, engagement, engagement_per_post; empty cells are not available).',
    response: resultsResponseSchema,
    run: resultsReport,
    csv: resultsCsv,
  });
  reportRoute(app, db, {
    name: 'best-time',
    summary:
      'Best time to post: engagement per post by ISO weekday and hour of publication in the workspace timezone, ' +
      'with the posts behind each cell; suggestions only from cells with enough posts',
    description: 'CSV columns: iso_weekday, hour, posts, engagement_per_post.',
    response: bestTimeResponseSchema,
    run: bestTimeReport,
    csv: bestTimeCsv,
  });
  reportRoute(app, db, {
    name: 'community',
    summary:
      'Community: inbox items received in [from, to) per day (workspace timezone) with how many were answered and ' +
      'done, first-response time in working minutes p50/p90 against the target, share answered, open past target',
    description:
      'Answered: a reply sent from Cadence or marked done. Response times are working minutes (the workspace days ' +
      'and hours), p50/p90 to a step (5, 15, 30 min, 1, 2, 4, 8 h, 1, 2, 3, 7 days: the upper end of the step, ' +
      'over 7 days reads 7 days); the share within the target is exact. Filters: channelId and network (campaign, pillar and author do not apply). When no channel in ' +
      'the filters has an inbox source, synced is false and every figure is null, never 0. ' +
      'CSV columns: day, received, answered, done.',
    response: communityResponseSchema,
    run: (db, actor, query) => communityReport(db, actor, query, ctx.clock()),
    csv: communityCsv,
  });
}
