// Findings 3, 4 and 8 of the outside review, and the caps on tokens, feeds and workspaces:
// four eyes see through API tokens and rewrites; a token or feed never outlives its creator's
// membership nor acts above their current role; people join by invitation only.
import { apiTokens } from '@cadence/db';
import { LIMITS } from '@cadence/domain/accounts/limits';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  type Caller,
  call,
  createTestApp,
  createToken,
  cookieFrom,
  invite,
  type TestApp,
} from './helpers';
import { act, buildWorld, createPost, getPost, type PostsWorld, postsUrl } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(async () => t.close());

const wsUrl = (rest = '') => `/api/v1/workspaces/${w.ws}${rest}`;

describe('four eyes (finding 3)', () => {
  it('a manager cannot approve or publish a post they wrote through their own API token', async () => {
    const token = await createToken(t, w.manager, w.ws, 'manager');
    const post = await createPost(w, token);
    expect(post.author).toEqual({ userId: w.manager.userId, tokenId: token.tokenId });
    expect(post.writerUserIds).toEqual([w.manager.userId]);
    expect(post.approvalsRequired).toBe(1);
    expect((await act(w, token, post.id, 'submit')).statusCode).toBe(200);

    const approve = await act(w, w.manager, post.id, 'approve', { contentRevision: 1 });
    expect(approve.statusCode).toBe(403);
    expect(approve.json().error.details.reason).toBe('own_content');
    const publish = await act(w, w.manager, post.id, 'schedule', { publishNow: true });
    expect(publish.statusCode).toBe(409);
    expect((await getPost(w, post.id)).status).toBe('in_review');

    const other = await act(w, w.manager2, post.id, 'approve', { contentRevision: 1 });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().status).toBe('approved');
  });

  it('a manager who rewrites an editor’s draft cannot approve it; another manager can', async () => {
    const draft = await createPost(w, w.editor);
    const rewritten = await call(t, w.manager, {
      method: 'PATCH',
      url: postsUrl(w.ws, `/${draft.id}`),
      payload: { version: draft.version, text: 'Entirely my words now' },
    });
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    expect(rewritten.json().writerUserIds.sort()).toEqual([w.editor.userId, w.manager.userId].sort());
    // Still an editor's post under the default policy: the manager's rewrite does not skip review.
    expect(rewritten.json().approvalsRequired).toBe(1);
    expect((await act(w, w.manager, draft.id, 'schedule', { publishNow: true })).statusCode).toBe(409);
    expect((await act(w, w.manager, draft.id, 'submit')).statusCode).toBe(200);
    const own = await act(w, w.manager, draft.id, 'approve', { contentRevision: 2 });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details.reason).toBe('own_content');
    expect((await act(w, w.manager2, draft.id, 'approve', { contentRevision: 2 })).json().status).toBe(
      'approved',
    );
  });
});

