import { sayError } from '@cadence/domain/errors';
import { NetworkError } from '../errors';

/**
 * A network's refusal during connecting, as the API's error: the person sees the network's reason
 * as text. Anything else is a bug and stays a 500.
 */
export async function asAppError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NetworkError) {
      const retry =
        error.failure.kind === 'transient' ||
        error.failure.kind === 'rate_limited' ||
        error.failure.kind === 'ambiguous';
      // The network's own sentence, in its language: said as a quotation, never as ours.
      throw sayError(
        'unprocessable',
        retry ? 'errors.connect.networkSaidRetry' : 'errors.connect.networkSaid',
        { words: error.message.slice(0, 400) },
        { networkFailure: error.failure.kind, reason: connectRefusalReason(error.failure.kind) },
      );
    }
    throw error;
  }
}

/** A code the web words itself: the network said no to these credentials, or could not be reached. */
function connectRefusalReason(kind: string) {
  if (kind === 'auth_revoked') return 'invalid_credentials';
  if (kind === 'permanent') return 'network_refused';
  return 'network_unavailable';
}
