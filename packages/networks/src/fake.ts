// A network for tests and benchmarks that does what it is told: succeed, fail in any way, hang
// until aborted, or post and then lose the answer. It records every call, and every post it
// "publishes" goes to a store, in memory by default or shared (a table) across processes.
import type { Network } from '@cadence/domain/networks/schemas';
import type { Failure } from '@cadence/domain/publishing/failure';
import type { NetworkAdapter, Published, PublishRequest, RateAllowance } from './adapter';
import { NetworkError } from './errors';

export type FakeBehaviour =
  | { kind: 'succeed'; delayMs?: number }
  | { kind: 'fail'; failure: Failure; delayMs?: number }
  /** Never answers; rejects as ambiguous when the publisher aborts the call. */
  | { kind: 'hang' }
  /** The post goes out, then the connection drops before the answer arrives. */
  | { kind: 'publish_then_lose_answer'; delayMs?: number };

export interface FakeCall {
  request: PublishRequest;
  /** How many times this target had been sent to the fake before this call. */
  previousCalls: number;
  at: Date;
}

export interface FakeStore {
  record(request: PublishRequest): Promise<Published>;
  find(targetId: string): Promise<Published | null>;
}

/** Keeps every post, duplicates included, so a test can count them. */
export function memoryStore() {
  const posts: PublishRequest[] = [];
  return {
    posts,
    async record(request: PublishRequest): Promise<Published> {
      posts.push(request);
      return {
        externalId: `fake-${request.targetId}`,
        externalUrl: `https://fake.example/${request.targetId}`,
      };
    },
    async find(targetId: string): Promise<Published | null> {
      return posts.some((p) => p.targetId === targetId)
        ? { externalId: `fake-${targetId}`, externalUrl: `https://fake.example/${targetId}` }
        : null;
    },
  };
}

export interface FakeAdapterOptions {
  network?: Network;
  behaviour?: (call: FakeCall) => FakeBehaviour;
  canFindExisting?: boolean;
  idempotentRetry?: boolean;
  rateLimit?: { perChannel?: RateAllowance; perNetwork?: RateAllowance };
  store?: FakeStore;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new NetworkError('ambiguous', 'The fake network call was aborted'));
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new NetworkError('ambiguous', 'No answer from the network within the time limit'));
      },
      { once: true },
    );
  });
}

export function createFakeAdapter(options: FakeAdapterOptions = {}) {
  const store = options.store ?? memoryStore();
  const calls: FakeCall[] = [];
  const perTarget = new Map<string, number>();
  const behaviour = options.behaviour ?? ((): FakeBehaviour => ({ kind: 'succeed' }));
  const canFind = options.canFindExisting ?? true;
  const adapter: NetworkAdapter & { calls: FakeCall[]; store: FakeStore } = {
    network: options.network ?? 'sandbox',
    capabilities: { canFindExisting: canFind, idempotentRetry: options.idempotentRetry ?? false },
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    calls,
    store,
    async publish(request, signal) {
      const previousCalls = perTarget.get(request.targetId) ?? 0;
      perTarget.set(request.targetId, previousCalls + 1);
      const call = { request, previousCalls, at: new Date() };
      calls.push(call);
      const b = behaviour(call);
      if (b.kind === 'hang') {
        await sleep(2 ** 31 - 1, signal);
        throw new Error('unreachable');
      }
      if (b.delayMs) await sleep(b.delayMs, signal);
      if (b.kind === 'fail') throw NetworkError.from(b.failure);
      const published = await store.record(request);
      if (b.kind === 'publish_then_lose_answer') {
        throw new NetworkError('ambiguous', 'The connection dropped before the network answered');
      }
      return published;
    },
    ...(canFind ? { findExisting: (request: PublishRequest) => store.find(request.targetId) } : {}),
  };
  return adapter;
}

/** The n-th call for a target gets the n-th behaviour; the last one repeats. */
export function inSequence(...behaviours: FakeBehaviour[]): (call: FakeCall) => FakeBehaviour {
  return (call) => behaviours[Math.min(call.previousCalls, behaviours.length - 1)] ?? { kind: 'succeed' };
}

/** A small seeded generator (mulberry32), so a "random" failure pattern is repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