describe('tokens and feeds follow their creator’s membership (finding 4)', () => {
  async function feedOf(by: Caller) {
    const res = await call(t, by, { method: 'POST', url: wsUrl('/ics-feeds'), payload: { name: 'Team' } });
    expect(res.statusCode, res.body).toBe(201);
    return new URL(res.json().url).pathname;
  }

  it('removing a manager kills their token everywhere and their calendar feed', async () => {
    const manager = await addMember(t, w.owner, w.ws, 'manager');
    const token = await createToken(t, manager, w.ws, 'manager');
    const tokenFeed = await feedOf(token);
    const feed = await feedOf(manager);
    expect((await call(t, token, { method: 'GET', url: postsUrl(w.ws) })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: feed })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: tokenFeed })).statusCode).toBe(200);

    const removed = await call(t, w.owner, { method: 'DELETE', url: wsUrl(`/members/${manager.userId}`) });
    expect(removed.statusCode).toBe(204);

    const charter = (await call(t, w.owner, { method: 'GET', url: wsUrl('/charter') })).json();
    for (const attempt of [
      { method: 'GET' as const, url: postsUrl(w.ws) },
      {
        method: 'POST' as const,
        url: wsUrl('/channels'),
        payload: { network: 'webhook', displayName: 'Out', config: { url: 'https://example.org/hook' } },
      },
      {
        method: 'PUT' as const,
        url: wsUrl('/charter'),
        payload: { rules: { rules: {} }, baseVersion: charter.version },
      },
    ]) {
      const res = await call(t, token, attempt);
      expect([attempt.method, attempt.url, res.statusCode]).toEqual([attempt.method, attempt.url, 401]);
    }
    expect((await t.app.inject({ method: 'GET', url: feed })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: tokenFeed })).statusCode).toBe(404);
    const tokens = (await call(t, w.owner, { method: 'GET', url: wsUrl('/api-tokens') })).json().items;
    expect(tokens.find((x: { id: string }) => x.id === token.tokenId).revokedAt).not.toBeNull();

    // Even a token whose revocation was somehow lost stays dead: the check is at authentication.
    await t.ctx.database.db.update(apiTokens).set({ revokedAt: null }).where(eq(apiTokens.id, token.tokenId));
    expect((await call(t, token, { method: 'GET', url: postsUrl(w.ws) })).statusCode).toBe(401);
  });

  it('demoting the creator caps what their token may do', async () => {
    const manager = await addMember(t, w.owner, w.ws, 'manager');
    const token = await createToken(t, manager, w.ws, 'manager');
    const channel = {
      method: 'POST' as const,
      url: wsUrl('/channels'),
      payload: { network: 'sandbox', displayName: 'Demo', handle: '@demo' },
    };
    expect((await call(t, token, channel)).statusCode).toBe(201);

    const demote = (role: string) =>
      call(t, w.owner, { method: 'PATCH', url: wsUrl(`/members/${manager.userId}`), payload: { role } });
    expect((await demote('editor')).statusCode).toBe(200);
    const asEditor = await call(t, token, channel);
    expect(asEditor.statusCode).toBe(403);
    expect(asEditor.json().error.details).toMatchObject({ requiredRole: 'manager', role: 'editor' });
    expect((await createPost(w, token)).author.userId).toBe(manager.userId);

    expect((await demote('viewer')).statusCode).toBe(200);
    const create = await call(t, token, {
      method: 'POST',
      url: postsUrl(w.ws),
      payload: { text: 'x', targets: [{ channelId: w.channels[0] }] },
    });
    expect(create.statusCode).toBe(403);
    expect((await call(t, token, { method: 'GET', url: postsUrl(w.ws) })).statusCode).toBe(200);

    // Promoted back, the token regains no more than its own role.
    expect((await demote('manager')).statusCode).toBe(200);
    expect((await call(t, token, channel)).statusCode).toBe(201);
  });
});

