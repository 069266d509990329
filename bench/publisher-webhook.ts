// The publisher measured from outside (issue 18): real publisher processes on PostgreSQL send
// signed webhook POSTs to a local receiver in this process, which records each arrival. Lag is the
// arrival time at the receiver minus the target's scheduled instant, not the publisher's own clock.
import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { freshBenchDatabase } from '../apps/publisher/test/support/bench-db';
import { startPublisher, stopGracefully } from '../apps/publisher/test/support/processes';
import {
  seedChannel,
  seedScheduledPosts,
  seedWorkspace,
  testKeyRing,
} from '../apps/publisher/test/support/seed';

type Bench = Awaited<ReturnType<typeof freshBenchDatabase>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMs = () => performance.timeOrigin + performance.now();

export interface Receiver {
  url: string;
  arrivals: Map<string, number[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const at = nowMs();
    const id = String(req.headers['x-cadence-delivery'] ?? '');
    arrivals.set(id, [...(arrivals.get(id) ?? []), at]);
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const env = {
  ALLOW_PRIVATE_NETWORK_URLS: 'true',
  ENCRYPTION_KEYS: `${testKeyRing.keys[0]?.id}:${testKeyRing.keys[0]?.key.toString('base64')}`,
};

export function startWorkers(url: string, n: number): ChildProcess[] {
  return Array.from({ length: n }, () =>
    startPublisher(
      url,
      { mode: 'real', options: { claimBatch: 500, maxHeld: 5000, maxConcurrentCalls: 64 } },
      env,
      { compiled: true },
    ),
  );
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function seedWebhooks(
  b: Bench,
  receiver: Receiver,
  channelCount: number,
  targets: number,
  at: (i: number) => Date,
) {
  const db = b.database.db;
  const workspaceId = await seedWorkspace(db);
  const channels = [];
  for (let i = 0; i < channelCount; i++)
    channels.push({
      id: await seedChannel(db, workspaceId, 'webhook', {
        url: receiver.url,
        secret: 'bench-secret-0123456789abcdef',
      }),
      network: 'webhook' as const,
    });
  return seedScheduledPosts(db, { workspaceId, channels, count: targets / channelCount, at });
}

export async function scheduledAt(b: Bench): Promise<Map<string, number>> {
  const result = await b.database.db.execute(sql`SELECT id, scheduled_at FROM post_targets`);
  const rows = (result as unknown as { rows: { id: string; scheduled_at: string | Date }[] }).rows;
  return new Map(rows.map((r) => [r.id, new Date(r.scheduled_at).getTime()]));
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

export function summarise(receiver: Receiver, due: Map<string, number>) {
  const lags: number[] = [];
  let duplicates = 0;
  for (const [id, at] of due) {
    const got = receiver.arrivals.get(id);
    if (!got?.length) continue;
    duplicates += got.length - 1;
    lags.push(Math.min(...got) - at);
  }
  lags.sort((a, b) => a - b);
  return {
    delivered: lags.length,
    lost: due.size - lags.length,
    duplicates,
    p50: pct(lags, 0.5),
    p99: pct(lags, 0.99),
    min: lags[0] ?? Number.NaN,
    max: lags[lags.length - 1] ?? Number.NaN,
  };
}

/** 2,000 targets spread over 20 s on `channels` webhook channels, 2 publisher processes. */
export async function spreadRun(b: Bench, url: string, channels: number) {
  await b.reset();
  const receiver = await startReceiver();
  const children = startWorkers(url, 2);
  try {
    await waitFor(async () => (await b.heartbeats()) >= 2, 120_000, 'publishers to start');
    const total = 2000;
    const start = Date.now() + 4000;
    await seedWebhooks(
      b,
      receiver,
      channels,
      total,
      (i) => new Date(start + Math.floor((i * 20_000) / (total / channels))),
    );
    const due = await scheduledAt(b);
    await waitFor(
      async () => receiver.arrivals.size >= total || Date.now() > start + 90_000,
      120_000,
      'deliveries',
    );
    await sleep(500);
    return summarise(receiver, due);
  } finally {
    await Promise.all(children.map((c) => stopGracefully(c)));
    await receiver.close();
  }
}

/** From the instant to the last arrival; the first arrival's lag; repeats and missing ids. */
export function drainFigures(receiver: Receiver, total: number, instant: number) {
  const all = [...receiver.arrivals.values()].map((a) => Math.min(...a)).sort((x, y) => x - y);
  const duplicates = [...receiver.arrivals.values()].reduce((n, a) => n + a.length - 1, 0);
  const seconds = ((all[all.length - 1] ?? instant) - instant) / 1000;
  return {
    perSecond: Math.round(total / seconds),
    seconds,
    first: (all[0] ?? Number.NaN) - instant,
    duplicates,
    lost: total - receiver.arrivals.size,
  };
}

/** 5,000 targets due at one instant across 100 webhook channels, 2 publisher processes. */
export async function drainRun(b: Bench, url: string) {
  await b.reset();
  const receiver = await startReceiver();
  const children = startWorkers(url, 2);
  try {
    await waitFor(async () => (await b.heartbeats()) >= 2, 120_000, 'publishers to start');
    const total = 5000;
    await seedWebhooks(b, receiver, 100, total, () => new Date(Date.now() + 3_600_000));
    // Moved to one instant once the processes are up, so start-up is not measured.
    const instant = Date.now() + 2000;
    await b.moveAllTo(new Date(instant));
    await waitFor(async () => receiver.arrivals.size >= total, 120_000, 'the drain');
    return drainFigures(receiver, total, instant);
  } finally {
    await Promise.all(children.map((c) => stopGracefully(c)));
    await receiver.close();
  }
}
