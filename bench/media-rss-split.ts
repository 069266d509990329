// Where the media bench's peak RSS comes from (issue 14): the server in its own process (forked,
// bench/media-server-process.ts) and the client here, 20 uploads of a ~5 MB JPEG at once, each
// side's peak over its idle. Run once per setting to compare, e.g. glibc's malloc arenas:
//   node --import tsx bench/media-rss-split.ts
//   MALLOC_ARENA_MAX=2 node --import tsx bench/media-rss-split.ts
import { fork } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { request } from 'undici';

const CONCURRENT = 20;
const BOUNDARY = '----cadence-bench';
const dir = await mkdtemp(path.join(os.tmpdir(), 'cadence-bench-media-split-'));
const image = path.join(dir, 'photo.jpg');
await writeFile(
  image,
  await sharp({
    create: {
      width: 3300,
      height: 2200,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer(),
);
const child = fork(path.join(import.meta.dirname, 'media-server-process.ts'), [dir], {
  execArgv: ['--import', 'tsx', '--expose-gc'],
  env: process.env,
});
const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
const { origin } = (await next()) as { origin: string };
async function* multipart(): AsyncGenerator<Buffer> {
  yield Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  for await (const chunk of createReadStream(image)) yield chunk as Buffer;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}
const setup = await request(`${origin}/api/v1/setup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    email: 'bench@example.com',
    name: 'Bench',
    password: 'correct horse battery',
    workspace: { name: 'Bench', timezone: 'Europe/Paris', locale: 'en' },
  }),
});
const cookie = String(setup.headers['set-cookie']).split(';')[0] ?? '';
const body = (await setup.body.json()) as { csrfToken: string; workspaces: { id: string }[] };
const url = `${origin}/api/v1/workspaces/${body.workspaces[0]?.id}/media`;
const upload = async () => {
  const res = await request(url, {
    method: 'POST',
    headers: {
      cookie,
      'x-csrf-token': body.csrfToken,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: Readable.from(multipart()),
    // On a loaded shared host the last of 20 answers comes after undici's default 300 s.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  const text = await res.body.text();
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${text}`);
};
await upload();
await new Promise((r) => setTimeout(r, 500));
child.send('mark');
await next();
const clientIdle = process.memoryUsage().rss;
let clientPeak = clientIdle;
const sampler = setInterval(() => {
  clientPeak = Math.max(clientPeak, process.memoryUsage().rss);
}, 10);
const started = performance.now();
await Promise.all(Array.from({ length: CONCURRENT }, upload));
const wallMs = Math.round(performance.now() - started);
clearInterval(sampler);
child.send('report');
const server = await next();
console.log(
  JSON.stringify({
    mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? 'default',
    wallMs,
    server,
    clientOverIdleMiB: Math.round((clientPeak - clientIdle) / 2 ** 20),
  }),
);
await rm(dir, { recursive: true, force: true });
