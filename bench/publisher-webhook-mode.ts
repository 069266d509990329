// Webhook mode of `pnpm bench publisher` (issue 18): Cadence's runs and graphile-worker's reference
// runs alternate in the same session, medians of 3, measured at the same local receiver.
import { loadavg } from 'node:os';
import type { freshBenchDatabase } from '../apps/publisher/test/support/bench-db';
import { type GraphileSettings, graphileDrain, graphileSpread } from './graphile-reference';
import { drainRun, spreadRun } from './publisher-webhook';
import type { BenchSection } from './run';

type Bench = Awaited<ReturnType<typeof freshBenchDatabase>>;
type Spread = Awaited<ReturnType<typeof spreadRun>>;
type Drain = Awaited<ReturnType<typeof drainRun>>;

/** graphile-worker as the issue measured it: polling every 200 ms for scheduled jobs... */
const GRAPHILE_SPREAD: GraphileSettings = { concurrency: 10, pollInterval: 200, localQueue: 0 };
/** ...and at its fastest for a burst: 50 at once, jobs fetched 500 at a time, completions batched. */
const GRAPHILE_DRAIN: GraphileSettings = { concurrency: 50, pollInterval: 200, localQueue: 500 };
const RUNS = 3;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (v: number) => `${v.toFixed(0)} ms`;
const list = <T>(runs: T[], pick: (r: T) => number, unit = ms) => runs.map((r) => unit(pick(r))).join(', ');
const rate = (v: number) => `${v.toLocaleString('en')}/s`;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

export async function webhookMode(b: Bench, url: string): Promise<BenchSection> {
  const loadBefore = load();
  const spread: Spread[] = [];
  const gSpread: Spread[] = [];
  for (let i = 0; i < RUNS; i++) {
    spread.push(await spreadRun(b, url, 10));
    gSpread.push(await graphileSpread(url, GRAPHILE_SPREAD));
  }
  const one = await spreadRun(b, url, 1);
  const drains: Drain[] = [];
  const gDrains: Drain[] = [];
  for (let i = 0; i < RUNS; i++) {
    drains.push(await drainRun(b, url));
    gDrains.push(await graphileDrain(url, GRAPHILE_DRAIN));
  }
  const loadAfter = load();
  const m = <T>(runs: T[], pick: (r: T) => number) => median(runs.map(pick));
  const ours = [...spread, one, ...drains];
  const dup = ours.reduce((n, r) => n + r.duplicates, 0);
  const lost = ours.reduce((n, r) => n + r.lost, 0);
  const p99 = m(spread, (r) => r.p99);
  const min = m(spread, (r) => r.min);
  const perSecond = m(drains, (r) => r.perSecond);
  const first = m(drains, (r) => r.first);
  const theirRate = m(gDrains, (r) => r.perSecond);
  return {
    title: 'Publisher through real HTTP (webhook mode)',
    lines: [
      '`PUBLISHER_BENCH=webhook pnpm bench publisher` (the whole `pnpm bench publisher` also runs it): two',
      'publisher processes (the real process runner, real webhook adapter: HMAC-signed JSON POST through',
      'the pooled keep-alive client, decision 0180) on PostgreSQL 15, a webhook receiver in the bench',
      'process on 127.0.0.1 recording each arrival. Lag = arrival at the receiver minus the scheduled',
      "instant. Reference: graphile-worker 0.17 (two processes, each job the same signed POST through Node's",
      'fetch), its runs alternating with ours in the same session, on the same database and receiver.',
      `Medians of ${RUNS} runs. The machine is shared: 2 cores, other engineers' builds and tests running;`,
      `load average (1 / 5 / 15 min) ${loadBefore} before the runs and ${loadAfter} after.`,
      '',
      '| work | Cadence (median) | Cadence runs | graphile-worker (median) | graphile-worker runs | aim |',
      '| --- | --- | --- | --- | --- | --- |',
      `| 2,000 over 20 s, 10 channels: lag p50 / p99 | ${ms(m(spread, (r) => r.p50))} / ${ms(p99)} | p99 ${list(spread, (r) => r.p99)} | ${ms(m(gSpread, (r) => r.p50))} / ${ms(m(gSpread, (r) => r.p99))} (poll 200 ms, 10 at once) | p99 ${list(gSpread, (r) => r.p99)} | p99 < 100 ms |`,
      `| same: lag min / max | ${ms(min)} / ${ms(m(spread, (r) => r.max))} | min ${list(spread, (r) => r.min)} | ${ms(m(gSpread, (r) => r.min))} / ${ms(m(gSpread, (r) => r.max))} | min ${list(gSpread, (r) => r.min)} | min < 20 ms |`,
      `| same on 1 channel (one run): lag p50 / p99 / max | ${ms(one.p50)} / ${ms(one.p99)} / ${ms(one.max)} | | | | |`,
      `| 5,000 due at once, 100 channels: drain | ${rate(perSecond)} | ${list(drains, (r) => r.perSecond, rate)} | ${rate(theirRate)} (50 at once, local queue 500) | ${list(gDrains, (r) => r.perSecond, rate)} | >= 3,000/s and above graphile-worker |`,
      `| same: first delivery after the instant | ${ms(first)} | ${list(drains, (r) => r.first)} | ${ms(m(gDrains, (r) => r.first))} | ${list(gDrains, (r) => r.first)} | < 100 ms |`,
      `| duplicates / lost, all runs | ${dup} / ${lost} | | ${[...gSpread, ...gDrains].reduce((n, r) => n + r.duplicates, 0)} / ${[...gSpread, ...gDrains].reduce((n, r) => n + r.lost, 0)} | | 0 / 0 |`,
      '',
      `Aims: lag p99 ${p99 < 100 ? 'met' : 'NOT met'}; lag min ${min < 20 ? 'met' : 'NOT met'}; drain ${perSecond >= 3000 ? 'met' : 'NOT met'} (${perSecond >= theirRate ? 'above' : 'below'} graphile-worker); first delivery ${first < 100 ? 'met' : 'NOT met'}; ${dup === 0 && lost === 0 ? 'no duplicate, nothing lost' : 'DUPLICATES OR LOSSES'}.`,
    ],
  };
}
