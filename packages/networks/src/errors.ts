import { type Failure, type FailureKind, failure } from '@cadence/domain/publishing/failure';

/** What adapters throw: an Error (for stacks and logs) carrying the classified failure. */
export class NetworkError extends Error {
  readonly failure: Failure;
  constructor(kind: FailureKind, reason: string, extra: Omit<Failure, 'kind' | 'reason'> = {}) {
    super(reason);
    this.name = 'NetworkError';
    this.failure = failure(kind, reason, extra);
  }

  static from(f: Failure): NetworkError {
    return new NetworkError(f.kind, f.reason, { retryAfterMs: f.retryAfterMs, networkWide: f.networkWide });
  }
}
