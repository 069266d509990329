// Issue 10: the worst inputs of findings 1 (charter check), 2 (queue slot search), 9 (export) and
// the bulk/CSV endpoints (finding 27), each sent to the real app (embedded PGlite, the default,
// with the in-process publisher running, as `pnpm start` runs it) while another client polls
// /api/health. Reported per scenario: health latency and the server's event-loop delay.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '@cadence/config';
import { type Db, openDatabase } from '@cadence/db';
import { sql } from 'drizzle-orm';
import { Pool } from 'undici';
import { buildApp } from '../apps/api/src/app';
import { startInProcessPublisher } from '../apps/api/src/in-process-publisher';
import { percentile, probe } from './eventloop-probe';
import type { BenchSection } from './run';

const NETWORKS = [
  'mastodon',
  'bluesky',
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'threads',
  'webhook',
  'sandbox',
];
const PHRASES = Array.from({ length: 500 }, (_, i) => `${'offre '.repeat(30)}fin${i}`);
const LONG_TEXT = `${'offre '.repeat(16_600)}${PHRASES[7]}`;
const LOOP_RESOLUTION_MS = 10;

type Json = Record<string, unknown>;

export default async function eventLoopBench(): Promise<BenchSection[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadence-eventloop-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    ALLOW_PRIVATE_NETWORK_URLS: 'true',
  });
  const database = await openDatabase(config);
  await database.migrate();
  const ctx = {
    config,
    database,
    keyRing: { keys: [{ id: 'bench', key: Buffer.alloc(32, 1) }] },
    clock: () => new Date(),
  };
  const app = await buildApp(ctx, { logger: false });
  const publisher = startInProcessPublisher(ctx, app.log);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const http = new Pool(base, { connections: 4 });
  try {
    return [await run(base, http, database.db)];
  } finally {
    await http.close();
    await publisher?.stop();
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(base: string, http: Pool, db: Db): Promise<BenchSection> {
  // A person's session (cookie + CSRF token) for setup, then their bearer tokens for the load.
  let cookie = '';
  let csrf = '';
  const request = async (
    auth: Record<string, string> | null,
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await http.request({
      method: method as 'GET',
      path: url,
      headers: {
        ...(auth ?? (cookie ? { cookie, 'x-csrf-token': csrf } : {})),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.body.text();
    return { status: res.statusCode, text, json: () => JSON.parse(text) as Json, headers: res.headers };
  };
  const send = (method: string, url: string, body?: unknown) => request(null, method, url, body);
  const setup = await send('POST', '/api/v1/setup', {
    email: 'owner@example.com',
    name: 'Olivia Owner',
    password: 'correct horse battery',
    workspace: { name: 'Bench', timezone: 'Europe/Paris', locale: 'fr' },
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${setup.text}`);
  cookie = String(setup.headers['set-cookie']).split(';')[0] ?? '';
  csrf = String(setup.json().csrfToken);
  const ws = String((setup.json().workspaces as { id: string }[])[0]?.id);
  const api = `/api/v1/workspaces/${ws}`;
  type Answer = Awaited<ReturnType<typeof send>>;
  const expectStatus = async (p: Promise<Answer>, ...ok: number[]) => {
    const res = await p;
    if (!ok.includes(res.status)) throw new Error(`unexpected ${res.status}: ${res.text.slice(0, 300)}`);
    return res;
  };

  // Charter: the hostile phrase list and posting windows (findings 1 and 2).
  const windows = {
    byWeekday: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
    severity: 'warn',
  };
  await expectStatus(
    send('PUT', `${api}/charter`, {
      rules: { rules: { bannedPhrases: { phrases: PHRASES, severity: 'warn' }, postingWindows: windows } },
      baseVersion: 0,
    }),
    200,
  );
  // 20 channels sharing 200 weekly slots, 20 whose slots never meet.
  const weekOfSlots = (offset: number) =>
    [1, 2, 3, 4, 5, 6, 7]
      .flatMap((weekday) =>
        Array.from({ length: 29 }, (_, k) => {
          const m = k * 48 + offset;
          return {
            weekday,
            localTime: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
          };
        }),
      )
      .slice(0, 200);
  const shared: string[] = [];
  const apart: string[] = [];
  for (let i = 0; i < 40; i++) {
    const res = await expectStatus(
      send('POST', `${api}/channels`, { network: 'sandbox', displayName: `Channel ${i}`, handle: `@c${i}` }),
      201,
    );
    const id = String(res.json().id);
    await expectStatus(
      send('PUT', `${api}/channels/${id}/queue-slots`, { slots: weekOfSlots(i < 20 ? 0 : i - 20) }),
      200,
    );
    (i < 20 ? shared : apart).push(id);
  }
  const token = async (role: string) => {
    const res = await expectStatus(send('POST', `${api}/api-tokens`, { name: role, role }), 201);
    return { authorization: `Bearer ${String(res.json().token)}` };
  };
  const manager = await token('manager');
  // An editor person (invited, then registered): a token's posts are its creator's, the owner's,
  // and nobody approves their own.
  const invited = await expectStatus(
    send('POST', `${api}/invitations`, { email: 'editor@example.com', role: 'editor' }),
    201,
  );
  const registered = await expectStatus(
    request({}, 'POST', '/api/v1/invitations/register', {
      token: invited.json().token,
      name: 'Edith Editor',
      password: 'correct horse battery',
    }),
    201,
  );
  const editor = {
    cookie: String(registered.headers['set-cookie']).split(';')[0] ?? '',
    'x-csrf-token': String(registered.json().csrfToken),
  };
  const as =
    (who: Record<string, string>) =>
    (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      request(who, method, url, body, headers);
  const asEditor = as(editor);
  const asManager = as(manager);

  // Posts to queue: written by the editor token, approved by the owner (a different person).
  const approved = async (channels: string[], text: string) => {
    const created = await expectStatus(
      asEditor('POST', `${api}/posts`, { text, targets: channels.map((channelId) => ({ channelId })) }),
      201,
    );
    const post = created.json() as { id: string; contentRevision: number };
    await expectStatus(asEditor('POST', `${api}/posts/${post.id}/submit`, {}), 200);
    await expectStatus(
      send('POST', `${api}/posts/${post.id}/approve`, { contentRevision: post.contentRevision }),
      200,
    );
    return post.id;
  };
  const toQueue: string[] = [];
  for (let i = 0; i < 5; i++) toQueue.push(await approved(shared, `Shared ${i}`));
  const nowhere: string[] = [];
  for (let i = 0; i < 5; i++) nowhere.push(await approved(apart, `Apart ${i}`));

  // Export: 2,400 posts of 25,000 characters in one month (about 58 MiB of text, under the cap).
  const big = Array.from({ length: 100 }, (_, i) => ({
    text: `${'x'.repeat(24_990)} ${i}`,
    targets: [{ channelId: shared[0] }],
  }));
  for (let round = 0; round < 24; round++) {
    const res = await expectStatus(asEditor('POST', `${api}/posts/bulk`, { items: big }), 200);
    if (res.json().created !== big.length) throw new Error(`bulk seed: ${res.text.slice(0, 300)}`);
  }
  // The bulk posts are drafts without a date: give them one in March 2027, one minute apart.
  await db.execute(sql`
    update post_targets t set scheduled_at = timestamptz '2027-03-01 06:00Z' + make_interval(mins => s.n::int)
    from (select id, row_number() over (order by id) as n from post_targets
          where channel_id = ${shared[0]}::uuid and scheduled_at is null) s
    where t.id = s.id`);
  const bulkItems = Array.from({ length: 500 }, (_, i) => ({
    text: `${'Bulk post with some words. '.repeat(550)} ${i}`,
    targets: shared.map((channelId) => ({ channelId })),
  }));
  const csv = [
    'text,channels',
    ...Array.from({ length: 500 }, (_, i) => `Imported row ${i} ${'word '.repeat(200)},Channel ${i % 20}`),
  ].join('\n');

  const exported: number[] = [];
  const scenarios: { name: string; requests: string; work: () => Promise<number[]> }[] = [
    {
      name: 'charter check, 500 phrases x 185 chars, 100,000-char text, 9 networks (finding 1)',
      requests: '10 in a row',
      work: async () => {
        const codes = [];
        for (let i = 0; i < 10; i++)
          codes.push(
            (await asEditor('POST', `${api}/charter/check`, { text: LONG_TEXT, networks: NETWORKS })).status,
          );
        return codes;
      },
    },
    {
      name: 'charter check, nine different 100,000-char texts (refused: over the work budget)',
      requests: '5 in a row',
      work: async () => {
        const codes = [];
        const targets = shared
          .slice(0, 9)
          .map((channelId, i) => ({ channelId, text: `${i} ${LONG_TEXT}`.slice(0, 100_000) }));
        for (let i = 0; i < 5; i++)
          codes.push((await asEditor('POST', `${api}/charter/check`, { text: 'x', targets })).status);
        return codes;
      },
    },
    {
      name: 'add to queue, 20 channels x 200 weekly slots, posting windows (finding 2)',
      requests: '5 posts in a row',
      work: async () =>
        Promise.all(
          toQueue.map(async (id) => (await asManager('POST', `${api}/posts/${id}/queue`, {})).status),
        ),
    },
    {
      name: 'add to queue, 20 channels sharing no slot (finding 2)',
      requests: '5 posts in a row',
      work: async () => {
        const codes = [];
        for (const id of nowhere)
          codes.push((await asManager('POST', `${api}/posts/${id}/queue`, {})).status);
        return codes;
      },
    },
    {
      name: 'next 50 queue slots of a 200-slot channel (finding 2)',
      requests: '20 in a row',
      work: async () => {
        const codes = [];
        for (let i = 0; i < 20; i++)
          codes.push(
            (await asEditor('GET', `${api}/channels/${shared[1]}/queue-slots/next?count=50`)).status,
          );
        return codes;
      },
    },
    {
      name: 'JSON export of 2,400 posts of 24,990 chars, then two CSV exports at once (finding 9)',
      requests: '1 + 2 at once',
      work: async () => {
        const range = 'from=2027-03-01&to=2027-04-01';
        const first = await asEditor('GET', `${api}/posts/export?${range}&format=json`);
        exported.push(first.text.length);
        const both = await Promise.all(
          [0, 1].map(async () => {
            const res = await asEditor('GET', `${api}/posts/export?${range}`);
            exported.push(res.text.length);
            return res.status;
          }),
        );
        return [first.status, ...both];
      },
    },
    {
      name: 'bulk create, 500 posts x 20 targets, 8 MB (finding 27)',
      requests: '1',
      work: async () => [(await asEditor('POST', `${api}/posts/bulk`, { items: bulkItems })).status],
    },
    {
      name: 'CSV import, 500 rows (finding 27)',
      requests: '1',
      work: async () => [
        (await asEditor('POST', `${api}/posts/import`, csv, { 'content-type': 'text/csv' })).status,
      ],
    },
  ];

  const rows: string[] = [];
  // EVENTLOOP_ONLY=<words> runs the scenarios whose name contains them (to profile one).
  const only = process.env.EVENTLOOP_ONLY;
  for (const scenario of scenarios.filter((s) => !only || s.name.includes(only))) {
    let codes: number[] = [];
    const start = performance.now();
    const measured = await probe(`${base}/api/health`, async () => {
      codes = await scenario.work();
    });
    const seconds = (performance.now() - start) / 1000;
    const loop = (ms: number) => Math.max(0, ms - LOOP_RESOLUTION_MS).toFixed(0);
    const statuses = [...new Set(codes)]
      .map((c) => `${c} x${codes.filter((x) => x === c).length}`)
      .join(', ');
    rows.push(
      `| ${scenario.name} | ${scenario.requests}: ${statuses} | ${seconds.toFixed(1)} | ${measured.health.length} | ${percentile(measured.health, 50).toFixed(0)} | ${percentile(measured.health, 99).toFixed(0)} | ${Math.max(...measured.health).toFixed(0)} | ${loop(measured.loopP99)} | ${loop(measured.loopMax)} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  return {
    title: 'Event loop under the worst inputs (issue 10)',
    lines: [
      'The real app on a port, embedded PGlite (the default) with the in-process publisher running, one API client sending each scenario while a second client, in its own thread, polls `GET /api/health` every 20 ms. Health: latency of each poll in ms. Loop delay: `perf_hooks.monitorEventLoopDelay` in the server during the scenario, in ms beyond its 10 ms sampling interval (how long the loop was held). Aim: health p99 under 200 ms, no request holding the loop over 100 ms.',
      `Machine load average at the start: ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores (shared with other work).`,
      '',
      '| scenario | requests: answers | s | health polls | health p50 | health p99 | health max | loop delay p99 | loop delay max |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Exports sent ${exported.map((n) => `${(n / 2 ** 20).toFixed(1)} MiB`).join(', ')} (characters).`,
    ],
  };
}
