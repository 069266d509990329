// Members and roles: only owners make or unmake owners, a workspace always keeps an owner, and
// every change to workspaces, members, tokens and channels leaves an audit event owners can page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId: string;
let manager: Caller;
const members = () => `/api/v1/workspaces/${workspaceId}/members`;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId } = await setupOwner(t));
  manager = await addMember(t, owner, workspaceId, 'manager');
});
afterAll(() => t.close());

interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string;
  actorUserId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

async function allAuditEvents(limit: number): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const page = await call(t, owner, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/audit-events?limit=${limit}${query}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.length).toBeLessThanOrEqual(limit);
    events.push(...page.json().items);
    cursor = page.json().nextCursor;
  } while (cursor);
  return events;
}

describe('owners', () => {
  it('only an owner can make someone an owner', async () => {
    const byManager = await call(t, manager, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/invitations`,
      payload: { email: 'new-owner@example.com', role: 'owner' },
    });
    expect(byManager.statusCode).toBe(403);
    const editor = await addMember(t, owner, workspaceId, 'editor', 'promote-me@example.com');
    const promote = await call(t, manager, {
      method: 'PATCH',
      url: `${members()}/${editor.userId}`,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);
    const byOwner = await call(t, owner, {
      method: 'PATCH',
      url: `${members()}/${editor.userId}`,
      payload: { role: 'owner' },
    });
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().role).toBe('owner');
    // A manager cannot unmake or remove an owner either.
    const demote = await call(t, manager, {
      method: 'PATCH',
      url: `${members()}/${editor.userId}`,
      payload: { role: 'viewer' },
    });
    expect(demote.statusCode).toBe(403);
    const remove = await call(t, manager, { method: 'DELETE', url: `${members()}/${editor.userId}` });
    expect(remove.statusCode).toBe(403);
    // With two owners, one may step down.
    const down = await call(t, owner, {
      method: 'PATCH',
      url: `${members()}/${editor.userId}`,
      payload: { role: 'editor' },
    });
    expect(down.statusCode).toBe(200);
  });

  it('the last owner can be neither demoted nor removed (409)', async () => {
    const demote = await call(t, owner, {
      method: 'PATCH',
      url: `${members()}/${owner.userId}`,
      payload: { role: 'manager' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('conflict');
    const remove = await call(t, owner, { method: 'DELETE', url: `${members()}/${owner.userId}` });
    expect(remove.statusCode).toBe(409);
    const list = await call(t, owner, { method: 'GET', url: members() });
    expect(list.json().items.find((m: { userId: string }) => m.userId === owner.userId).role).toBe('owner');
  });

  it('managers invite members, change roles below owner and remove them', async () => {
    const added = await addMember(t, manager, workspaceId, 'viewer', 'Viewer.Person@Example.com');
    const list = (await call(t, manager, { method: 'GET', url: members() })).json().items;
    expect(list.find((m: { userId: string }) => m.userId === added.userId).email).toBe(
      'viewer.person@example.com',
    );
    const again = await call(t, manager, {
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/invitations`,
      payload: { email: 'viewer.person@example.com', role: 'editor' },
    });
    expect(again.statusCode).toBe(409);
    const id = added.userId;
    expect(
      (await call(t, manager, { method: 'PATCH', url: `${members()}/${id}`, payload: { role: 'editor' } }))
        .statusCode,
    ).toBe(200);
    expect((await call(t, manager, { method: 'DELETE', url: `${members()}/${id}` })).statusCode).toBe(204);
  });
});

describe('audit trail', () => {
  it('records workspace, member, token and channel changes with before and after', async () => {
    const ws = `/api/v1/workspaces/${workspaceId}`;
    await call(t, owner, {
      method: 'PATCH',
      url: ws,
      payload: { name: 'Acme Renamed', timezone: 'Asia/Tokyo' },
    });
    const token = await call(t, owner, {
      method: 'POST',
      url: `${ws}/api-tokens`,
      payload: { name: 'ci', role: 'viewer' },
    });
    await call(t, owner, { method: 'DELETE', url: `${ws}/api-tokens/${token.json().id}` });
    const channel = await call(t, manager, {
      method: 'POST',
      url: `${ws}/channels`,
      payload: { network: 'sandbox', displayName: 'Sandbox', handle: 's' },
    });
    await call(t, manager, {
      method: 'PATCH',
      url: `${ws}/channels/${channel.json().id}`,
      payload: { status: 'disconnected' },
    });
    await call(t, manager, { method: 'DELETE', url: `${ws}/channels/${channel.json().id}` });

    const events = await allAuditEvents(200);
    const find = (action: string) => events.find((e) => e.action === action);
    const updated = find('workspace.updated');
    expect(updated?.before).toMatchObject({ name: 'Acme', timezone: 'Europe/Paris' });
    expect(updated?.after).toMatchObject({ name: 'Acme Renamed', timezone: 'Asia/Tokyo' });
    expect(updated?.actorUserId).toBe(owner.userId);
    expect(find('workspace.created')).toBeDefined();
    const addedRoles = events.filter((e) => e.action === 'member.joined').map((e) => e.after?.role);
    expect(find('invitation.created')?.after).toMatchObject({ email: 'viewer.person@example.com' });
    expect(addedRoles).toEqual(expect.arrayContaining(['manager', 'editor', 'viewer']));
    const roleChange = events.find((e) => e.action === 'member.role_changed' && e.after?.role === 'owner');
    expect(roleChange?.before).toMatchObject({ role: 'editor' });
    expect(find('member.removed')?.before).toMatchObject({ email: 'viewer.person@example.com' });
    expect(find('api_token.created')?.after).toMatchObject({ name: 'ci', role: 'viewer', revokedAt: null });
    expect(find('api_token.revoked')?.after).toMatchObject({ name: 'ci' });
    expect(find('api_token.revoked')?.after?.revokedAt).not.toBeNull();
    expect(find('channel.created')?.actorUserId).toBe(manager.userId);
    expect(find('channel.updated')?.after).toMatchObject({ status: 'disconnected' });
    expect(find('channel.deleted')?.before).toMatchObject({ displayName: 'Sandbox' });
    for (const e of events) expect(JSON.stringify(e)).not.toMatch(/passwordHash|tokenHash|credentialsSealed/);
  });

  it('pages newest first with a cursor, the same events as one big page', async () => {
    const big = await allAuditEvents(200);
    const small = await allAuditEvents(3);
    expect(small.map((e) => e.createdAt)).toEqual(big.map((e) => e.createdAt));
    expect(small).toEqual(big);
    const times = big.map((e) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(big.length).toBeGreaterThan(10);
  });

  it('is for owners only', async () => {
    const res = await call(t, manager, {
      method: 'GET',
      url: `/api/v1/workspaces/${workspaceId}/audit-events`,
    });
    expect(res.statusCode).toBe(403);
  });
});
