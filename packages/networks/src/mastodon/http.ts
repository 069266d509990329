// Calls to a Mastodon instance, and its errors: {"error": "..."} bodies; 422 for invalid
// statuses, 401 for a revoked token, 403 for a disabled account or a missing scope (the person
// must act, so the channel needs reconnecting), 429 with X-RateLimit-Reset.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { type NetworkCall, safeJson, send } from '../network-http/call';
import { failureFromResponse, isSuccess } from '../network-http/classify';
import type { SafeHttpOptions, SafeResponse } from '../safe-http';

const errorBody = z.object({ error: z.string(), error_description: z.string().optional() });

export function mastodonFailure(response: SafeResponse, now: Date): NetworkError {
  const parsed = errorBody.safeParse(safeJson(response.body));
  const message = parsed.success ? (parsed.data.error_description ?? parsed.data.error) : undefined;
  if (response.status === 403) {
    return new NetworkError(
      'auth_revoked',
      `Mastodon refused this channel's access (HTTP 403)${message ? `: ${message}` : ''}`,
    );
  }
  return failureFromResponse(response, { network: 'Mastodon', message, now });
}

export async function mastodonCall(
  call: NetworkCall,
  token: string,
  http: SafeHttpOptions,
  signal: AbortSignal,
  now: () => Date,
): Promise<SafeResponse> {
  const response = await send(
    { ...call, headers: { ...call.headers, authorization: `Bearer ${token}` } },
    http,
    signal,
  );
  if (!isSuccess(response)) throw mastodonFailure(response, now());
  return response;
}
