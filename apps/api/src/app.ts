// Builds the Fastify app without listening: tests call buildApp() and use inject().
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { logSerializers } from './http/log-serializers';
import { ArrivalTimedLogController } from './http/request-timing';
import { registerAuth } from './plugins/auth';
import { registerErrorHandling } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurity, trustProxyOption } from './plugins/security';
import { registerRoutes } from './routes/index';

export type App = FastifyInstance;

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.credentials',
  '*.token',
];

export interface BuildOptions {
  logger?: boolean | object;
  /** Extra plugins registered before the API (the web app's static files in `pnpm start`). */
  beforeRoutes?: ((app: FastifyInstance) => Promise<void>) | undefined;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}) {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            serializers: logSerializers,
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    genReqId: () => randomUUID(),
    logController: new ArrivalTimedLogController(),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await app.register(cookie);
  await registerSecurity(app, ctx);
  await registerOpenApi(app);
  await registerMetrics(app, ctx);
  registerAuth(app, ctx);
  if (options.beforeRoutes) await options.beforeRoutes(app);
  await app.register(async (api) => registerRoutes(api, ctx), { prefix: '/api' });
  return app;
}
