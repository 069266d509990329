import { loadConfig } from '@cadence/config';
import type { Db } from '@cadence/db';
import type { AdapterRegistry } from '@cadence/networks';
import type { PublisherOptions } from '../../src/deps';
import { createPublisher } from '../../src/publisher';
import { testKeyRing } from './seed';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export function testPublisher(
  db: Db,
  adapters: AdapterRegistry,
  extra: {
    options?: Partial<PublisherOptions>;
    clock?: () => Date;
    env?: Record<string, string>;
    workerId?: string;
  } = {},
) {
  const config = loadConfig({ NODE_ENV: 'test', ...extra.env });
  return createPublisher({
    db,
    adapters,
    keyRing: testKeyRing,
    settings: config.publisher,
    logger: quiet,
    random: () => 0.5,
    options: {
      reconcileEveryMs: 0,
      backoff: { baseMs: 20, maxMs: 200 },
      ...extra.options,
    },
    ...(extra.clock ? { clock: extra.clock } : {}),
    ...(extra.workerId ? { workerId: extra.workerId } : {}),
  });
}

/** Ticks until `done` says so or the time runs out. */
export async function tickUntil(
  publisher: { tick(): Promise<void>; idle(): Promise<void> },
  done: () => Promise<boolean>,
  timeoutMs = 10_000,
) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await publisher.tick();
    await publisher.idle();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting for the publisher');
}
