// The HTTP edge as an outsider sees it: a valid OpenAPI 3 document and its UI, security headers,
// closed CORS, and 5xx answers that reveal nothing about the server.
import { users } from '@cadence/db';
import { validate, compileErrors } from '@readme/openapi-parser';
import { sql } from 'drizzle-orm';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, captureLogs, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3 document with schemas for every route', async () => {
    const res = await call(t, null, { method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenAPIV3.Document;
    expect(doc.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    const routes = t.routes.filter((r) => r.url.startsWith('/api/v1'));
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      for (const method of [route.method].flat().filter((m) => m !== 'HEAD')) {
        const path = route.url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
        const label = `${method} ${path}`;
        const op = doc.paths[path]?.[method.toLowerCase() as OpenAPIV3.HttpMethods];
        expect(op, label).toBeDefined();
        const success = Object.keys(op?.responses ?? {}).filter((s) => s.startsWith('2'));
        expect(success.length, `${label} documents its success response`).toBeGreaterThan(0);
        // A route that validates a body documents it (routes that take none, e.g. actions, may omit it).
        if ((route.schema as { body?: unknown } | undefined)?.body) {
          expect(op?.requestBody, `${label} documents its body`).toBeDefined();
        }
      }
    }
  });

  it('serves Swagger UI at /api/docs', async () => {
    let res = await call(t, null, { method: 'GET', url: '/api/docs' });
    if (res.statusCode === 302)
      res = await call(t, null, { method: 'GET', url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});

describe('security headers and CORS', () => {
  it.each(['/api/health', '/api/docs/json', '/api/v1/nope'])('sets strict headers on %s', async (url) => {
    const res = await call(t, null, { method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('does not open CORS to a foreign origin', async () => {
    const origin = 'https://evil.example';
    const simple = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}`,
      headers: { origin },
    });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await call(t, null, {
      method: 'OPTIONS',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-csrf-token',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });
});

describe('server errors', () => {
  const logs = captureLogs('error');
  let broken: TestApp;
  let brokenOwner: Awaited<ReturnType<typeof setupOwner>>;

  beforeAll(async () => {
    broken = await createTestApp({}, logs.logger, {
      beforeRoutes: async (root) => {
        // A real unique violation from the database, which drizzle wraps in its own error.
        root.post('/test/duplicate-user', { config: { access: 'public' } }, async () => {
          const values = { email: 'twice@example.com', name: 'Twice', passwordHash: 'x' };
          await broken.ctx.database.db.insert(users).values(values);
          await broken.ctx.database.db.insert(users).values(values);
          return { ok: true };
        });
      },
    });
    brokenOwner = await setupOwner(broken, { email: 'other@example.com' });
  });
  afterAll(() => broken.close());

  it('answers a unique violation with 409, not 500', async () => {
    const res = await call(broken, null, { method: 'POST', url: '/test/duplicate-user', payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
  });

  it('answers a database failure with a bare 500: no stack, no SQL, but a request id', async () => {
    const setup = brokenOwner;
    await broken.ctx.database.db.execute(sql`DROP TABLE channels CASCADE`);
    const res = await call(broken, setup.owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${setup.workspaceId}/channels`,
    });
    expect(res.statusCode).toBe(500);
    const { error } = res.json();
    expect(error).toEqual({
      code: 'internal',
      message: 'Internal error',
      requestId: res.headers['x-request-id'],
    });
    expect(res.body).not.toMatch(/select|channels|relation|at \/|\.ts:|stack/i);
    // The detail is in the log instead, tied to the same request id.
    const logged = logs.lines.find((l) => l.includes(String(res.headers['x-request-id'])));
    expect(logged).toMatch(/channels/);
  });
});
