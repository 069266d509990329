import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256 } from '@cadence/domain/security/tokens';
import type { AppContext } from '../context';
import { SESSION_COOKIE } from './auth';

/** Rate limits apply per API token, else per session, else per address. */
function callerKey(request: FastifyRequest): string {
  const auth = request.headers.authorization;
  if (auth) return `tok:${sha256(auth).slice(0, 32)}`;
  const session = request.cookies?.[SESSION_COOKIE];
  if (session) return `ses:${sha256(session).slice(0, 32)}`;
  return `ip:${request.ip}`;
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
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: callerKey,
    // Health checks are polled by orchestrators and must never be throttled.
    allowList: (request) => request.url.startsWith('/api/health') || request.url.startsWith('/api/ready'),
  });
}
