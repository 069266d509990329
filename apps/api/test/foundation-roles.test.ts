// The table-driven authorisation test. It does not list routes: it walks every route the built app
// registered, reads the access each one declares, and tries it as every role (people and API
// tokens), so routes added later are covered without touching this file.
import { randomUUID } from 'node:crypto';
import type { Role } from '@cadence/domain/accounts/roles';
import { ROLES, roleAtLeast } from '@cadence/domain/accounts/roles';
import type { HTTPMethods, InjectOptions, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/plugins/auth';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';

interface RouteUnderTest {
  method: HTTPMethods;
  url: string;
  access: Access | undefined;
}

let t: TestApp;
let workspaceId: string;
let otherWorkspaceId: string;
const people = new Map<Role, Caller>();
const tokens = new Map<Exclude<Role, 'owner'>, Caller>();

function apiRoutes(routes: RouteOptions[]): RouteUnderTest[] {
  return routes
    .filter((r) => r.url.startsWith('/api/v1'))
    .flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
        method: method as HTTPMethods,
        url: r.url,
        access: (r.config as { access?: Access } | undefined)?.access,
      })),
    );
}

/** Deletes last, and the workspace itself after its children, so no call removes what others need. */
function inSafeOrder(routes: RouteUnderTest[]): RouteUnderTest[] {
  const rank = (r: RouteUnderTest) => (r.method === 'DELETE' ? 1_000 - r.url.length : 0);
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

/** Any syntactically valid value for each path parameter; made-up ids should give 404, never 403. */
function fillUrl(url: string, wsId: string): string {
  return url
    .replace(/:workspaceId(\([^)]*\))?/g, wsId)
    .replace(/:\w+(\([^)]*\))?/g, () => randomUUID())
    .replace(/\*/g, 'x');
}

function request(route: RouteUnderTest, wsId: string): InjectOptions {
  const withBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  return { method: route.method, url: fillUrl(route.url, wsId), ...(withBody ? { payload: {} } : {}) };
}

const isWorkspaceScoped = (a: Access | undefined): a is Exclude<Access, string> =>
  typeof a === 'object' && a !== null;

beforeAll(async () => {
  t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '1000000' });
  const setup = await setupOwner(t);
  workspaceId = setup.workspaceId;
  people.set('owner', setup.owner);
  for (const role of ['manager', 'editor', 'viewer'] as const) {
    people.set(role, await addMember(t, setup.owner, workspaceId, role));
    tokens.set(role, await createToken(t, setup.owner, workspaceId, role));
  }
  const other = await call(t, setup.owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: 'Elsewhere', timezone: 'UTC' },
  });
  otherWorkspaceId = other.json().id;
});
afterAll(() => t.close());

describe('route inventory', () => {
  it('finds the foundation routes (the walk itself works)', () => {
    const urls = apiRoutes(t.routes).map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/v1/workspaces/:workspaceId/channels');
    expect(urls).toContain('DELETE /api/v1/workspaces/:workspaceId/api-tokens/:tokenId');
    expect(urls.length).toBeGreaterThan(15);
  });

  it('every /api/v1 route declares access, and workspace roles only on /workspaces/:workspaceId', () => {
    for (const route of apiRoutes(t.routes)) {
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
      if (isWorkspaceScoped(route.access)) {
        expect(route.url, 'a role check needs the workspace in the path').toMatch(
          /^\/api\/v1\/workspaces\/:workspaceId(\/|$)/,
        );
        expect(ROLES).toContain(route.access.minRole);
      }
    }
  });

  it('every /api/v1 route is in the OpenAPI document', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const route of apiRoutes(t.routes)) {
      if (route.method === 'HEAD') continue; // implied by GET
      const path = route.url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });
});

describe('authorisation on every route', () => {
  it('refuses anonymous callers on every non-public route with 401', async () => {
    for (const route of apiRoutes(t.routes).filter((r) => r.access !== 'public')) {
      const res = await call(t, null, request(route, workspaceId));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it("refuses API tokens on routes for signed-in people ('user')", async () => {
    for (const route of apiRoutes(t.routes).filter((r) => r.access === 'user')) {
      const res = await call(t, tokens.get('manager')!, request(route, workspaceId));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('gives each role exactly what the route declares, for people and API tokens', async () => {
    const scoped = inSafeOrder(apiRoutes(t.routes).filter((r) => isWorkspaceScoped(r.access)));
    const checked: string[] = [];
    for (const route of scoped) {
      const access = route.access as Exclude<Access, string>;
      const callers = [
        ...[...people].map(([role, caller]) => ({ role, caller, isToken: false })),
        ...[...tokens].map(([role, caller]) => ({ role: role as Role, caller, isToken: true })),
      ];
      // Refused callers first, so an allowed DELETE cannot change what they see.
      callers.sort(
        (a, b) => Number(roleAtLeast(a.role, access.minRole)) - Number(roleAtLeast(b.role, access.minRole)),
      );
      for (const { role, caller, isToken } of callers) {
        const label = `${route.method} ${route.url} as ${isToken ? 'token' : 'person'} ${role}`;
        const res = await call(t, caller, request(route, workspaceId));
        const refused = !roleAtLeast(role, access.minRole) || (isToken && access.humansOnly === true);
        if (refused) {
          expect(res.statusCode, label).toBe(403);
          // The refusal must come from the one central check, not from a handler's own test.
          if (route.method !== 'HEAD' && (!isToken || !access.humansOnly)) {
            expect(res.json().error.details, label).toMatchObject({ requiredRole: access.minRole, role });
          }
        } else {
          expect([401, 403], `${label}: ${res.body}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBe(scoped.length * 7);
    // Seven callers on every workspace route: minutes on a loaded machine, not a timing claim.
  }, 180_000);

  it("answers 404 on another workspace's routes exactly as on a workspace that does not exist", async () => {
    const scoped = apiRoutes(t.routes).filter((r) => isWorkspaceScoped(r.access));
    const missingId = randomUUID();
    const outsiders = [people.get('manager')!, people.get('viewer')!, tokens.get('manager')!];
    for (const route of scoped) {
      for (const caller of outsiders) {
        const other = await call(t, caller, request(route, otherWorkspaceId));
        const missing = await call(t, caller, request(route, missingId));
        const label = `${route.method} ${route.url}`;
        expect(other.statusCode, label).toBe(404);
        expect(missing.statusCode, label).toBe(404);
        if (route.method === 'HEAD') continue;
        const { requestId: _a, ...otherError } = other.json().error;
        const { requestId: _b, ...missingError } = missing.json().error;
        expect(otherError, label).toEqual(missingError);
      }
    }
  });
});
