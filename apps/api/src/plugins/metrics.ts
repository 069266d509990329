// Prometheus metrics at GET /metrics, closed unless METRICS_TOKEN is set (then it wants
// `Authorization: Bearer <token>`): request counts and routes say how the service is used, which
// is nobody's business outside the operators. HTTP latency is measured in this process from the
// request's arrival; publishing figures are read from the ledger at scrape time (see
// metrics-readings.ts), so they cover every publisher process.
import { createHash, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readAttemptsSince, readLedgerGauges } from '@cadence/domain/operations/metrics-readings';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context';
import { arrivalOf } from '../http/request-timing';

const LAG_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const digest = (s: string) => createHash('sha256').update(s).digest();

function allowed(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

export async function registerMetrics(app: FastifyInstance, ctx: AppContext) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cadence_process_' });

  const httpDuration = new Histogram({
    name: 'cadence_http_request_duration_seconds',
    help: 'HTTP requests from arrival to response, by route template and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // From arrival, queueing behind the requests read in the same turn included (request-timing.ts).
    const start = arrivalOf(request);
    if (start === undefined) return;
    // The route template, never the raw URL: ids would make one series per post.
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration
      .labels(request.method, route, String(reply.statusCode))
      .observe((performance.now() - start) / 1000);
  });

  const dueBacklog = new Gauge({
    name: 'cadence_publisher_due_backlog',
    help: 'Targets due now or earlier that no publisher has claimed yet',
    registers: [registry],
  });
  const targets = new Gauge({
    name: 'cadence_post_targets',
    help: 'Post targets by ledger status',
    labelNames: ['status'],
    registers: [registry],
  });
  const publishers = new Gauge({
    name: 'cadence_publishers_alive',
    help: 'Publisher processes with a fresh heartbeat',
    registers: [registry],
  });
  const jobQueue = new Gauge({
    name: 'cadence_jobs',
    help: 'Background jobs of the shared runner (emails, sweeps...) by kind and status',
    labelNames: ['kind', 'status'],
    registers: [registry],
  });
  const sends = new Counter({
    name: 'cadence_publisher_sends_total',
    help: 'Finished send attempts and other ledger outcomes, by network and outcome (since this process started)',
    labelNames: ['network', 'outcome'],
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'cadence_publisher_lag_seconds',
    help: 'Delay from a target instant to the start of its successful send',
    labelNames: ['network'],
    buckets: LAG_BUCKETS,
    registers: [registry],
  });

  // Attempts already counted: the next scrape reads only newer ones. Starting at boot means the
  // counters count from this process's start, as Prometheus counters do.
  let watermark = ctx.clock();
  async function refreshFromLedger() {
    const db = ctx.database.db;
    const gauges = await readLedgerGauges(db, ctx.clock());
    dueBacklog.set(gauges.dueBacklog);
    targets.reset();
    for (const row of gauges.targetsByStatus) targets.labels(row.status).set(row.n);
    publishers.set(gauges.publishersAlive);
    jobQueue.reset();
    for (const row of gauges.jobsByKindAndStatus) jobQueue.labels(row.kind, row.status).set(row.n);
    for (const attempt of await readAttemptsSince(db, watermark)) {
      sends.labels(attempt.network, attempt.outcome).inc();
      if (attempt.lagSeconds !== null) lag.labels(attempt.network).observe(attempt.lagSeconds);
      watermark = attempt.finishedAt;
    }
  }

  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (only with METRICS_TOKEN set, as a Bearer token)',
        hide: false,
      },
    },
    async (request, reply) => {
      // Closed looks exactly like absent, so the endpoint does not advertise itself.
      if (!allowed(request, ctx.config.metricsToken)) return reply.callNotFound();
      await refreshFromLedger();
      reply.header('content-type', registry.contentType);
      return registry.metrics();
    },
  );
}
