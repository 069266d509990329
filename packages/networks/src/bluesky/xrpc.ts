// XRPC calls to a PDS and their errors. Bluesky answers {"error": "Name", "message": "..."}:
// ExpiredToken (400) means refresh the session; AuthenticationRequired / InvalidToken (401),
// AccountTakedown and AccountDeactivated mean the person must act; RateLimitExceeded (429) comes
// with ratelimit-reset (Unix seconds); InvalidRequest / InvalidRecord (400) are the post's fault.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { type NetworkCall, safeJson, send } from '../network-http/call';
import { failureFromResponse } from '../network-http/classify';
import type { SafeHttpOptions, SafeResponse } from '../safe-http';

const xrpcError = z.object({ error: z.string().max(200), message: z.string().max(2000).optional() });

export class XrpcError extends NetworkError {
  constructor(
    readonly code: string | undefined,
    inner: NetworkError,
  ) {
    super(inner.failure.kind, inner.failure.reason, { retryAfterMs: inner.failure.retryAfterMs });
  }
}

const REVOKED = new Set([
  'AuthenticationRequired',
  'InvalidToken',
  'AccountTakedown',
  'AccountDeactivated',
  'InvalidPassword',
]);

function xrpcFailure(response: SafeResponse, now: Date): XrpcError {
  const parsed = xrpcError.safeParse(safeJson(response.body));
  const code = parsed.success ? parsed.data.error : undefined;
  const message = parsed.success ? [code, parsed.data.message].filter(Boolean).join(': ') : undefined;
  if (code && REVOKED.has(code)) {
    return new XrpcError(
      code,
      new NetworkError('auth_revoked', `Bluesky refused this channel's login: ${message}`),
    );
  }
  if (code === 'ExpiredToken')
    return new XrpcError(code, new NetworkError('auth_revoked', 'The Bluesky session expired'));
  return new XrpcError(code, failureFromResponse(response, { network: 'Bluesky', message, now }));
}

function xrpcUrl(service: string, method: string, query?: Record<string, string>): string {
  const url = new URL(`/xrpc/${method}`, service);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  return url.toString();
}

export async function xrpc(
  service: string,
  call: Omit<NetworkCall, 'url'> & { nsid: string; query?: Record<string, string>; token?: string },
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
): Promise<SafeResponse> {
  const { nsid, query, token, ...rest } = call;
  const response = await send(
    {
      ...rest,
      url: xrpcUrl(service, nsid, query),
      headers: { ...rest.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    },
    http,
    signal,
  );
  if (response.status !== 200) throw xrpcFailure(response, now());
  return response;
}
