import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, cookieFrom, createTestApp, setupOwner, signIn, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('first-run setup and sessions', () => {
  it('says setup is needed, runs it once, then refuses it', async () => {
    expect((await call(t, null, { method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const payload = {
      email: 'first@example.com',
      name: 'First',
      password: 'correct horse battery',
      workspace: { name: 'Acme', timezone: 'Europe/Paris', locale: 'fr' },
    };
    // Concurrent attempts: exactly one wins.
    const results = await Promise.all(
      [1, 2, 3].map(() => call(t, null, { method: 'POST', url: '/api/v1/setup', payload })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const won = results.find((r) => r.statusCode === 201)!;
    const cookie = won.cookies.find((c) => c.name === 'cadence_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect((await call(t, null, { method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
  });

  it('logs in, rotates the session, and logout revokes it server-side', async () => {
    const a = await signIn(t, 'first@example.com');
    const b = await signIn(t, 'FIRST@example.com');
    expect(a.headers.cookie).not.toBe(b.headers.cookie);
    const me = await call(t, a, { method: 'GET', url: '/api/v1/auth/session' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('first@example.com');
    expect(me.body).not.toContain('passwordHash');

    const out = await call(t, a, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    // The old cookie no longer works even if the browser kept it.
    expect((await call(t, a, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await call(t, b, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
    const wrong = await call(t, null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'first@example.com', password: 'nope' },
    });
    const unknown = await call(t, null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@example.com', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('requires the CSRF token on unsafe methods with cookie auth', async () => {
    const a = await signIn(t, 'first@example.com');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: a.headers.cookie! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details).toEqual({ reason: 'csrf' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: a.headers.cookie!, 'x-csrf-token': 'x' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('ends other sessions on password change', async () => {
    const a = await signIn(t, 'first@example.com');
    const b = await signIn(t, 'first@example.com');
    const res = await call(t, a, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'correct horse battery', newPassword: 'an even better passphrase' },
    });
    expect(res.statusCode).toBe(204);
    expect((await call(t, b, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    expect((await call(t, a, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
    await call(t, a, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'an even better passphrase', newPassword: 'correct horse battery' },
    });
  });

  it('puts a request id on every response', async () => {
    const res = await call(t, null, { method: 'GET', url: '/api/health' });
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
    const missing = await call(t, null, { method: 'GET', url: '/api/v1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.requestId).toBe(missing.headers['x-request-id']);
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts on one account', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      await setupOwner(limited);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await call(limited, null, {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'owner@example.com', password: 'wrong' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      void cookieFrom;
    } finally {
      await limited.close();
    }
  });
});

describe('sliding sessions', () => {
  it('extends a session that is in use, so an active person is not signed out', async () => {
    const s = await createTestApp();
    try {
      const { owner } = await setupOwner(s);
      const start = Date.now();
      // Thirteen days on, still in use: the session slides another fourteen days.
      s.ctx.clock = () => new Date(start + 13 * 24 * 3600 * 1000);
      expect((await call(s, owner, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      s.ctx.clock = () => new Date(start + 20 * 24 * 3600 * 1000);
      expect((await call(s, owner, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      // Unused for more than fourteen days: gone.
      s.ctx.clock = () => new Date(start + 40 * 24 * 3600 * 1000);
      expect((await call(s, owner, { method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    } finally {
      await s.close();
    }
  });
});
