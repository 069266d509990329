// Starts publisher fixture processes against a database and kills them, gracefully or not.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureSpec } from '../fixtures/recording-publisher';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const fixture = path.join(root, 'apps/publisher/test/fixtures/recording-publisher.ts');

/** Where `compileFixture` writes the fixture: three levels below the root, like the server's bundles. */
const compiledFixture = path.join(root, 'apps/publisher/dist/recording-publisher.js');

/**
 * Bundles the fixture as `pnpm start` bundles the server, so that benches start compiled processes
 * (what a user runs) instead of paying tsx's compile at every start. Run once before
 * `startPublisher(..., { compiled: true })`.
 */
export async function compileFixture(): Promise<void> {
  const { bundleEntries } = await import('../../../../tools/build/bundle-server.mjs');
  await bundleEntries(root, { 'recording-publisher': path.relative(root, fixture) }, 'apps/publisher/dist');
}

export function startPublisher(
  databaseUrl: string,
  spec: FixtureSpec,
  env: Record<string, string> = {},
  how: { compiled?: boolean } = {},
): ChildProcess {
  const args = how.compiled
    ? ['--enable-source-maps', compiledFixture, JSON.stringify(spec)]
    : ['--import', 'tsx', fixture, JSON.stringify(spec)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '6',
      LOG_LEVEL: process.env.PUBLISHER_TEST_LOGS ? 'info' : 'error',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export function stopGracefully(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
