// One network call, bounded in time: the adapter gets an AbortSignal, and a call that ignores it
// is abandoned at the deadline anyway (as ambiguous: it may still land, so it is reconciled).
import type { Failure } from '@cadence/domain/publishing/failure';
import { failure, toFailure } from '@cadence/domain/publishing/failure';
import type { NetworkAdapter, Published, PublishRequest } from '@cadence/networks';

export type CallResult = { ok: true; published: Published } | { ok: false; failure: Failure };

export async function callWithDeadline<T>(
  run: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        Object.assign(new Error('deadline'), {
          failure: failure('ambiguous', `No answer within ${timeoutMs} ms`),
        }),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export async function publishOnce(
  adapter: NetworkAdapter,
  request: PublishRequest,
  timeoutMs: number,
): Promise<CallResult> {
  try {
    return {
      ok: true,
      published: await callWithDeadline((signal) => adapter.publish(request, signal), timeoutMs),
    };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}
