import { posts } from '@cadence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';
import { createWorkspace } from './support/fixtures';

let t: TestApp;
let owner: Caller;
let manager: Caller;
let editor: Caller;
let viewer: Caller;
let ws: string;
let otherWs: string;

const base = () => `/api/v1/workspaces/${ws}/campaigns`;
const spring = {
  name: 'Spring sale',
  objective: 'Sell',
  startsOn: '2031-03-01',
  endsOn: '2031-03-31',
  colour: '#22aa44',
};

function create(caller: Caller, payload: object, workspaceId = ws) {
  return call(t, caller, { method: 'POST', url: `/api/v1/workspaces/${workspaceId}/campaigns`, payload });
}

async function addPosts(campaignId: string, statuses: Array<'draft' | 'scheduled' | 'published'>) {
  await t.ctx.database.db
    .insert(posts)
    .values(statuses.map((status) => ({ workspaceId: ws, status, campaignId, text: status })));
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId: ws } = await setupOwner(t));
  manager = await addMember(t, owner, ws, 'manager');
  editor = await addMember(t, owner, ws, 'editor');
  viewer = await addMember(t, owner, ws, 'viewer');
  otherWs = (await createWorkspace(t, owner)).id;
});
afterAll(() => t.close());

describe('campaigns', () => {
  it('are created by managers with defaults, the creator as owner, and read by every member', async () => {
    const res = await create(manager, {
      ...spring,
      additions: { requiredHashtags: { oneOf: ['spring'], severity: 'warn' } },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      ...spring,
      description: '',
      status: 'planned',
      ownerUserId: manager.userId,
      additions: { requiredHashtags: { allOf: [], oneOf: ['spring'], severity: 'warn' } },
      postCounts: { total: 0, byStatus: {} },
    });
    const read = await call(t, viewer, { method: 'GET', url: `${base()}/${body.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it('cannot be created, changed or deleted by editors or viewers', async () => {
    const { id } = (await create(manager, spring)).json();
    for (const caller of [editor, viewer]) {
      expect((await create(caller, spring)).statusCode).toBe(403);
      expect(
        (await call(t, caller, { method: 'PATCH', url: `${base()}/${id}`, payload: { name: 'x' } }))
          .statusCode,
      ).toBe(403);
      expect((await call(t, caller, { method: 'DELETE', url: `${base()}/${id}` })).statusCode).toBe(403);
    }
  });

  it('list with their posts counted by status, filter by status and paginate', async () => {
    const { id } = (await create(manager, { ...spring, name: 'Counted' })).json();
    await addPosts(id, ['draft', 'draft', 'scheduled', 'published']);
    const list = await call(t, viewer, { method: 'GET', url: `${base()}?limit=100` });
    expect(list.statusCode).toBe(200);
    const counted = list.json().items.find((c: { id: string }) => c.id === id);
    expect(counted.postCounts).toEqual({ total: 4, byStatus: { draft: 2, scheduled: 1, published: 1 } });

    await call(t, manager, { method: 'PATCH', url: `${base()}/${id}`, payload: { status: 'active' } });
    const active = (await call(t, viewer, { method: 'GET', url: `${base()}?status=active` })).json();
    expect(active.items.map((c: { id: string }) => c.id)).toEqual([id]);

    const page1 = (await call(t, viewer, { method: 'GET', url: `${base()}?limit=1` })).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (
      await call(t, viewer, { method: 'GET', url: `${base()}?limit=1&cursor=${page1.nextCursor}` })
    ).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
  });

  it('are changed by managers, with an audit event before and after', async () => {
    const { id } = (await create(manager, spring)).json();
    const res = await call(t, manager, {
      method: 'PATCH',
      url: `${base()}/${id}`,
      payload: { endsOn: '2031-04-15', colour: '#000000', ownerUserId: null },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      endsOn: '2031-04-15',
      colour: '#000000',
      ownerUserId: null,
      startsOn: spring.startsOn,
    });
    const audit = (
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${ws}/audit-events` })
    ).json();
    const event = audit.items.find(
      (e: { action: string; entityId: string }) => e.action === 'campaign.updated' && e.entityId === id,
    );
    expect(event.before.endsOn).toBe('2031-03-31');
    expect(event.after.endsOn).toBe('2031-04-15');
    expect(
      audit.items.some(
        (e: { action: string; entityId: string }) => e.action === 'campaign.created' && e.entityId === id,
      ),
    ).toBe(true);
  });

  it('refuse deletion while they have posts (archive instead), and delete when they have none', async () => {
    const used = (await create(manager, spring)).json();
    await addPosts(used.id, ['draft']);
    const refused = await call(t, manager, { method: 'DELETE', url: `${base()}/${used.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ posts: 1, suggestion: 'archive' });
    const archived = await call(t, manager, {
      method: 'PATCH',
      url: `${base()}/${used.id}`,
      payload: { status: 'archived' },
    });
    expect(archived.json().status).toBe('archived');

    const unused = (await create(manager, spring)).json();
    expect((await call(t, manager, { method: 'DELETE', url: `${base()}/${unused.id}` })).statusCode).toBe(
      204,
    );
    expect((await call(t, viewer, { method: 'GET', url: `${base()}/${unused.id}` })).statusCode).toBe(404);
    const audit = (
      await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${ws}/audit-events` })
    ).json();
    expect(
      audit.items.some(
        (e: { action: string; entityId: string }) =>
          e.action === 'campaign.deleted' && e.entityId === unused.id,
      ),
    ).toBe(true);
  });

  it('of another workspace answer 404 like missing ones, on every route', async () => {
    const theirs = (await create(owner, spring, otherWs)).json();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [theirs.id, missing]) {
      const get = await call(t, manager, { method: 'GET', url: `${base()}/${id}` });
      const patch = await call(t, manager, {
        method: 'PATCH',
        url: `${base()}/${id}`,
        payload: { name: 'Mine now' },
      });
      const del = await call(t, manager, { method: 'DELETE', url: `${base()}/${id}` });
      expect([get.statusCode, patch.statusCode, del.statusCode]).toEqual([404, 404, 404]);
      expect(get.json().error.message).toBe('Campaign not found');
    }
    const list = (await call(t, manager, { method: 'GET', url: `${base()}?limit=200` })).json();
    expect(list.items.some((c: { id: string }) => c.id === theirs.id)).toBe(false);
    expect(
      (
        await call(t, owner, { method: 'GET', url: `/api/v1/workspaces/${otherWs}/campaigns/${theirs.id}` })
      ).json().name,
    ).toBe('Spring sale');
  });

  it('refuse bad input with 400 naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ ...spring, colour: 'green' }, 'body.colour'],
      [{ ...spring, endsOn: '2031-02-28' }, 'body.endsOn'],
      [{ ...spring, startsOn: '2031-02-30' }, 'body.startsOn'],
      [{ ...spring, workspaceId: otherWs }, 'body.workspaceId'],
      [{ ...spring, additions: { maxLength: { max: 10, severity: 'block' } } }, 'body.additions.maxLength'],
      [{ ...spring, status: 'deleted' }, 'body.status'],
      [{ ...spring, name: '  ' }, 'body.name'],
    ];
    for (const [payload, field] of cases) {
      const res = await create(manager, payload);
      expect(res.statusCode, field).toBe(400);
      expect(
        res.json().error.details.map((d: { field: string }) => d.field),
        field,
      ).toContain(field);
    }
    const { id } = (await create(manager, spring)).json();
    const endsBefore = await call(t, manager, {
      method: 'PATCH',
      url: `${base()}/${id}`,
      payload: { endsOn: '2031-02-01' },
    });
    expect(endsBefore.statusCode).toBe(400);
    expect(endsBefore.json().error.details).toEqual([
      {
        field: 'body.endsOn',
        reason: 'ends_before_start',
        message: 'The field “body.endsOn” must be on or after the start date.',
      },
    ]);
    const startsAfter = await call(t, manager, {
      method: 'PATCH',
      url: `${base()}/${id}`,
      payload: { startsOn: '2031-05-01' },
    });
    expect(startsAfter.json().error.details[0].field).toBe('body.startsOn');
    const stranger = await create(manager, {
      ...spring,
      ownerUserId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details[0].field).toBe('body.ownerUserId');
  });
});
