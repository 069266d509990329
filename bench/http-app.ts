// The real app listening on a port over a bench's PostgreSQL database, with an API token of the
// given role, and one keep-alive client: how the benches measure what an API client feels.
import { loadConfig } from '@cadence/config';
import { randomBytes } from 'node:crypto';
import { apiTokens, connectPostgres, sessions } from '@cadence/db';
import { newApiToken, sha256 } from '@cadence/domain/security/tokens';
import { Pool } from 'undici';
import { buildApp } from '../apps/api/src/app';

export interface BenchApp {
  database: ReturnType<typeof connectPostgres>;
  /** A request with the token; throws with the answer's start on any status of 300 or more. */
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchApp(input: {
  databaseUrl: string;
  workspaceId: string;
  ownerId: string;
  role: 'viewer' | 'owner';
  connections?: number;
  /** For requests that take minutes (a report over a year before roll-ups). */
  timeoutMs?: number;
  /** Calls as this person through a session (routes for people only, such as approvals), not the token. */
  sessionUserId?: string;
}): Promise<BenchApp> {
  const config = loadConfig({
    DATABASE_URL: input.databaseUrl,
    LOG_LEVEL: 'silent',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const database = connectPostgres(input.databaseUrl, config.databasePoolSize);
  const token = newApiToken();
  await database.db.insert(apiTokens).values({
    workspaceId: input.workspaceId,
    name: 'bench',
    role: input.role,
    createdByUserId: input.ownerId,
    prefix: token.prefix,
    tokenHash: token.hash,
  });
  const session = input.sessionUserId ? await openSession(database, input.sessionUserId) : null;
  const app = await buildApp(
    {
      config,
      database,
      keyRing: { keys: [{ id: 'bench', key: Buffer.alloc(32, 1) }] },
      clock: () => new Date(),
    },
    { logger: false },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const http = new Pool(`http://127.0.0.1:${port}`, {
    connections: input.connections ?? 1,
    ...(input.timeoutMs ? { headersTimeout: input.timeoutMs, bodyTimeout: input.timeoutMs } : {}),
  });
  return {
    database,
    async call(method, path, body) {
      const res = await http.request({
        method,
        path,
        headers: {
          ...(session
            ? { cookie: `cadence_session=${session.cookie}`, 'x-csrf-token': session.csrf }
            : { authorization: `Bearer ${token.token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.body.text();
      if (res.statusCode >= 300) throw new Error(`${path} answered ${res.statusCode}: ${text.slice(0, 300)}`);
      return text;
    },
    async close() {
      await http.close();
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in session for the user, as the sign-in route would store it (cookie hashed). */
async function openSession(database: BenchApp['database'], userId: string) {
  const cookie = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  await database.db.insert(sessions).values({
    idHash: sha256(cookie),
    userId,
    csrfToken: csrf,
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return { cookie, csrf };
}
