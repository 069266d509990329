// Calls to LinkedIn's versioned REST API (LinkedIn-Version and X-Restli-Protocol-Version headers)
// and its errors: {"status", "serviceErrorCode", "code", "message"}. 401 means the token was
// revoked or expired; 403 ACCESS_DENIED means the member lost the permission (or the page role)
// and must reconnect; 429 is a daily quota with no Retry-After.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { type NetworkCall, safeJson, send } from '../network-http/call';
import { failureFromResponse, isSuccess } from '../network-http/classify';
import type { SafeHttpOptions, SafeResponse } from '../safe-http';
import { LINKEDIN_VERSION } from './credentials';

const errorBody = z.object({
  message: z.string().max(2000),
  code: z.string().optional(),
  status: z.number().optional(),
});

function linkedinErrorMessage(response: SafeResponse): string | undefined {
  const parsed = errorBody.safeParse(safeJson(response.body));
  return parsed.success ? parsed.data.message : undefined;
}

export function linkedinFailure(response: SafeResponse, now: Date, unrepeatable?: boolean): NetworkError {
  const message = linkedinErrorMessage(response);
  if (response.status === 403) {
    return new NetworkError(
      'auth_revoked',
      `LinkedIn refused this channel's access (HTTP 403)${message ? `: ${message}` : ''}`,
    );
  }
  return failureFromResponse(response, { network: 'LinkedIn', message, now, unrepeatable });
}

export async function linkedinCall(
  call: NetworkCall,
  token: string,
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
  /** A comment: LinkedIn has no idempotency key, so a 5xx after it is ambiguous (classify.ts). */
  unrepeatable?: boolean,
) {
  const response = await send(
    {
      ...call,
      headers: {
        authorization: `Bearer ${token}`,
        'linkedin-version': LINKEDIN_VERSION,
        'x-restli-protocol-version': '2.0.0',
        ...call.headers,
      },
    },
    http,
    signal,
  );
  if (!isSuccess(response)) throw linkedinFailure(response, now(), unrepeatable);
  return response;
}

/** LinkedIn refuses a post identical to a recent one and names it: that post is ours. */
export function duplicateOf(response: SafeResponse): string | null {
  if (response.status !== 422) return null;
  return (
    /duplicate of (urn:li:(?:share|ugcPost):\d+)/i.exec(linkedinErrorMessage(response) ?? '')?.[1] ?? null
  );
}
