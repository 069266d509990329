// Finding 28: the latency in "request completed" log lines counts the time a request waited
// behind others, not only the time Fastify spent on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs, createTestApp, type TestApp } from './helpers';

const HOLD_MS = 25;
const COUNT = 6;
// Request lines are at debug outside production (a readable development console).
const logs = captureLogs('debug');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'debug' }, logs.logger, {
    beforeRoutes: async (root) => {
      // Stands for a request whose work holds the thread (a query on the embedded database).
      root.get('/test/hold', async () => {
        const started = performance.now();
        while (performance.now() - started < HOLD_MS) {
          // busy: nothing else runs on this thread meanwhile
        }
        return { ok: true };
      });
    },
  });
});
afterAll(async () => {
  await t.close();
});

/** Hands requests to the server in one turn of the event loop, each from its own callback, the
 * way Node reads sockets that became readable together: each runs to its end before the next. */
function inOneTurn(count: number) {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          setImmediate(() => {
            t.app.inject({ method: 'GET', url: '/test/hold' }).then(() => resolve(), reject);
          });
        }),
    ),
  );
}

describe('request latency in the logs', () => {
  it('counts the time a request waited behind the others read with it', async () => {
    logs.lines.length = 0;
    await inOneTurn(COUNT);
    const completed = logs.lines
      .map((line) => JSON.parse(line) as { msg: string; responseTime: number; serviceTime?: number })
      .filter((entry) => entry.msg === 'request completed');
    expect(completed).toHaveLength(COUNT);
    // The last one waited while the others held the thread, then held it itself: all of that
    // happened after it arrived. Fastify's own clock (serviceTime) only saw its own share.
    const slowest = completed.reduce((a, b) => (b.responseTime > a.responseTime ? b : a));
    expect(slowest.responseTime).toBeGreaterThanOrEqual(COUNT * HOLD_MS);
    expect(slowest.serviceTime).toBeLessThan(slowest.responseTime);
  });
});
