// A person changes their own name and language, and nobody else's: the id comes from the session.
import { users } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './helpers';
import { buildWorld, type PostsWorld } from './posts-fixtures';

let t: TestApp;
let w: PostsWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const patch = (who: PostsWorld['editor'] | PostsWorld['token'] | null, payload: Record<string, unknown>) =>
  call(t, who, { method: 'PATCH', url: '/api/v1/auth/profile', payload });

describe('PATCH /auth/profile', () => {
  it('changes my name and language, and the session shows them', async () => {
    const res = await patch(w.editor, { name: '  Élise Martin ', locale: 'fr' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: w.editor.userId, name: 'Élise Martin', locale: 'fr' });
    const me = (await call(t, w.editor, { method: 'GET', url: '/api/v1/auth/session' })).json();
    expect(me.user).toMatchObject({ name: 'Élise Martin', locale: 'fr' });
  });

  it('cannot reach another account: an id in the body is refused, not followed', async () => {
    const before = await t.ctx.database.db
      .select()
      .from(users)
      .where(eq(users.id, w.viewer.userId as string));
    const res = await patch(w.editor, { id: w.viewer.userId, name: 'Pirate' });
    expect(res.statusCode).toBe(400);
    const after = await t.ctx.database.db
      .select()
      .from(users)
      .where(eq(users.id, w.viewer.userId as string));
    expect(after[0]?.name).toBe(before[0]?.name);
  });

  it('names the field of bad input and needs a signed-in person (not an API token)', async () => {
    const empty = await patch(w.editor, { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body.name');
    const lang = await patch(w.editor, { locale: 'de' });
    expect(lang.json().error.details[0].field).toBe('body.locale');
    expect((await patch(null, { name: 'Nobody' })).statusCode).toBe(401);
    expect([401, 403]).toContain((await patch(w.token, { name: 'A robot' })).statusCode);
  });
});
