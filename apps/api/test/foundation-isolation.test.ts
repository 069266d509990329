// Object-level access: an id that belongs to another workspace answers exactly like an id that does
// not exist (same status, same body), even to someone who is a member of both workspaces.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  setupOwner,
  type TestApp,
} from './helpers';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let owner: Caller;
let a: string;
let b: string;
const fromB = { channelId: '', tokenId: '', memberId: '' };

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: a } = await setupOwner(t));
  b = (await createWorkspace(t, owner, { name: 'B', timezone: 'America/New_York' })).id;
  const channel = await call(t, owner, {
    method: 'POST',
    url: `/api/v1/workspaces/${b}/channels`,
    payload: { network: 'mastodon', displayName: 'B toots', handle: '@b@example.social' },
  });
  fromB.channelId = channel.json().id;
  fromB.tokenId = (await createToken(t, owner, b, 'editor')).tokenId;
  fromB.memberId = (await addMember(t, owner, b, 'editor')).userId!;
});
afterAll(() => t.close());

/** The error without its request id, which differs on every response. */
async function errorOf(caller: Caller, opts: InjectOptions) {
  const res = await call(t, caller, opts);
  const body = res.json();
  delete body.error.requestId;
  return { status: res.statusCode, body };
}

describe("another workspace's resources", () => {
  const cases: [string, InjectOptions['method'], string, 'channelId' | 'tokenId' | 'memberId', object?][] = [
    ['read a channel', 'GET', '/channels/:id', 'channelId'],
    ['rename a channel', 'PATCH', '/channels/:id', 'channelId', { displayName: 'mine now' }],
    ['replace credentials', 'PATCH', '/channels/:id', 'channelId', { credentials: { token: 'x' } }],
    ['delete a channel', 'DELETE', '/channels/:id', 'channelId'],
    ['revoke a token', 'DELETE', '/api-tokens/:id', 'tokenId'],
    ['change a member role', 'PATCH', '/members/:id', 'memberId', { role: 'viewer' }],
    ['remove a member', 'DELETE', '/members/:id', 'memberId'],
  ];

  it.each(cases)(
    '%s: an id from B under /workspaces/A is 404 like a missing id',
    async (_w, method, path, key, payload) => {
      const url = (id: string) => `/api/v1/workspaces/${a}${path.replace(':id', id)}`;
      const foreign = await errorOf(owner, { method, url: url(fromB[key]), ...(payload ? { payload } : {}) });
      const missing = await errorOf(owner, {
        method,
        url: url(randomUUID()),
        ...(payload ? { payload } : {}),
      });
      expect(foreign.status).toBe(404);
      expect(foreign).toEqual(missing);
    },
  );

  it('leaves B untouched after those attempts', async () => {
    const channel = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${b}/channels/${fromB.channelId}`,
    });
    expect(channel.json().displayName).toBe('B toots');
    const tokens = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${b}/api-tokens` });
    expect(tokens.json().items[0].revokedAt).toBeNull();
    const members = await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${b}/members` });
    expect(members.json().items.find((m: { userId: string }) => m.userId === fromB.memberId).role).toBe(
      'editor',
    );
  });

  it("lists only the workspace's own channels, members, tokens and audit events", async () => {
    const get = async (path: string) =>
      (await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${a}${path}` })).body;
    const listings = [
      await get('/channels'),
      await get('/members'),
      await get('/api-tokens'),
      await get('/audit-events'),
    ];
    for (const body of listings) {
      for (const id of Object.values(fromB)) expect(body).not.toContain(id);
      expect(body).not.toContain(b);
    }
  });

  it('a member of A only gets 404 for B itself, as for a workspace that does not exist', async () => {
    const managerOfA = await addMember(t, owner, a, 'manager');
    const foreign = await errorOf(managerOfA, {
      method: 'GET',
      url: `/api/v1/workspaces/${b}/channels/${fromB.channelId}`,
    });
    const missing = await errorOf(managerOfA, {
      method: 'GET',
      url: `/api/v1/workspaces/${randomUUID()}/channels/${fromB.channelId}`,
    });
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(missing);
  });

  it("a token of B gets 404 on A's routes, even with A's real ids", async () => {
    const tokenOfB = await createToken(t, owner, b, 'manager');
    const channelOfA = await call(t, owner, {
      method: 'POST',
      url: `/api/v1/workspaces/${a}/channels`,
      payload: { network: 'sandbox', displayName: 'A', handle: 'a' },
    });
    const foreign = await errorOf(tokenOfB, {
      method: 'GET',
      url: `/api/v1/workspaces/${a}/channels/${channelOfA.json().id}`,
    });
    const missing = await errorOf(tokenOfB, {
      method: 'GET',
      url: `/api/v1/workspaces/${randomUUID()}/channels/${randomUUID()}`,
    });
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(missing);
  });
});