describe('invitations (finding 8)', () => {
  const inviteRaw = (by: Caller, email: string, role = 'editor') =>
    call(t, by, { method: 'POST', url: wsUrl('/invitations'), payload: { email, role } });

  it('no longer adds people directly', async () => {
    const res = await call(t, w.owner, {
      method: 'POST',
      url: wsUrl('/members'),
      payload: { email: 'x@example.com', name: 'X', password: 'correct horse battery', role: 'editor' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('answers the same for an address with an account in another workspace and an unknown one', async () => {
    // Someone with an account, in another tenant.
    const other = await createTestAppWorkspace('elsewhere@example.com');
    const known = await inviteRaw(w.owner, 'Elsewhere@Example.com');
    const unknown = await inviteRaw(w.owner, 'nobody-yet@example.com');
    expect([known.statusCode, unknown.statusCode]).toEqual([201, 201]);
    const shape = (body: Record<string, unknown>) => Object.keys(body).sort();
    expect(shape(known.json())).toEqual(shape(unknown.json()));
    expect(known.json()).toMatchObject({ email: 'elsewhere@example.com', role: 'editor', state: 'open' });
    expect(known.body).not.toContain(other.name);
    expect(known.body).not.toContain('Other');
    // Not a member until they accept.
    const members = (await call(t, w.owner, { method: 'GET', url: wsUrl('/members') })).json().items;
    expect(members.map((m: { email: string }) => m.email)).not.toContain('elsewhere@example.com');
    // The preview does not say whether an account exists either.
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/preview',
      payload: { token: known.json().token },
    });
    expect(preview.statusCode).toBe(200);
    expect(Object.keys(preview.json()).sort()).toEqual([
      'email',
      'expiresAt',
      'invitedByName',
      'role',
      'workspaceName',
    ]);
    expect(known.json().acceptUrl).toMatch(/\/invitation#inv_/);
  });

  it('an existing account signs in and accepts; the link works once, for its own address only', async () => {
    const person = await createTestAppWorkspace('has-account@example.com');
    const stranger = await createTestAppWorkspace('stranger@example.com');
    const res = await inviteRaw(w.manager, 'has-account@example.com', 'manager');
    const token = res.json().token;
    const wrong = await call(t, stranger.caller, {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.details.reason).toBe('invitation_other_address');
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/register',
      payload: { token, name: 'Impostor', password: 'correct horse battery' },
    });
    expect(register.statusCode).toBe(409);
    expect(register.json().error.details.reason).toBe('account_exists');

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      headers: { cookie: person.caller.headers.cookie as string },
      payload: { token },
    });
    expect(noCsrf.statusCode).toBe(403);
    const ok = await call(t, person.caller, {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ workspaceId: w.ws });
    const members = (await call(t, w.owner, { method: 'GET', url: wsUrl('/members') })).json().items;
    expect(members.find((m: { email: string }) => m.email === 'has-account@example.com').role).toBe(
      'manager',
    );
    const again = await call(t, person.caller, {
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.details.reason).toBe('invitation_invalid');
  });

  it('a new person sets a name and password and is signed in; expired and revoked links are dead', async () => {
    const token = await invite(t, w.owner, w.ws, 'fresh@example.com', 'viewer');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/register',
      payload: { token, name: 'Fresh Person', password: 'correct horse battery', locale: 'fr' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user).toMatchObject({
      email: 'fresh@example.com',
      name: 'Fresh Person',
      locale: 'fr',
    });
    expect(created.json().workspaces).toEqual([expect.objectContaining({ id: w.ws, role: 'viewer' })]);
    expect(created.cookies.some((c) => c.name === 'cadence_session')).toBe(true);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/register',
      payload: { token, name: 'Again', password: 'correct horse battery' },
    });
    expect(reuse.statusCode).toBe(404);

    const expiring = await invite(t, w.owner, w.ws, 'late@example.com', 'editor');
    const realClock = t.ctx.clock;
    t.ctx.clock = () => new Date(Date.now() + 7 * 24 * 3600 * 1000 + 60_000);
    try {
      const late = await t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations/preview',
        payload: { token: expiring },
      });
      expect(late.statusCode).toBe(404);
      const listed = (await call(t, w.owner, { method: 'GET', url: wsUrl('/invitations') })).json().items;
      expect(listed.find((i: { email: string }) => i.email === 'late@example.com').state).toBe('expired');
    } finally {
      t.ctx.clock = realClock;
    }

    const revokedToken = await invite(t, w.owner, w.ws, 'revoked@example.com', 'editor');
    const listed = (await call(t, w.owner, { method: 'GET', url: wsUrl('/invitations') })).json().items;
    const id = listed.find((i: { email: string }) => i.email === 'revoked@example.com').id;
    expect(
      (await call(t, w.manager, { method: 'DELETE', url: wsUrl(`/invitations/${id}`) })).statusCode,
    ).toBe(204);
    const dead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/register',
      payload: { token: revokedToken, name: 'R', password: 'correct horse battery' },
    });
    expect(dead.statusCode).toBe(404);
  });

  it('keeps the role rules: managers cannot invite owners, editors cannot invite, members are not re-invited', async () => {
    expect((await inviteRaw(w.manager, 'boss@example.com', 'owner')).statusCode).toBe(403);
    expect((await inviteRaw(w.editor, 'friend@example.com')).statusCode).toBe(403);
    expect((await inviteRaw(w.token, 'bot@example.com')).statusCode).toBe(403);
    const member = await inviteRaw(w.owner, w.editor.email as string);
    expect(member.statusCode).toBe(409);
    const bad = await inviteRaw(w.owner, 'not-an-email', 'king');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.email', 'body.role']);
  });

  it('inviting an address again replaces its open link', async () => {
    const first = await invite(t, w.owner, w.ws, 'twice@example.com', 'editor');
    const second = await invite(t, w.owner, w.ws, 'twice@example.com', 'manager');
    const preview = (token: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/invitations/preview', payload: { token } });
    expect((await preview(first)).statusCode).toBe(404);
    expect((await preview(second)).json().role).toBe('manager');
  });
});

