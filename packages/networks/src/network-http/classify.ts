// The common part of mapping a network's HTTP answer onto the publisher's failure kinds. Each
// adapter first handles its own error codes (Meta's code 190, Bluesky's ExpiredToken...) and
// passes the message it extracted; this decides by status for everything else.
import { NetworkError } from '../errors';
import type { SafeResponse } from '../safe-http';
import { retryAfterMs } from './rate-limit';

export interface ClassifyOptions {
  /** The network's name, for the reason shown to people. */
  network: string;
  /** The network's own error text, extracted from its error body (shown as text, never HTML). */
  message?: string | undefined;
  now: Date;
  /** True when a 429 is the whole app's allowance on the network rather than the channel's. */
  networkWide?: boolean;
  /**
   * The call created something the network cannot deduplicate (an X or LinkedIn reply): a 5xx
   * may have come after the write, so it is `ambiguous`, never retried blindly.
   */
  unrepeatable?: boolean | undefined;
}

export function failureFromResponse(response: SafeResponse, options: ClassifyOptions): NetworkError {
  const { status } = response;
  const said = options.message ? `: ${clip(options.message)}` : '';
  if (status === 429) {
    return new NetworkError('rate_limited', `${options.network} asked to slow down (HTTP 429)${said}`, {
      retryAfterMs: retryAfterMs(response, options.now),
      networkWide: options.networkWide,
    });
  }
  if (status === 401) {
    return new NetworkError(
      'auth_revoked',
      `${options.network} no longer accepts this channel's access${said}`,
    );
  }
  if (status === 408 || status >= 500) {
    if (options.unrepeatable) {
      return new NetworkError(
        'ambiguous',
        `${options.network} had a problem (HTTP ${status}) and may or may not have made it${said}`,
      );
    }
    return new NetworkError('transient', `${options.network} had a problem (HTTP ${status})${said}`);
  }
  return new NetworkError('permanent', `${options.network} refused the post (HTTP ${status})${said}`);
}

/** Network text can be long or contain markup; people see a bounded, single-line excerpt. */
export function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const isSuccess = (response: SafeResponse) => response.status >= 200 && response.status < 300;
