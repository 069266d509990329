// X API v2 errors: problem-details bodies {"title", "detail", "type", "status"} or {"errors":
// [{"message"}]}. 401: the token is revoked or expired. 403 covers refusals of the post itself
// (duplicate content, a reply not allowed), so it is permanent. 429 carries x-rate-limit-reset
// (Unix seconds); when the app's own 24-hour allowance is spent (x-app-limit-24hour-remaining: 0)
// the limit is the whole network's, not this channel's.
import { z } from 'zod';
import type { NetworkError } from '../errors';
import { InboxUnavailableError } from '../inbox/unavailable';
import { type NetworkCall, header, safeJson, send } from '../network-http/call';
import { failureFromResponse, isSuccess } from '../network-http/classify';
import type { SafeHttpOptions, SafeResponse } from '../safe-http';

const problem = z.object({
  title: z.string().max(500).optional(),
  reason: z.string().max(200).optional(),
  type: z.string().max(500).optional(),
  detail: z.string().max(2000).optional(),
  errors: z
    .array(z.object({ message: z.string().max(2000) }))
    .max(20)
    .optional(),
});

function xFailure(response: SafeResponse, now: Date, unrepeatable?: boolean): NetworkError {
  const parsed = problem.safeParse(safeJson(response.body));
  const message = parsed.success
    ? (parsed.data.detail ?? parsed.data.errors?.map((e) => e.message).join('; ') ?? parsed.data.title)
    : undefined;
  return failureFromResponse(response, {
    network: 'X',
    message,
    now,
    networkWide: header(response, 'x-app-limit-24hour-remaining') === '0',
    unrepeatable,
  });
}

/**
 * The app's API plan does not include the endpoint: 403 "Client Forbidden" with reason
 * `client-not-enrolled` (an app outside a project, or a tier without the endpoint: the Free tier
 * reads no mentions), or 402 when the pay-per-use balance is spent.
 */
function isXPlanRefusal(response: SafeResponse): boolean {
  if (response.status === 402) return true;
  if (response.status !== 403) return false;
  const parsed = problem.safeParse(safeJson(response.body));
  return (
    parsed.success &&
    (parsed.data.reason === 'client-not-enrolled' || (parsed.data.type ?? '').endsWith('/client-forbidden'))
  );
}

const authorised = (call: NetworkCall, token: string, http: SafeHttpOptions, signal?: AbortSignal) =>
  send({ ...call, headers: { ...call.headers, authorization: `Bearer ${token}` } }, http, signal);

export async function xCall(
  call: NetworkCall,
  token: string,
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
  /** A reply: X has no idempotency key, so a 5xx after it is ambiguous (see classify.ts). */
  unrepeatable?: boolean,
) {
  const response = await authorised(call, token, http, signal);
  if (!isSuccess(response)) throw xFailure(response, now(), unrepeatable);
  return response;
}

/** Like xCall, but a refusal for the app's API plan is the inbox's own error (see unavailable.ts). */
export async function xReadCall(
  call: NetworkCall,
  token: string,
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
) {
  const response = await authorised(call, token, http, signal);
  if (isXPlanRefusal(response)) {
    throw new InboxUnavailableError(
      'x_paid_tier',
      `X refused to read mentions with this app's API plan (HTTP ${response.status}): reading them needs the Basic tier or above`,
    );
  }
  if (!isSuccess(response)) throw xFailure(response, now());
  return response;
}
