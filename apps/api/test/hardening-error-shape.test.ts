// Issue 10, finding 18: every answer the server produces, the framework's own errors included,
// has the documented shape `{ error: { code, message, details?, requestId } }` and the request id
// in both the body and the X-Request-Id header.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../src/plugins/web';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let ws: string;

beforeAll(async () => {
  // With the web app served, as `pnpm start` does: its catch-all route must not hide the API's 404.
  const dist = mkdtempSync(path.join(tmpdir(), 'cadence-web-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Cadence</title>');
  t = await createTestApp({}, false, {
    beforeRoutes: async (root) => {
      await registerWebApp(root, dist);
    },
  });
  ({ owner, workspaceId: ws } = await setupOwner(t));
});
afterAll(() => t.close());

interface ErrorShape {
  code: string;
  message: string;
  details?: { field: string; message: string }[];
  requestId: string;
}

/** The documented shape, with the same request id in the header and the body. */
function expectErrorShape(res: LightMyRequestResponse, status: number, code: string): ErrorShape {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  const body = res.json() as { error: ErrorShape };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers['x-request-id']).toBe(body.error.requestId);
  return body.error;
}

describe('framework errors in the one shape', () => {
  it('a path parameter over the router limit: 414 naming params, not FST_ERR_MAX_PARAM_LENGTH', async () => {
    const res = await call(t, owner, {
      method: 'PATCH',
      url: `/api/v1/workspaces/${ws}/posts/${'a'.repeat(200)}`,
      payload: { text: 'x' },
    });
    const error = expectErrorShape(res, 414, 'uri_too_long');
    expect(error.details?.[0]?.field).toBe('params');
    expect(res.body).not.toContain('FST_ERR');
  });

  it('a URL with broken percent-encoding: 400 naming url', async () => {
    const res = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${ws}/posts/%E0%A4%A` });
    const error = expectErrorShape(res, 400, 'bad_request');
    expect(error.details?.[0]?.field).toBe('url');
  });

  it.each(['/api/v1/nope', '/api/v1/workspaces/x/y/z/nope', '/api/nope'])(
    'an unknown API route (%s) answers the API’s 404 even with the web app served',
    async (url) => {
      expectErrorShape(await call(t, owner, { method: 'GET', url }), 404, 'not_found');
      expectErrorShape(await call(t, owner, { method: 'DELETE', url }), 404, 'not_found');
    },
  );

  it('the web app still answers its own pages', async () => {
    const res = await call(t, null, { method: 'GET', url: '/calendar' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Cadence</title>');
  });

  it('a body that is not JSON: 415', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { 'content-type': 'application/xml' },
      payload: '<w/>',
    });
    expectErrorShape(res, 415, 'unsupported_media_type');
  });

  it('a body over the limit: 413', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/channels`,
      payload: { network: 'sandbox', displayName: 'x'.repeat(1_100_000), handle: 'h' },
    });
    expectErrorShape(res, 413, 'payload_too_large');
  });

  it('JSON that does not parse, and an empty JSON body: 400', async () => {
    const bad = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expectErrorShape(bad, 400, 'bad_request');
    const empty = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectErrorShape(empty, 400, 'bad_request');
  });

  it('unauthenticated and forbidden answers', async () => {
    expectErrorShape(
      await call(t, null, { method: 'GET', url: `/api/v1/workspaces/${ws}/posts` }),
      401,
      'unauthenticated',
    );
    const noCsrf = await call(t, null, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie: owner.headers.cookie ?? '' },
      payload: { name: 'W', timezone: 'UTC' },
    });
    expectErrorShape(noCsrf, 403, 'forbidden');
  });
});

describe('answers outside any request', () => {
  let port = 0;

  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  /** Sends raw bytes on a fresh connection; resolves with everything the server wrote back. */
  const raw = (text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString('utf8');
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });

  function errorsIn(answer: string) {
    return answer
      .split(/(?=HTTP\/1\.1 )/)
      .filter(Boolean)
      .map((response) => {
        const [head = '', body = ''] = response.split('\r\n\r\n');
        const status = Number(head.split(' ')[1]);
        const json = body.trim().startsWith('{') ? (JSON.parse(body) as { error?: ErrorShape }) : {};
        return { status, head: head.toLowerCase(), error: json.error };
      });
  }

  it('malformed HTTP and oversized headers get the shape and a request id too', async () => {
    for (const [request, status, code] of [
      ['NOT HTTP AT ALL\r\n\r\n', 400, 'bad_request'],
      [
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
        'headers_too_large',
      ],
    ] as const) {
      const [answer] = errorsIn(await raw(request));
      expect(answer?.status).toBe(status);
      expect(answer?.error?.code).toBe(code);
      expect(answer?.head).toContain(`x-request-id: ${answer?.error?.requestId}`);
    }
  });
});
