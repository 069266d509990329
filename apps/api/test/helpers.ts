// Integration test harness: the real app on a fresh, migrated database (PGlite by default,
// PostgreSQL when TEST_DATABASE_URL is set), driven through app.inject.
import { loadConfig } from '@cadence/config';
import { createTestDatabase } from '@cadence/db/testing';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import type { AppContext } from '../src/context';

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  ctx: AppContext;
  /** Every route registered after the app's own plugins (all of /api), as Fastify saw it. */
  routes: RouteOptions[];
  close(): Promise<void>;
}

/** A pino destination that keeps every log line in memory, for tests that grep the logs. */
export function captureLogs(level = 'trace') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: { level, stream } };
}

export interface TestAppOptions {
  /** Extra routes or hooks registered on the root before the API (e.g. a route that throws). */
  beforeRoutes?: (app: FastifyInstance) => Promise<void>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  logger: false | object = false,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase({
    TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    dumpPath: inject('testDbDumpPath'),
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ALLOW_PRIVATE_NETWORK_URLS: 'true',
    ...env,
  });
  const ctx: AppContext = {
    config,
    database,
    keyRing: { keys: [{ id: 'test', key: Buffer.alloc(32, 7) }] },
    clock: () => new Date(),
  };
  const routes: RouteOptions[] = [];
  const app = await buildApp(ctx, {
    logger,
    beforeRoutes: async (root) => {
      root.addHook('onRoute', (route) => {
        routes.push(route);
      });
      await options.beforeRoutes?.(root);
    },
  });
  await app.ready();
  return {
    app,
    ctx,
    routes,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The test workspaces are French, and an answer's words follow the workspace's language unless the
 * client asks for another: the test callers read English, like an English browser or API client.
 * Tests of the French answers send their own Accept-Language or none.
 */
const IN_ENGLISH = { 'accept-language': 'en' } as const;

/** A signed-in caller: a person (cookie + CSRF token) or an API client (bearer token). */
export interface Caller {
  headers: Record<string, string>;
  userId?: string;
  email?: string;
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name === 'cadence_session');
  if (!set) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `cadence_session=${set.value}`;
}

export async function setupOwner(t: TestApp, overrides: { email?: string; timezone?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: {
      email: overrides.email ?? 'owner@example.com',
      name: 'Olivia Owner',
      password: 'correct horse battery',
      workspace: { name: 'Acme', timezone: overrides.timezone ?? 'Europe/Paris', locale: 'fr' },
    },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  const owner: Caller = {
    headers: { cookie: cookieFrom(res), 'x-csrf-token': body.csrfToken, ...IN_ENGLISH },
    userId: body.user.id,
    email: body.user.email,
  };
  return { owner, workspaceId: body.workspaces[0].id as string };
}

export async function signIn(t: TestApp, email: string, password = 'correct horse battery'): Promise<Caller> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return {
    headers: { cookie: cookieFrom(res), 'x-csrf-token': body.csrfToken, ...IN_ENGLISH },
    userId: body.user.id,
    email,
  };
}

/** Invites a new address with the given role, accepts as that person and returns them signed in. */
export async function addMember(
  t: TestApp,
  by: Caller,
  workspaceId: string,
  role: string,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`,
) {
  const token = await invite(t, by, workspaceId, email, role);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/register',
    payload: { token, name: `${role} person`, password: 'correct horse battery' },
  });
  if (res.statusCode !== 201) throw new Error(`accept invitation failed: ${res.statusCode} ${res.body}`);
  // Accepting signs the person in: no login needed (and none spent against the login rate limit).
  const body = res.json();
  const caller: Caller = {
    headers: { cookie: cookieFrom(res), 'x-csrf-token': body.csrfToken, ...IN_ENGLISH },
    userId: body.user.id,
    email,
  };
  return caller;
}

/** Invites an address and returns the link's secret. */
export async function invite(t: TestApp, by: Caller, workspaceId: string, email: string, role: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/invitations`,
    headers: by.headers,
    payload: { email, role },
  });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return res.json().token as string;
}

export async function createToken(
  t: TestApp,
  by: Caller,
  workspaceId: string,
  role: string,
): Promise<Caller & { tokenId: string }> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/api-tokens`,
    headers: by.headers,
    payload: { name: `${role} client`, role },
  });
  if (res.statusCode !== 201) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { headers: { authorization: `Bearer ${body.token}`, ...IN_ENGLISH }, tokenId: body.id };
}

export function call(t: TestApp, caller: Caller | null, opts: InjectOptions) {
  return t.app.inject({ ...opts, headers: { ...(caller?.headers ?? {}), ...(opts.headers ?? {}) } });
}
