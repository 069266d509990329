// Authentication and authorisation in one place. Every route declares `config.access`:
//   'public'                     anyone
//   'user'                       a signed-in person (session cookie)
//   { minRole, humansOnly? }     a member of the route's :workspaceId with at least that role,
//                                by session or by an API token of that workspace
// A workspace the caller does not belong to answers 404, exactly as a missing one does.
import { apiTokens, memberships, sessions, users, workspaces } from '@cadence/db';
import type { Actor } from '@cadence/domain/accounts/actor';
import type { Role } from '@cadence/domain/accounts/roles';
import { lowerRole, roleAtLeast } from '@cadence/domain/accounts/roles';
import { SESSION_TTL_MS } from '@cadence/domain/accounts/sessions';
import type { Locale } from '@cadence/names';
import { notFound, sayError } from '@cadence/domain/errors';
import { safeEqual, sha256 } from '@cadence/domain/security/tokens';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';

export type Access = 'public' | 'user' | { minRole: Role; humansOnly?: boolean };

export type AuthState =
  | { kind: 'anonymous' }
  | {
      kind: 'session';
      user: { id: string; email: string; name: string; locale: 'en' | 'fr' };
      sessionIdHash: string;
      csrfToken: string;
    }
  | {
      kind: 'token';
      token: { id: string; workspaceId: string; role: Role; name: string; createdByUserId: string };
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: AuthState;
    actor: Actor;
    /** The language of the route's workspace, once known: the default language of the answer's words. */
    workspaceLocale: Locale | null;
  }
}

export const SESSION_COOKIE = 'cadence_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_TOUCH_MS = 60_000;
const SESSION_TOUCH_MS = 3_600_000;

async function authenticate(ctx: AppContext, request: FastifyRequest): Promise<AuthState> {
  const { db } = ctx.database;
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw sayError('unauthenticated', 'errors.auth.bearerFormat');
    // A token lives only while its creator is a member, and never acts above their current role:
    // checked here, on every request, so no route can forget it.
    const [found] = await db
      .select({ token: apiTokens, creatorRole: memberships.role })
      .from(apiTokens)
      .innerJoin(
        memberships,
        and(
          eq(memberships.workspaceId, apiTokens.workspaceId),
          eq(memberships.userId, apiTokens.createdByUserId),
        ),
      )
      .where(and(eq(apiTokens.tokenHash, sha256(match[1])), isNull(apiTokens.revokedAt)))
      .limit(1);
    if (!found) throw sayError('unauthenticated', 'errors.auth.tokenInvalid');
    const row = found.token;
    const now = ctx.clock();
    // Recording each use would write on every request; a minute's precision is what lists need.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOKEN_TOUCH_MS) {
      await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
    }
    return {
      kind: 'token',
      token: {
        id: row.id,
        workspaceId: row.workspaceId,
        role: lowerRole(row.role, found.creatorRole),
        name: row.name,
        // The inner join matched a membership on it, so it is set.
        createdByUserId: row.createdByUserId as string,
      },
    };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return { kind: 'anonymous' };
  const idHash = sha256(cookie);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, ctx.clock())))
    .limit(1);
  if (!row) return { kind: 'anonymous' };
  await extendSessionInUse(ctx, idHash, row.session.lastSeenAt);
  return {
    kind: 'session',
    user: { id: row.user.id, email: row.user.email, name: row.user.name, locale: row.user.locale },
    sessionIdHash: idHash,
    csrfToken: row.session.csrfToken,
  };
}

/** Sessions slide: one in use keeps living. Written at most hourly, not on every request. */
async function extendSessionInUse(ctx: AppContext, idHash: string, lastSeenAt: Date) {
  const now = ctx.clock();
  if (now.getTime() - lastSeenAt.getTime() < SESSION_TOUCH_MS) return;
  await ctx.database.db
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
    .where(eq(sessions.idHash, idHash));
}

async function resolveActor(
  ctx: AppContext,
  auth: AuthState,
  workspaceId: unknown,
): Promise<{ actor: Actor; locale: Locale }> {
  const missing = notFound('workspace');
  if (typeof workspaceId !== 'string' || !UUID.test(workspaceId)) throw missing;
  const { db } = ctx.database;
  if (auth.kind === 'token') {
    if (auth.token.workspaceId !== workspaceId) throw missing;
    const [ws] = await db
      .select({ tz: workspaces.timezone, locale: workspaces.locale })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    if (!ws) throw missing;
    const actor: Actor = {
      workspaceId,
      workspaceTimezone: ws.tz,
      role: auth.token.role,
      userId: null,
      tokenId: auth.token.id,
      personId: auth.token.createdByUserId,
    };
    return { actor, locale: ws.locale };
  }
  if (auth.kind !== 'session') throw sayError('unauthenticated', 'errors.auth.signInFirst');
  const [row] = await db
    .select({ role: memberships.role, tz: workspaces.timezone, locale: workspaces.locale })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, auth.user.id)));
  if (!row) throw missing;
  const actor: Actor = {
    workspaceId,
    workspaceTimezone: row.tz,
    role: row.role,
    userId: auth.user.id,
    tokenId: null,
    personId: auth.user.id,
  };
  return { actor, locale: row.locale };
}

export function registerAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('auth', null as never);
  app.decorateRequest('actor', null as never);
  app.decorateRequest('workspaceLocale', null);

  // Refuse to start with a route that forgot to say who may call it.
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/v1')) return;
    if (!route.config || !('access' in route.config) || route.config.access === undefined) {
      throw new Error(`route ${route.method} ${url} does not declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') {
      request.auth = { kind: 'anonymous' };
      // Public routes may still read a session (e.g. logout, session), without failing on it.
      if (request.headers.authorization === undefined && request.cookies[SESSION_COOKIE]) {
        request.auth = await authenticate(ctx, request);
      }
      return;
    }
    const auth = await authenticate(ctx, request);
    request.auth = auth;
    if (auth.kind === 'anonymous') throw sayError('unauthenticated', 'errors.auth.signInOrToken');
    if (auth.kind === 'session' && UNSAFE.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, auth.csrfToken)) {
        throw sayError('forbidden', 'errors.auth.csrf', {}, { reason: 'csrf' });
      }
    }
    if (access === 'user') {
      if (auth.kind !== 'session') throw sayError('forbidden', 'errors.auth.peopleOnly');
      return;
    }
    const { actor, locale } = await resolveActor(
      ctx,
      auth,
      (request.params as Record<string, unknown>).workspaceId,
    );
    request.workspaceLocale = locale;
    if (access.humansOnly && auth.kind === 'token') {
      throw sayError('forbidden', 'errors.auth.noTokens');
    }
    if (!roleAtLeast(actor.role, access.minRole)) {
      const roles = { requiredRole: access.minRole, role: actor.role };
      throw sayError('forbidden', 'errors.auth.roleTooLow', roles, roles);
    }
    request.actor = actor;
  });
}

export function requireSession(request: FastifyRequest) {
  if (request.auth.kind !== 'session') throw sayError('unauthenticated', 'errors.auth.signInFirst');
  return request.auth;
}