describe('caps per person', () => {
  it(`refuses the API token beyond ${LIMITS.apiTokensPerPerson} live ones with 422 limit_reached`, async () => {
    const manager = await addMember(t, w.owner, w.ws, 'manager');
    const make = () =>
      call(t, manager, {
        method: 'POST',
        url: wsUrl('/api-tokens'),
        payload: { name: 'bot', role: 'editor' },
      });
    const made = await Promise.all(Array.from({ length: LIMITS.apiTokensPerPerson + 3 }, make));
    const codes = made.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(LIMITS.apiTokensPerPerson);
    const refused = made.find((r) => r.statusCode === 422);
    expect(refused?.json().error).toMatchObject({
      code: 'limit_reached',
      details: { limit: 'api_tokens', max: LIMITS.apiTokensPerPerson },
    });
    // Revoking one frees a place.
    const id = made.find((r) => r.statusCode === 201)?.json().id;
    await call(t, manager, { method: 'DELETE', url: wsUrl(`/api-tokens/${id}`) });
    expect((await make()).statusCode).toBe(201);
  });

  it(`refuses the calendar feed beyond ${LIMITS.icsFeedsPerPerson} live ones`, async () => {
    const manager = await addMember(t, w.owner, w.ws, 'manager');
    for (let i = 0; i < LIMITS.icsFeedsPerPerson; i++) {
      const res = await call(t, manager, {
        method: 'POST',
        url: wsUrl('/ics-feeds'),
        payload: { name: `f${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    const over = await call(t, manager, {
      method: 'POST',
      url: wsUrl('/ics-feeds'),
      payload: { name: 'one more' },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'limit_reached', details: { limit: 'ics_feeds' } });
  });

  it(`refuses a workspace beyond ${LIMITS.ownedWorkspacesPerPerson} owned`, async () => {
    const person = await createTestAppWorkspace('many@example.com');
    const make = (i: number) =>
      call(t, person.caller, {
        method: 'POST',
        url: '/api/v1/workspaces',
        payload: { name: `W${i}`, timezone: 'Europe/Paris' },
      });
    const made = await Promise.all(
      Array.from({ length: LIMITS.ownedWorkspacesPerPerson + 2 }, (_, i) => make(i)),
    );
    // They already own the workspace they were invited to as owner.
    expect(made.filter((r) => r.statusCode === 201)).toHaveLength(LIMITS.ownedWorkspacesPerPerson - 1);
    const refused = made.filter((r) => r.statusCode === 422);
    expect(refused).toHaveLength(3);
    expect(refused[0]?.json().error).toMatchObject({
      code: 'limit_reached',
      details: { limit: 'owned_workspaces' },
    });
  });
});

/** A person with an account in another workspace of this instance (owner there), signed in. */
async function createTestAppWorkspace(email: string) {
  const { owner: other, workspaceId: otherWs } = await otherTenant();
  const token = await invite(t, other, otherWs, email, 'owner');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/invitations/register',
    payload: { token, name: 'Other Tenant Person', password: 'correct horse battery' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const caller: Caller = {
    headers: { cookie: cookieFrom(res), 'x-csrf-token': res.json().csrfToken },
    userId: res.json().user.id,
    email,
  };
  return { caller, name: 'Other Tenant Person' };
}

/** Another tenant: a fresh owner's workspace, created by an existing user of this instance. */
async function otherTenant() {
  const res = await call(t, w.owner, {
    method: 'POST',
    url: '/api/v1/workspaces',
    payload: { name: `Other ${Math.random().toString(36).slice(2, 6)}`, timezone: 'Europe/Paris' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { owner: w.owner, workspaceId: res.json().id as string };
}
