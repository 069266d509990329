// Finding 23: two processes on one embedded data directory corrupted it silently. Real processes
// here (the lock is the kernel's, so only separate processes can show it): the second refuses to
// start with a clear message, and a `kill -9` of the holder frees the directory at once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-lock-'));
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  /** Resolves with the printed address, or with the exit code if the process ends first. */
  outcome: Promise<{ url: string } | { code: number | null; stderr: string }>;
}

function startServer(): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const outcome = new Promise<{ url: string } | { code: number | null; stderr: string }>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
  return { child, outcome };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded data directory lock', () => {
  it('refuses a second process on the same directory, and frees it when the holder is killed', async () => {
    const first = startServer();
    const running = await first.outcome;
    expect(running).toHaveProperty('url');

    const second = await startServer().outcome;
    expect(second).toMatchObject({ code: 1 });
    expect((second as { stderr: string }).stderr).toContain(
      `Another Cadence process is already using the embedded database in ${path.join(dataDir, 'pglite')}`,
    );
    // The first one never noticed and still answers.
    const health = await fetch(`${(running as { url: string }).url}/api/health`);
    expect(health.status).toBe(200);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const third = startServer();
    expect(await third.outcome).toHaveProperty('url');
    third.child.kill('SIGTERM');
    await new Promise((resolve) => third.child.once('exit', resolve));
  }, 120_000);
});
