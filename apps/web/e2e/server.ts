// Starts the real Cadence server (`pnpm start`'s entry point) on a free port with a throw-away data
// directory, and resolves with its URL once it prints "Cadence is running at <url>".
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = path.resolve(repoRoot, 'apps/web/node_modules/.bin/tsx');

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** `env` adds to the test environment (the benchmark lifts the API rate limit to seed quickly). */
export async function startServer(
  env: Record<string, string> = {},
  /** A data directory the caller keeps (and removes): a script that seeds the database between runs. */
  keptDataDir?: string,
): Promise<RunningServer> {
  const dataDir = keptDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'cadence-e2e-'));
  const child = spawn(tsx, ['apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await stopChild(child);
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await waitForUrl(child);
    return { url, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Cadence is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        // Keep draining so a chatty server never blocks on a full pipe; show its warnings.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before starting:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
