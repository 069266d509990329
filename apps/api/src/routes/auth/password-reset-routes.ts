// "Forgot password" (issue 15): ask for a link by email, then set a new password with it. Asking
// answers 202 whatever the address, so nobody learns who has an account; both steps are limited
// per address like sign-in, and each person gets at most a few links per hour.
import {
  completePasswordReset,
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  requestPasswordReset,
} from '@cadence/domain/accounts/password-reset';
import { emailOrigin } from '@cadence/domain/notifications/links';
import { mailDomainOf } from '@cadence/domain/notifications/queue-email';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { attemptLimiter } from './attempt-limits';

export async function passwordResetRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const checkRequest = attemptLimiter(app, {
    name: 'reset-request',
    perMinute: ctx.config.loginRateLimitPerMinute,
    account: (req) => String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase(),
  });
  const checkComplete = attemptLimiter(app, {
    name: 'reset-complete',
    perMinute: ctx.config.loginRateLimitPerMinute,
    account: () => '',
  });
  const mail = ctx.config.mail.smtpUrl
    ? { origin: emailOrigin(ctx.config), mailDomain: mailDomainOf(ctx.config.mail.from) }
    : null;

  r.post(
    '/auth/password-reset',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['auth'],
        summary:
          'Forgot my password: email me a link (single use, valid one hour). The same answer whether or not the address has an account',
        body: passwordResetRequestSchema,
        response: { 202: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await checkRequest(request, reply);
      const outcome = await requestPasswordReset(db, request.body.email, ctx.clock(), mail);
      // Never the address: the logs must not become the enumeration the answer avoids.
      if (outcome === 'no_smtp')
        request.log.warn('password reset asked, but SMTP_URL is unset: no email sent');
      return reply.code(202).send(null);
    },
  );

  r.post(
    '/auth/password-reset/complete',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link; ends every session of the account',
        body: passwordResetCompleteSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await checkComplete(request, reply);
      await completePasswordReset(db, request.body, ctx.clock());
      return reply.code(204).send(null);
    },
  );
}
