// One traced run of the kill -9 bench (issue 18, decision 0318): the same run as
// bench/publisher-kill.ts (3 publishers, 2,000 webhook targets over 20 s on 10 channels, one process
// killed in turn every 3 s), plus every target's status and lease owner polled every 100 ms, so
// that each late target's claims, hand-backs and send can be read against the kill times.
//   BENCH_DATABASE_URL=postgres://… pnpm exec tsx bench/publisher-kill-trace.ts [out.json]
// Prints the slowest 1% (times in ms from the first instant; owners by pid) and writes every
// target's trace to the JSON file. Not part of `pnpm bench`: the polling adds its own load.
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { freshBenchDatabase } from '../apps/publisher/test/support/bench-db';
import { compileFixture, killHard, stopGracefully } from '../apps/publisher/test/support/processes';
import {
  scheduledAt,
  seedWebhooks,
  startReceiver,
  startWorkers,
  summarise,
  waitFor,
} from './publisher-webhook';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cadence_bench_pub';
const out = process.argv[2] ?? 'publisher-kill-trace.json';
type Rows<T> = { rows: T[] };
interface Step {
  at: number;
  status: string;
  owner: string | null;
}

await compileFixture();
const b = await freshBenchDatabase(url);
const db = b.database.db;
console.log(
  'load before',
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / '),
);
const receiver = await startReceiver();
const children: ChildProcess[] = startWorkers(url, 3);
const kills: { at: number; pid: number | undefined }[] = [];
const steps = new Map<string, Step[]>();
const pids = new Map<string, number>();
let polling = true;
try {
  await waitFor(async () => (await b.heartbeats()) >= 3, 120_000, 'publishers to start');
  const start = Date.now() + 4000;
  await seedWebhooks(b, receiver, 10, 2000, (i) => new Date(start + Math.floor((i * 20_000) / 200)));
  const due = await scheduledAt(b);
  const poller = (async () => {
    while (polling) {
      const at = Date.now() - start;
      const targets = (await db.execute(
        sql`SELECT id, status::text AS status, lease_owner FROM post_targets`,
      )) as unknown as Rows<{ id: string; status: string; lease_owner: string | null }>;
      for (const t of targets.rows) {
        const list = steps.get(t.id) ?? [];
        const last = list[list.length - 1];
        if (last?.status !== t.status || last.owner !== t.lease_owner)
          list.push({ at, status: t.status, owner: t.lease_owner });
        steps.set(t.id, list);
      }
      const beats = (await db.execute(
        sql`SELECT worker_id, pid FROM publisher_heartbeats`,
      )) as unknown as Rows<{ worker_id: string; pid: number }>;
      for (const h of beats.rows) pids.set(h.worker_id, h.pid);
      await sleep(100);
    }
  })();
  while (Date.now() < start + 23_000) {
    await sleep(3000);
    const victim = kills.length % children.length;
    kills.push({ at: Date.now() - start, pid: children[victim]?.pid });
    await killHard(children[victim] as ChildProcess);
    children[victim] = startWorkers(url, 1)[0] as ChildProcess;
  }
  await waitFor(
    async () => receiver.arrivals.size >= 2000 || Date.now() > start + 120_000,
    200_000,
    'deliveries',
  );
  await sleep(1500);
  polling = false;
  await poller;

  const figures = summarise(receiver, due);
  const traced = [...due].map(([id, instant]) => {
    const arrivals = (receiver.arrivals.get(id) ?? []).map((a) => Math.round(a - start));
    return {
      id,
      due: instant - start,
      lag: Math.round(Math.min(...(receiver.arrivals.get(id) ?? [Number.NaN])) - instant),
      arrivals,
      steps: (steps.get(id) ?? []).map((s) => ({
        ...s,
        owner: s.owner ? (pids.get(s.owner) ?? s.owner) : null,
      })),
    };
  });
  writeFileSync(out, JSON.stringify({ kills, figures, targets: traced }, null, 1));
  console.log('kills (ms, pid):', kills.map((k) => `${k.at} ${k.pid}`).join(', '));
  console.log(
    `p50 ${figures.p50.toFixed(0)} ms, p99 ${figures.p99.toFixed(0)} ms, max ${figures.max.toFixed(0)} ms, lost ${figures.lost}, repeated ids ${figures.duplicates}`,
  );
  const slowest = [...traced].sort((x, y) => y.lag - x.lag).slice(0, Math.ceil(traced.length / 100));
  for (const t of slowest)
    console.log(
      `due ${t.due} lag ${t.lag}: ${t.steps.map((s) => `${s.at} ${s.status}${s.owner ? `@${s.owner}` : ''}`).join(' | ')}`,
    );
} finally {
  polling = false;
  await Promise.all(children.map((c) => stopGracefully(c)));
  await receiver.close();
  console.log(
    'load after',
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  );
  await b.database.close();
}
