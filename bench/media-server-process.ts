// The API alone in its own process, for bench/media-rss-split.ts: it listens, tells its parent
// where (IPC), and samples its own memory every 10 ms, so the server's peak is measured apart
// from the client's. `mark` takes the idle figure; `report` sends the peaks over it.
import path from 'node:path';
import { loadConfig } from '@cadence/config';
import { openPglite } from '@cadence/db';
import { buildApp } from '../apps/api/src/app';

const dir = process.argv[2];
if (!dir || !process.send) throw new Error('fork me with a data directory');
const mib = (n: number) => Math.round(n / 2 ** 20);
const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
await database.migrate();
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: dir,
  PUBLISHER_IN_PROCESS: 'false',
  API_RATE_LIMIT_PER_MINUTE: '100000',
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
let idle = process.memoryUsage();
const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
setInterval(() => {
  const m = process.memoryUsage();
  for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], m[k]);
}, 10).unref();
process.on('message', async (message) => {
  if (message === 'mark') {
    global.gc?.();
    idle = process.memoryUsage();
    for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = idle[k];
    process.send?.('marked');
  } else if (message === 'report') {
    const over = Object.fromEntries(
      (Object.keys(peak) as (keyof typeof peak)[]).map((k) => [k, mib(peak[k] - idle[k])]),
    );
    process.send?.({ idleRss: mib(idle.rss), over });
    await app.close();
    await database.close();
    process.exit(0);
  }
});
process.send({ origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
