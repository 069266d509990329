import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run pending I/O and timers before going on. Long loops of awaited queries
 * need it on the embedded database: PGlite answers in the same thread, so one query after another
 * resolves as a chain of microtasks and the loop never reaches new requests or timers until the
 * chain ends (issue 10, finding 27: /api/health waited 2.9 s behind a 500-post bulk create).
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
