// Builds the Fastify app without listening: tests call buildApp() and use inject().
import { randomUUID } from 'node:crypto';
import { stdSerializers } from 'pino';
import cookie from '@fastify/cookie';
import { logSafeError } from '@cadence/db/query-errors';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { followHeldTransactions } from './http/held-transaction';
import { logSerializers } from './http/log-serializers';
import { ArrivalTimedLogController } from './http/request-timing';
import { answerWhileClosing } from './plugins/answer-while-closing';
import { registerAuth } from './plugins/auth';
import { handleClientError, handleFrameworkError, registerErrorHandling } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurity, trustProxyOption } from './plugins/security';
import { registerRoutes } from './routes/index';

const REDACTED_PATHS = [
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
  // Idempotent requests hold a transaction that their handler's queries must join.
  followHeldTransactions(ctx);
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: ctx.config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            // Secrets in URLs are masked; a failed query's bound values never reach the log.
            serializers: {
              ...logSerializers,
              err: (err: Error) => stdSerializers.err(logSafeError(err) as Error),
            },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    genReqId: () => randomUUID(),
    // Outside production the per-request lines go to trace/debug: a developer's terminal stays readable.
    logController: new ArrivalTimedLogController({ quiet: ctx.config.env !== 'production' }),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    // The router's and the HTTP parser's answers get the error shape too.
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
    // Our own onRequest hook answers while closing, in the documented error shape.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  answerWhileClosing(app);
  await app.register(cookie);
  await registerSecurity(app, ctx);
  await registerOpenApi(app);
  await registerMetrics(app, ctx);
  registerAuth(app, ctx);
  if (options.beforeRoutes) await options.beforeRoutes(app);
  await app.register(async (api) => registerRoutes(api, ctx), { prefix: '/api' });
  return app;
}
