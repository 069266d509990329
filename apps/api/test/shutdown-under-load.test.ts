// Finding 26: a SIGTERM to the process a user starts (`pnpm start`) while it is busy must drain,
// not end in a SIGKILL: through tsx, SIGTERM was followed by SIGKILL within ~60 ms, "publisher
// stopped" was never logged and each round left an idempotency key "in progress".
// This starts `pnpm start` for real (it builds what changed first), loads it with idempotent
// creates, sends SIGTERM to pnpm, and then reads the data directory it left.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idempotencyKeys, openPglite, posts } from '@cadence/db';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createPostRequest,
  type LiveServer,
  pnpmCommand,
  setUpClient,
  startLive,
} from './support/live-server';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-shutdown-'));
let server: LiveServer | undefined;

afterAll(() => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm start under SIGTERM', () => {
  it('drains in-flight requests, stops the publisher and leaves no key in progress', async () => {
    server = await startLive(pnpmCommand(['start']), {
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: dataDir,
      API_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const live = server;
    const client = await setUpClient(live.url);

    const acknowledged: string[] = [];
    const failures: number[] = [];
    let stopping = false;
    let n = 0;
    const worker = async () => {
      while (!stopping) {
        const i = n++;
        const text = `load ${i}`;
        try {
          const res = await fetch(`${live.url}/api/v1/workspaces/${client.workspaceId}/posts`, {
            ...createPostRequest(client, text, `key-${i}`),
          });
          await res.text();
          if (res.status === 201) acknowledged.push(text);
          else if (res.status !== 503) failures.push(res.status); // 503: arrived while closing
        } catch {
          return; // the server has closed its port
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged.length < 20) {
      expect(failures).toEqual([]);
      await new Promise((r) => setTimeout(r, 50));
    }

    live.child.kill('SIGTERM'); // pnpm's pid: what a supervisor or `kill` reaches
    const code = await live.exited;
    stopping = true;
    await Promise.all(workers);

    expect(failures).toEqual([]);
    expect(code, live.output()).toBe(0);
    expect(live.output()).toContain('publisher stopped');
    expect(live.output()).not.toMatch(/SIGKILL|ELIFECYCLE/);

    const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const stored = await database.db.select({ text: posts.text }).from(posts);
      const texts = new Set(stored.map((p) => p.text));
      // Every create that answered 201 was committed before its answer left.
      expect(acknowledged.filter((t) => !texts.has(t))).toEqual([]);
      const inProgress = await database.db
        .select({ id: idempotencyKeys.id })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.state, 'in_progress'));
      expect(inProgress).toEqual([]);
    } finally {
      await database.close();
    }
  }, 400_000);
});
