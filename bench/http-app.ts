// The real app listening on a port over a bench's PostgreSQL database, with an API token of the
// given role, and one keep-alive client: how the benches measure what an API client feels.
import { loadConfig } from '@cadence/config';
import { apiTokens, connectPostgres } from '@cadence/db';
import { newApiToken } from '@cadence/domain/security/tokens';
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
          authorization: `Bearer ${token.token}`,
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
