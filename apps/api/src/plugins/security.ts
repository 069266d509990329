import helmet from '@fastify/helmet';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import { type AppError, sayError } from '@cadence/domain/errors';
import type { MessageCode } from '@cadence/messages';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';

// Rate limits live in this process's memory: each replica counts on its own, so N replicas allow
// up to N times the configured figures (see README, "Rate limits").

/**
 * Fastify's trustProxy from TRUST_PROXY. Fastify refuses a bare hop count (it cannot check who
 * connected), so a count becomes "trust the last N hops": right when Cadence is reachable only
 * through its proxies; a list of proxy addresses/CIDRs is checked against each hop instead.
 */
export function trustProxyOption(trust: false | number | string[]) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

/** The address a limit counts against: IPv6 by /64, since one subscriber holds a whole /64. */
export function addressKey(request: FastifyRequest): string {
  return normalizeIP(request.ip);
}

/**
 * The caller a request is charged to, known only after authentication (the auth hook runs first):
 * the verified API token or session, else the address. Never the raw header, which a client can
 * vary at will (extra spaces, junk credentials) to get a fresh bucket on every request.
 */
function callerKey(request: FastifyRequest): string {
  const auth = request.auth;
  if (auth?.kind === 'token') return `tok:${auth.token.id}`;
  if (auth?.kind === 'session') return `ses:${auth.sessionIdHash}`;
  return `ip:${addressKey(request)}`;
}

/** Health checks are polled by orchestrators and must never be throttled. */
const isHealthCheck = (request: FastifyRequest) =>
  request.url.startsWith('/api/health') || request.url.startsWith('/api/ready');

/** Answers 429 in the one error shape, telling the client when to come back. */
export function rateLimited(reply: FastifyReply, ttlMs: number, messageCode: MessageCode): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  reply.header('retry-after', retryAfterSeconds);
  return sayError('rate_limited', messageCode, {}, { retryAfterSeconds });
}

export async function registerSecurity(app: FastifyInstance, ctx: AppContext) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI and FullCalendar set inline styles; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.cookieSecure,
  });
  // Per caller: added to each route's own onRequest hooks, which run after the app-level auth
  // hook, so the key is the verified identity.
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: callerKey,
    allowList: isHealthCheck,
    // One LRU holds every counter (callers, addresses, sign-in pairs). At the library's default of
    // 5,000 entries, a client spreading requests over many addresses or emails could push other
    // counters out and reset them; 100,000 entries cost about 10 MB.
    cache: 100_000,
  });
  // Per address, before authentication: every request counts, including those whose credentials
  // fail (which never reach the per-caller limit) and unknown routes. The ceiling is higher so
  // that several people behind one address keep working.
  const perAddress = app.createRateLimit({
    max: ctx.config.apiRateLimitPerAddressPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => `addr:${addressKey(request)}`,
    allowList: isHealthCheck,
  });
  app.addHook('onRequest', async (request, reply) => {
    const result = await perAddress(request);
    if (!result.isAllowed && result.isExceeded) {
      throw rateLimited(reply, result.ttl, 'errors.limits.fromAddress');
    }
  });
}
