// Bad input of every kind answers 4xx in the one error shape, naming the field at fault in both
// error.message and error.details, so API clients can show the problem next to the right input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, createToken, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(() => t.close());

type ErrorBody = {
  error: { code: string; message: string; details?: { field: string; message: string; reason?: string }[] };
};

/** Asserts the status and that the field is named in the message and listed in the details. */
function expectFieldError(res: { statusCode: number; json(): unknown }, status: number, field: string) {
  expect(res.statusCode).toBe(status);
  const { error } = res.json() as ErrorBody;
  expect(error.message).toContain(field);
  expect(error.details?.map((d) => d.field)).toContain(field);
}

describe('malformed bodies', () => {
  it('refuses JSON that does not parse', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Acme", "timezone": ',
    });
    expectFieldError(res, 400, 'body');
    expect((res.json() as ErrorBody).error.code).toBe('bad_request');
  });

  it('refuses a body that is not JSON', async () => {
    const xml = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { 'content-type': 'application/xml' },
      payload: '<workspace name="Acme"/>',
    });
    expectFieldError(xml, 415, 'body');
    // Fastify parses text/plain as a string, which the object schema then refuses.
    const text = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=Acme',
    });
    expectFieldError(text, 400, 'body');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
      payload: { network: 'sandbox', displayName: 'x'.repeat(1_100_000), handle: 'h' },
    });
    expectFieldError(res, 413, 'body');
    expect((res.json() as ErrorBody).error.code).toBe('payload_too_large');
  });
});

describe('schema violations', () => {
  it('names a field of the wrong type', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 42, timezone: 'UTC' },
    });
    expectFieldError(res, 400, 'body.name');
    expect((res.json() as ErrorBody).error.code).toBe('validation_failed');
  });

  it('names every bad field, nested ones by their path', async () => {
    const res = await call(t, null, {
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        email: 'not-an-email',
        name: 'X',
        password: 'short',
        workspace: { name: 'W', timezone: 'Europe/Paris' },
      },
    });
    expectFieldError(res, 400, 'body.email');
    expectFieldError(res, 400, 'body.password');
  });

  it.each([
    ['a workspace', 'POST', '/api/v1/workspaces', { name: 'W', timezone: 'UTC', role: 'owner' }, 'body.role'],
    ['a workspace update', 'PATCH', '/api/v1/workspaces/:ws', { name: 'W', role: 'owner' }, 'body.role'],
    [
      'a token',
      'POST',
      '/api/v1/workspaces/:ws/api-tokens',
      { name: 'ci', role: 'viewer', workspaceId: '00000000-0000-4000-8000-000000000000' },
      'body.workspaceId',
    ],
    [
      'a channel',
      'POST',
      '/api/v1/workspaces/:ws/channels',
      { network: 'sandbox', displayName: 'S', handle: 'h', status: 'connected', createdByUserId: 'x' },
      'body.createdByUserId',
    ],
  ] as const)('refuses unknown fields smuggled into %s', async (_what, method, url, payload, field) => {
    const res = await call(t, owner, { method, url: url.replace(':ws', workspaceId), payload });
    expectFieldError(res, 400, field);
    expect((res.json() as ErrorBody).error.details?.every((d) => d.reason === 'unknown_field')).toBe(true);
  });

  it('names each unknown field when several are sent', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/channels`,
      payload: { network: 'sandbox', displayName: 'S', handle: 'h', status: 'connected', workspaceId },
    });
    expectFieldError(res, 400, 'body.status');
    expectFieldError(res, 400, 'body.workspaceId');
  });

  it('refuses a token with the owner role (tokens stop at manager)', async () => {
    const res = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/api-tokens`,
      payload: { name: 'root', role: 'owner' },
    });
    expectFieldError(res, 400, 'body.role');
  });

  it.each([
    ['creating', 'POST', '/api/v1/workspaces', { name: 'W', timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
    ['updating', 'PATCH', '/api/v1/workspaces/:ws', { timezone: 'CET+25' }, 'body.timezone'],
  ] as const)('refuses a bad timezone when %s a workspace', async (_what, method, url, payload, field) => {
    const res = await call(t, owner, { method, url: url.replace(':ws', workspaceId), payload });
    expectFieldError(res, 400, field);
    expect((res.json() as ErrorBody).error.details?.[0]?.message).toMatch(/IANA/);
  });

  it('names a bad path parameter and bad query parameters', async () => {
    expectFieldError(
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/channels/not-a-uuid` }),
      400,
      'params.channelId',
    );
    const token = await createToken(t, owner, workspaceId, 'viewer');
    expect(token.tokenId).toBeDefined();
    expectFieldError(
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/api-tokens?limit=abc` }),
      400,
      'querystring.limit',
    );
    expectFieldError(
      await call(t, owner, {
        method: 'GET',
        url: `/api/v1/workspaces/${workspaceId}/api-tokens?limit=100000`,
      }),
      400,
      'querystring.limit',
    );
    expectFieldError(
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/api-tokens?cursor=%%%` }),
      400,
      'querystring.cursor',
    );
    expectFieldError(
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${workspaceId}/api-tokens?sort=name` }),
      400,
      'querystring.sort',
    );
  });

  it('leaves nothing behind after a refused request', async () => {
    const before = await call(t, owner, { method: 'GET', url: '/api/v1/workspaces' });
    await call(t, owner, {
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: 'W', timezone: 'Nowhere' },
    });
    const after = await call(t, owner, { method: 'GET', url: '/api/v1/workspaces' });
    expect(after.json().items).toHaveLength(before.json().items.length);
  });
});
