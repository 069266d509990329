import { changePassword } from '@cadence/domain/accounts/change-password';
import { login } from '@cadence/domain/accounts/login';
import {
  loginInputSchema,
  passwordChangeSchema,
  setupInputSchema,
  userSchema,
  membershipWorkspaceSchema,
} from '@cadence/domain/accounts/schemas';
import { revokeSession } from '@cadence/domain/accounts/sessions';
import { isSetupNeeded, setupFirstRun } from '@cadence/domain/accounts/setup-first-run';
import { listMyWorkspaces } from '@cadence/domain/workspaces/list-my-workspaces';
import { sha256 } from '@cadence/domain/security/tokens';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { requireSession, SESSION_COOKIE } from '../../plugins/auth';
import { attemptLimiter } from './attempt-limits';

export const sessionResponse = z.object({
  user: userSchema,
  csrfToken: z.string(),
  workspaces: z.array(membershipWorkspaceSchema),
});

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, value: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    expires,
  });
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const checkSignIn = attemptLimiter(app, {
    name: 'login',
    perMinute: ctx.config.loginRateLimitPerMinute,
    account: (req) => String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase(),
  });
  const checkPasswordChange = attemptLimiter(app, {
    name: 'password',
    perMinute: ctx.config.loginRateLimitPerMinute,
    account: (req) => (req.auth.kind === 'session' ? req.auth.user.id : ''),
  });

  r.get(
    '/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Whether first-run setup is still needed',
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await isSetupNeeded(db) }),
  );

  r.post(
    '/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'First run: create the first owner and workspace (only while there is no user)',
        body: setupInputSchema,
        response: { 201: sessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user, workspace, session } = await setupFirstRun({ db, input: request.body, now: ctx.clock() });
      setSessionCookie(reply, ctx, session.cookieValue, session.expiresAt);
      return reply
        .code(201)
        .send({ user, csrfToken: session.csrfToken, workspaces: [{ ...workspace, role: 'owner' as const }] });
    },
  );

  r.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: loginInputSchema,
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      await checkSignIn(request, reply);
      const previous = request.cookies[SESSION_COOKIE];
      const { user, session } = await login({
        db,
        email: request.body.email,
        password: request.body.password,
        now: ctx.clock(),
        previousSessionIdHash: previous ? sha256(previous) : undefined,
      });
      setSessionCookie(reply, ctx, session.cookieValue, session.expiresAt);
      return { user, csrfToken: session.csrfToken, workspaces: await listMyWorkspaces(db, user.id) };
    },
  );

  r.post(
    '/auth/logout',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out; revokes the session server-side',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = requireSession(request);
      await revokeSession(db, auth.sessionIdHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/auth/session',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, their CSRF token and workspaces',
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const auth = requireSession(request);
      return {
        user: auth.user,
        csrfToken: auth.csrfToken,
        workspaces: await listMyWorkspaces(db, auth.user.id),
      };
    },
  );

  r.post(
    '/auth/password',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Change my password; ends every other session',
        body: passwordChangeSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const auth = requireSession(request);
      await checkPasswordChange(request, reply);
      await changePassword(
        { db, clock: ctx.clock },
        { userId: auth.user.id, sessionIdHash: auth.sessionIdHash },
        request.body,
      );
      return reply.code(204).send(null);
    },
  );
}
