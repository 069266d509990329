// The reference row of the webhook bench (issue 18): graphile-worker 0.17, two processes, each job
// the same signed POST to the same local receiver, run in the same session as Cadence's runs and
// on the same PostgreSQL. Lag and drain are measured at the receiver exactly as for Cadence.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkerUtils, runMigrations } from 'graphile-worker';
import pg from 'pg';
import { stopGracefully } from '../apps/publisher/test/support/processes';
import type { DeliverPayload, GraphileSpec } from './graphile-worker-process';
import { drainFigures, type Receiver, startReceiver, summarise, waitFor } from './publisher-webhook';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'graphile-worker-process.ts');
const SECRET = 'bench-secret-0123456789abcdef';

export type GraphileSettings = Omit<GraphileSpec, 'connectionString'>;

async function freshQueue(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS graphile_worker CASCADE');
  await client.end();
  await runMigrations({ connectionString });
}

function startWorker(spec: GraphileSpec): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, JSON.stringify(spec)], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(proc);
    });
    proc.once('exit', (code) => reject(new Error(`graphile-worker exited (${code})`)));
  });
}

async function withWorkers<T>(
  connectionString: string,
  settings: GraphileSettings,
  body: (
    receiver: Receiver,
    add: (jobs: { runAt: Date; channel: number }[]) => Promise<Map<string, number>>,
  ) => Promise<T>,
): Promise<T> {
  await freshQueue(connectionString);
  const receiver = await startReceiver();
  const workers = await Promise.all([1, 2].map(() => startWorker({ connectionString, ...settings })));
  const utils = await makeWorkerUtils({ connectionString });
  const add = async (jobs: { runAt: Date; channel: number }[]) => {
    const due = new Map<string, number>();
    const specs = jobs.map((j) => {
      const id = randomUUID();
      due.set(id, j.runAt.getTime());
      const payload: DeliverPayload = {
        id,
        url: receiver.url,
        secret: SECRET,
        channelId: `channel-${j.channel}`,
        scheduledAt: j.runAt.toISOString(),
      };
      return { identifier: 'deliver', payload, runAt: j.runAt };
    });
    for (let i = 0; i < specs.length; i += 1000) await utils.addJobs(specs.slice(i, i + 1000));
    return due;
  };
  try {
    return await body(receiver, add);
  } finally {
    await utils.release();
    await Promise.all(workers.map((w) => stopGracefully(w)));
    await receiver.close();
  }
}

/** 2,000 jobs over 20 s on 10 "channels" (as Cadence's spread run). */
export function graphileSpread(connectionString: string, settings: GraphileSettings) {
  return withWorkers(connectionString, settings, async (receiver, add) => {
    const total = 2000;
    const start = Date.now() + 4000;
    const perChannel = total / 10;
    const due = await add(
      Array.from({ length: total }, (_, i) => ({
        channel: i % 10,
        runAt: new Date(start + Math.floor((Math.floor(i / 10) * 20_000) / perChannel)),
      })),
    );
    await waitFor(
      async () => receiver.arrivals.size >= total || Date.now() > start + 90_000,
      120_000,
      'graphile-worker deliveries',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    return summarise(receiver, due);
  });
}

/** 5,000 jobs due at one instant, 2 s after they are added (as Cadence's drain run). */
export function graphileDrain(connectionString: string, settings: GraphileSettings) {
  return withWorkers(connectionString, settings, async (receiver, add) => {
    const total = 5000;
    const instant = Date.now() + 2000;
    await add(Array.from({ length: total }, (_, i) => ({ channel: i % 100, runAt: new Date(instant) })));
    await waitFor(async () => receiver.arrivals.size >= total, 120_000, 'the graphile-worker drain');
    return drainFigures(receiver, total, instant);
  });
}
