// Rate limits and who the client is (issue 10, findings 5, 6, 7 and 14): limits keyed on verified
// identities and addresses, a proxy trusted for one hop only, sign-in limits that nobody can use
// to lock someone else out, and password hashes upgraded at sign-in.
import { scryptSync } from 'node:crypto';
import { users } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { call, captureLogs, createTestApp, createToken, setupOwner, type TestApp } from './helpers';

const PASSWORD = 'correct horse battery';
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A hash in the stored format with weak parameters: what accounts made before the upgrade hold. */
function weakHash(password: string, N = 2 ** 10) {
  const salt = Buffer.alloc(16, 3);
  const hash = scryptSync(password.normalize('NFKC'), salt, 32, { N, r: 8, p: 1 });
  return `scrypt$${N}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Gives the owner a cheap hash so that many failed sign-ins stay fast in tests. */
async function cheapenOwnerHash(app: TestApp, userId: string) {
  await app.ctx.database.db
    .update(users)
    .set({ passwordHash: weakHash(PASSWORD) })
    .where(eq(users.id, userId));
}

const login = (app: TestApp, password: string, remoteAddress: string, email = 'owner@example.com') =>
  app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

describe('API rate limit (finding 5)', () => {
  it('counts a token however its header is spaced', async () => {
    t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '5' });
    const { owner, workspaceId } = await setupOwner(t);
    const token = await createToken(t, owner, workspaceId, 'editor');
    const secret = (token.headers.authorization ?? '').replace(/^Bearer /, '');
    const codes: number[] = [];
    for (let spaces = 1; spaces <= 8; spaces++) {
      const res = await call(t, null, {
        method: 'GET',
        url: `/api/v1/workspaces/${workspaceId}/channels`,
        headers: { authorization: `Bearer${' '.repeat(spaces)}${secret}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('counts rotating junk credentials on an open route against the address', async () => {
    t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '5' });
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await call(t, null, {
        method: 'GET',
        url: '/api/v1/setup',
        headers: { authorization: `Bearer junk-${i}`, cookie: `cadence_session=junk-${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it('keeps an address bucket for requests whose credentials fail', async () => {
    t = await createTestApp({ API_RATE_LIMIT_PER_MINUTE: '5', API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '12' });
    const { workspaceId } = await setupOwner(t);
    const codes: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await call(t, null, {
        method: 'GET',
        url: `/api/v1/workspaces/${workspaceId}/posts`,
        headers: { authorization: `Bearer cad_junk${i}_${'x'.repeat(40)}` },
      });
      codes.push(res.statusCode);
    }
    // setup was the first request of this address: 11 more fit in its 12.
    expect(codes.slice(0, 11)).toEqual(Array(11).fill(401));
    expect(codes.slice(11)).toEqual([429, 429, 429]);
    const refused = await call(t, null, { method: 'GET', url: '/api/v1/setup' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('TRUST_PROXY (finding 6)', () => {
  const viaProxy = (app: TestApp, forwardedFor: string, remoteAddress = '10.0.0.2') =>
    app.app.inject({
      method: 'GET',
      url: '/api/v1/setup',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('takes the client address from the one proxy hop, not the left-most value a client chose', async () => {
    const logs = captureLogs('trace');
    t = await createTestApp(
      { TRUST_PROXY: 'true', API_RATE_LIMIT_PER_MINUTE: '3', LOG_LEVEL: 'trace' },
      logs.logger,
    );
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await viaProxy(t, `6.6.6.${i}, 203.0.113.7`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const addresses = logs.lines
      .map((line) => JSON.parse(line) as { msg: string; req?: { remoteAddress: string } })
      .filter((entry) => entry.msg === 'incoming request')
      .map((entry) => entry.req?.remoteAddress);
    expect(new Set(addresses)).toEqual(new Set(['203.0.113.7']));
  });

  it('trusts only the listed proxies when given addresses or CIDRs', async () => {
    t = await createTestApp({ TRUST_PROXY: '10.0.0.0/8', API_RATE_LIMIT_PER_MINUTE: '2' });
    // Through the trusted proxy: its hop is believed, the client's own claims are not.
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await viaProxy(t, `6.6.6.${i}, 203.0.113.8`)).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    // Straight from the internet: X-Forwarded-For is ignored, the peer is the client.
    const direct: number[] = [];
    for (let i = 0; i < 3; i++)
      direct.push((await viaProxy(t, `203.0.113.${50 + i}`, '198.51.100.9')).statusCode);
    expect(direct).toEqual([200, 200, 429]);
  });
});

describe('sign-in limits (finding 7)', () => {
  it('refuses an address that keeps failing, but not the right password from another address', async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    const { owner } = await setupOwner(t);
    await cheapenOwnerHash(t, owner.userId ?? '');
    const attacker = [];
    for (let i = 0; i < 3; i++) attacker.push((await login(t, 'wrong', '198.51.100.1')).statusCode);
    expect(attacker).toEqual([401, 401, 429]);
    expect((await login(t, PASSWORD, '198.51.100.1')).statusCode).toBe(429);
    expect((await login(t, PASSWORD, '203.0.113.5')).statusCode).toBe(200);
  });

  it('slows an account attacked from many addresses down, and still lets the right password in', async () => {
    const logs = captureLogs('warn');
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1', LOG_LEVEL: 'warn' }, logs.logger);
    const { owner } = await setupOwner(t);
    await cheapenOwnerHash(t, owner.userId ?? '');
    // The account's ceiling is ten attempts a minute (10 x the per-address figure), never a lock.
    for (let i = 0; i < 10; i++)
      expect((await login(t, 'wrong', `198.51.100.${10 + i}`)).statusCode).toBe(401);
    expect(logs.lines.filter((line) => line.includes('slowing down'))).toHaveLength(0);
    expect((await login(t, PASSWORD, '203.0.113.9')).statusCode).toBe(200);
    const slowed = logs.lines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg.includes('slowing down'));
    expect(slowed).toEqual([expect.objectContaining({ delayMs: 500 })]);
  });

  it('limits guesses at the current password on a password change like sign-in', async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    const { owner } = await setupOwner(t);
    await cheapenOwnerHash(t, owner.userId ?? '');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(t, owner, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: `guess-${i}`, newPassword: 'a brand new passphrase' },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([400, 400, 400, 429, 429]);
  });
});

describe('password hashing cost (finding 14)', () => {
  it('re-hashes a weak stored hash with the current parameters at sign-in', async () => {
    t = await createTestApp();
    const { owner } = await setupOwner(t);
    const { db } = t.ctx.database;
    const [created] = await db
      .select()
      .from(users)
      .where(eq(users.id, owner.userId ?? ''));
    expect(created?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);

    await cheapenOwnerHash(t, owner.userId ?? '');
    expect((await login(t, 'wrong', '198.51.100.1')).statusCode).toBe(401);
    const [afterFailure] = await db
      .select()
      .from(users)
      .where(eq(users.id, owner.userId ?? ''));
    expect(afterFailure?.passwordHash).toBe(weakHash(PASSWORD));

    expect((await login(t, PASSWORD, '198.51.100.1')).statusCode).toBe(200);
    const [upgraded] = await db
      .select()
      .from(users)
      .where(eq(users.id, owner.userId ?? ''));
    expect(upgraded?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login(t, PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });
});
