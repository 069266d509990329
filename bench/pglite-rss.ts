// What PGlite itself takes: a bare Node process opens an existing data directory through the same
// `openPglite` Cadence uses, runs a few queries, and prints its RSS (MiB) before and after, as JSON.
// `node --import tsx bench/pglite-rss.ts <pglite dir>`
import { openPglite } from '../packages/db/src/client';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-rss.ts <pglite dir>');
const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const before = rss();
const started = performance.now();
const database = await openPglite({ dataDir: dir });
const openMs = Math.round(performance.now() - started);
const opened = rss();
for (let i = 0; i < 50; i++) await database.pglite?.query('SELECT count(*) FROM posts');
const afterQueries = rss();
await database.close();
console.log(JSON.stringify({ before, opened, afterQueries, openMs }));
