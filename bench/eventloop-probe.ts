// What the event-loop bench measures while a scenario runs: a second client polling /api/health
// from its own thread (so its timing is not the server's), and the server's own event-loop delay
// (perf_hooks.monitorEventLoopDelay, the histogram Node keeps of how late its timers fire).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const POLL_EVERY_MS = 20;

// The poller: one request at a time, then a pause; latency from sending to the last byte.
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
const latencies = [];
parentPort.on('message', () => { running = false; });
(async () => {
  while (running) {
    const start = performance.now();
    try {
      const res = await fetch(workerData.url);
      await res.text();
      latencies.push(performance.now() - start);
    } catch {
      latencies.push(Number.POSITIVE_INFINITY);
    }
    await new Promise((r) => setTimeout(r, ${POLL_EVERY_MS}));
  }
  parentPort.postMessage(latencies);
})();
`;

export interface Probe {
  health: number[];
  loopP99: number;
  loopMax: number;
}

export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Runs `work` while polling health from another thread and recording the loop's delay. */
export async function probe(healthUrl: string, work: () => Promise<void>): Promise<Probe> {
  const worker = new Worker(POLLER, { eval: true, workerData: { url: healthUrl } });
  const done = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  // Let the poller make its first request before the work starts.
  await new Promise((r) => setTimeout(r, 100));
  loop.enable();
  try {
    await work();
  } finally {
    loop.disable();
    worker.postMessage('stop');
  }
  const health = await done;
  await worker.terminate();
  return { health, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
}
