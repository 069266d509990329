// X API v2 errors: problem-details bodies {"title", "detail", "type", "status"} or {"errors":
// [{"message"}]}. 401: the token is revoked or expired. 403 covers refusals of the post itself
// (duplicate content, a reply not allowed), so it is permanent. 429 carries x-rate-limit-reset
// (Unix seconds); when the app's own 24-hour allowance is spent (x-app-limit-24hour-remaining: 0)
// the limit is the whole network's, not this channel's.
import { z } from 'zod';
import type { NetworkError } from '../errors';
import { type NetworkCall, header, safeJson, send } from '../network-http/call';
import { failureFromResponse, isSuccess } from '../network-http/classify';
import type { SafeHttpOptions, SafeResponse } from '../safe-http';

const problem = z.object({
  title: z.string().max(500).optional(),
  detail: z.string().max(2000).optional(),
  errors: z
    .array(z.object({ message: z.string().max(2000) }))
    .max(20)
    .optional(),
});

function xFailure(response: SafeResponse, now: Date): NetworkError {
  const parsed = problem.safeParse(safeJson(response.body));
  const message = parsed.success
    ? (parsed.data.detail ?? parsed.data.errors?.map((e) => e.message).join('; ') ?? parsed.data.title)
    : undefined;
  return failureFromResponse(response, {
    network: 'X',
    message,
    now,
    networkWide: header(response, 'x-app-limit-24hour-remaining') === '0',
  });
}

export async function xCall(
  call: NetworkCall,
  token: string,
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
) {
  const response = await send(
    { ...call, headers: { ...call.headers, authorization: `Bearer ${token}` } },
    http,
    signal,
  );
  if (!isSuccess(response)) throw xFailure(response, now());
  return response;
}
