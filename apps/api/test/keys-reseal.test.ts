// Issue 10, finding 15: an old encryption key could never be retired, because nothing re-sealed
// the stored credentials. resealSecrets (and `pnpm keys:reseal`) moves every sealed value to the
// first key, bound to its row; afterwards a ring without the old key opens everything.
import { execFile } from 'node:child_process';
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { channels, type Db, mastodonApps, oauthConnectRequests, openPglite, workspaces } from '@cadence/db';
import { resealSecrets } from '@cadence/domain/security/reseal-secrets';
import { type KeyRing, open, openJson, sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from './helpers';

const OLD = { id: 'old', key: Buffer.alloc(32, 1) };
const NEW = { id: 'new', key: Buffer.alloc(32, 2) };
const oldRing: KeyRing = { keys: [OLD] };
const rotated: KeyRing = { keys: [NEW, OLD] };
const newOnly: KeyRing = { keys: [NEW] };

/** How values were sealed before version 2: no binding, "keyId:iv:tag:data". */
function legacySeal(key: { id: string; key: Buffer }, value: unknown) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [key.id, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join(':');
}

async function insertChannel(db: Db, workspaceId: string, sealed: (id: string) => string | null) {
  const id = randomUUID();
  await db.insert(channels).values({
    id,
    workspaceId,
    network: 'bluesky',
    displayName: 'Brand',
    handle: '@brand',
    credentialsSealed: sealed(id),
  });
  return id;
}

let t: TestApp;
let workspaceId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { owner, workspaceId: ws } = await setupOwner(t);
  workspaceId = ws;
  userId = owner.userId ?? '';
});
afterAll(() => t.close());

describe('resealSecrets', () => {
  it('moves every stored secret to the first key, bound to its row, so the old key can go', async () => {
    const db = t.ctx.database.db;
    const legacyChannel = await insertChannel(db, workspaceId, () =>
      legacySeal(OLD, { appPassword: 'legacy' }),
    );
    const boundChannel = await insertChannel(db, workspaceId, (id) =>
      sealJson(oldRing, { appPassword: 'bound' }, sealedIn.channelCredentials(id)),
    );
    const emptyChannel = await insertChannel(db, workspaceId, () => null);
    const appId = randomUUID();
    await db.insert(mastodonApps).values({
      id: appId,
      instanceOrigin: 'https://mastodon.example',
      redirectUri: 'https://cadence.example/api/v1/connect/callback',
      clientId: 'client',
      clientSecretSealed: legacySeal(OLD, 'app-secret'),
    });
    const requestId = randomUUID();
    await db.insert(oauthConnectRequests).values({
      id: requestId,
      stateHash: `hash-${requestId}`,
      workspaceId,
      userId,
      network: 'x',
      codeVerifierSealed: sealJson(oldRing, 'verifier', sealedIn.connectCodeVerifier(requestId)),
      redirectUri: 'https://cadence.example/api/v1/connect/callback',
      expiresAt: new Date(Date.now() + 600_000),
    });

    const reports = await resealSecrets(db, rotated, { batchSize: 1 });
    const byColumn = Object.fromEntries(reports.map((r) => [r.column, r]));
    expect(byColumn['channels.credentials_sealed']).toMatchObject({ resealed: 2, unopenable: [] });
    expect(byColumn['mastodon_apps.client_secret_sealed']).toMatchObject({ resealed: 1, unopenable: [] });
    expect(byColumn['oauth_connect_requests.code_verifier_sealed']).toMatchObject({
      resealed: 1,
      unopenable: [],
    });

    // The old key is retired: a ring with only the new one opens everything.
    const channel = async (id: string) =>
      (await db.select().from(channels).where(eq(channels.id, id)))[0]?.credentialsSealed ?? null;
    const legacy = (await channel(legacyChannel)) ?? '';
    expect(legacy.startsWith('v2:new:')).toBe(true);
    expect(openJson(newOnly, legacy, sealedIn.channelCredentials(legacyChannel))).toEqual({
      appPassword: 'legacy',
    });
    const bound = (await channel(boundChannel)) ?? '';
    expect(openJson(newOnly, bound, sealedIn.channelCredentials(boundChannel))).toEqual({
      appPassword: 'bound',
    });
    expect(await channel(emptyChannel)).toBeNull();
    const [app] = await db.select().from(mastodonApps).where(eq(mastodonApps.id, appId));
    expect(openJson(newOnly, app?.clientSecretSealed ?? '', sealedIn.mastodonClientSecret(appId))).toBe(
      'app-secret',
    );
    const [request] = await db
      .select()
      .from(oauthConnectRequests)
      .where(eq(oauthConnectRequests.id, requestId));
    expect(
      openJson(newOnly, request?.codeVerifierSealed ?? '', sealedIn.connectCodeVerifier(requestId)),
    ).toBe('verifier');

    // Running it again changes nothing.
    const again = await resealSecrets(db, rotated);
    expect(again.every((r) => r.resealed === 0 && r.unopenable.length === 0)).toBe(true);
    expect(await channel(legacyChannel)).toBe(legacy);
  });

  it('reports a value copied from another row instead of moving it (the binding holds)', async () => {
    const db = t.ctx.database.db;
    const victim = await insertChannel(db, workspaceId, (id) =>
      sealJson(newOnly, { appPassword: 'victim' }, sealedIn.channelCredentials(id)),
    );
    const stolen =
      (await db.select().from(channels).where(eq(channels.id, victim)))[0]?.credentialsSealed ?? '';
    const copy = await insertChannel(db, workspaceId, () => stolen);
    expect(() => open(newOnly, stolen, sealedIn.channelCredentials(copy))).toThrow();
    const [report] = await resealSecrets(db, newOnly);
    expect(report?.unopenable.map((u) => u.id)).toEqual([copy]);
  });
});

// The command itself, on an embedded data directory (the server is stopped, as documented).
describe('pnpm keys:reseal', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-reseal-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const keys = (ring: KeyRing) => ring.keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

  it('reseals with the first key and names the keys that can be removed', async () => {
    // Starting from the suite's migrated dump (PGlite runs only) skips initdb, seconds on a busy machine.
    const dumpPath = inject('testDbDumpPath');
    const database = await openPglite({
      dataDir: path.join(dataDir, 'pglite'),
      ...(existsSync(dumpPath) ? { loadDataDir: new Blob([readFileSync(dumpPath)]) } : {}),
    });
    await database.migrate();
    const [ws] = await database.db
      .insert(workspaces)
      .values({ name: 'Acme', timezone: 'Europe/Paris' })
      .returning();
    const channelId = await insertChannel(database.db, ws?.id ?? '', () => legacySeal(OLD, { token: 't' }));
    await database.close();

    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'apps/api/src/keys-reseal.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        ENCRYPTION_KEYS: keys(rotated),
      },
    });
    expect(stdout).toContain('channels.credentials_sealed: 1 resealed');
    expect(stdout).toContain('Keys no longer needed: old');

    const reopened = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const [row] = await reopened.db.select().from(channels).where(eq(channels.id, channelId));
      expect(openJson(newOnly, row?.credentialsSealed ?? '', sealedIn.channelCredentials(channelId))).toEqual(
        {
          token: 't',
        },
      );
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
