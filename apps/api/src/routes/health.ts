import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPublisherStatus } from '@cadence/domain/publishing/publisher-status';
import { publisherStatusSchema } from '@cadence/domain/publishing/schemas';
import type { AppContext } from '../context';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers (and whether a publisher is running, for information)',
        response: {
          // The publisher's state does not change the status code: a stalled publisher must not
          // take the API out of its load balancer, but it must be visible.
          200: z.object({
            status: z.literal('ready'),
            database: z.string(),
            publisher: publisherStatusSchema,
          }),
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ctx.database.db.execute(sql`SELECT 1`);
        const publisher = await getPublisherStatus(ctx.database.db, ctx.clock());
        return { status: 'ready' as const, database: ctx.database.driver, publisher };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: ctx.database.driver });
      }
    },
  );
}
