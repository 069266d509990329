// The latency in "request completed" log lines, measured from when the request arrived rather than
// from when Fastify started on it.
//
// Node reads the sockets that became readable together one after another in one turn of the event
// loop, and each request's synchronous work (an embedded PGlite query runs on this thread) finishes
// before the next socket is even read. Fastify's own clock starts when it gets the request, so the
// time a request spent waiting behind the others read in the same turn never showed: under 50
// connections the log said p99 50-70 ms while clients waited over a second. Here a request's clock
// starts when the first request of its turn was read: everything read in that turn was already
// waiting by then. Waiting that happened before the turn began (the loop blocked by earlier work)
// is still invisible per request; the event-loop delay measures that.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

const arrivals = new WeakMap<FastifyRequest, number>();
let turnStartedAt: number | undefined;

/** When the current event-loop turn read its first request; reset once the turn is over. */
function turnStart(): number {
  if (turnStartedAt === undefined) {
    turnStartedAt = performance.now();
    // setImmediate runs right after this turn's I/O callbacks: requests read later are a new turn.
    setImmediate(() => {
      turnStartedAt = undefined;
    });
  }
  return turnStartedAt;
}

/** performance.now() at the request's arrival, as defined above. */
export function arrivalOf(request: FastifyRequest): number | undefined {
  return arrivals.get(request);
}

/** Milliseconds since the request arrived (queueing included), and since Fastify started on it. */
function latencyOf(request: FastifyRequest, reply: FastifyReply) {
  const arrivedAt = arrivals.get(request);
  const serviceTime = reply.elapsedTime;
  return {
    responseTime: arrivedAt === undefined ? serviceTime : performance.now() - arrivedAt,
    serviceTime,
  };
}

/**
 * Fastify's request log lines, with the latency counted from arrival. `quiet` (outside
 * production) puts the arrival at trace and the completion at debug: two info lines per request
 * flooded a developer's terminal and scrolled the start summary away; `LOG_LEVEL=debug` shows them.
 */
export class ArrivalTimedLogController extends LogController {
  private readonly quiet: boolean;

  constructor(options: { quiet?: boolean } = {}) {
    super();
    this.quiet = options.quiet ?? false;
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>) {
    // Called synchronously when Fastify receives the request, before any hook.
    arrivals.set(request, turnStart());
    if (!this.quiet) return super.incomingRequest(request, reply, metadata);
    if (!this.isLogDisabled(request)) request.log.trace({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ) {
    if (this.isLogDisabled(request)) return super.requestCompleted(error, request, reply, metadata);
    const latency = latencyOf(request, reply);
    if (error) reply.log.error({ res: reply, err: error, ...latency }, 'request errored');
    else if (this.quiet) reply.log.debug({ req: request, res: reply, ...latency }, 'request completed');
    else reply.log.info({ res: reply, ...latency }, 'request completed');
  }
}
