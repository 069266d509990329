// A channel's sending limit (issue 18): set on create or update, shown in the channel, cleared
// back to the network's default with null, refused with a 400 naming the field when malformed,
// and described in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, createTestApp, setupOwner, type TestApp } from './helpers';

let t: TestApp;
let owner: Caller;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, workspaceId } = await setupOwner(t));
});
afterAll(() => t.close());

describe('channel send limit', () => {
  it('is set, changed and cleared through the API', async () => {
    const base = `/api/v1/workspaces/${workspaceId}/channels`;
    const created = await call(t, owner, {
      method: 'POST',
      url: base,
      payload: {
        network: 'sandbox',
        displayName: 'Fast',
        handle: 'fast',
        sendLimit: { max: 500, perSeconds: 1 },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().sendLimit).toEqual({ max: 500, perSeconds: 1 });
    const id = created.json().id;
    const cleared = await call(t, owner, {
      method: 'PATCH',
      url: `${base}/${id}`,
      payload: { sendLimit: null },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().sendLimit).toBeNull();
    const bad = await call(t, owner, {
      method: 'PATCH',
      url: `${base}/${id}`,
      payload: { sendLimit: { max: 0, perSeconds: 1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('sendLimit');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('shared by all publishers');
    // Every network's default is stated, from the table the adapters count with.
    expect(doc.body).toContain('webhook 100 per 1 s; mastodon 30 per 1 min');
    expect(doc.body).toContain('instagram 100 per 1 d; threads 250 per 1 d');
    expect(doc.body).toContain('sendLimitWarnings');
  });
});
