// Meta's Graph APIs (Facebook Pages, Instagram, Threads) share one error shape:
// {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}. The code, not the HTTP
// status, says what happened: 190 (and 102, 463, 467) the token is invalid or expired; 10 and
// 200-299 a permission was removed; 4 the app's limit (network-wide), 17, 32 and 613 the
// user's or page's; 1, 2 and is_transient a passing fault; anything else is about the post.
// A rate limit waits as long as the usage header X-Business-Use-Case-Usage says
// (`estimated_time_to_regain_access`, in minutes), else an hour.
import { safeExternalUrl } from '@cadence/domain/publishing/external-url';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { header, type NetworkCall, readAnswer, safeJson, send, withQuery } from '../network-http/call';
import { clip, failureFromResponse, isSuccess } from '../network-http/classify';
import { retryAfterMs } from '../network-http/rate-limit';
import type { SafeHttpOptions, SafeResponse } from '../safe-http';

const graphError = z.object({
  error: z.object({
    message: z.string().max(2000),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
    error_user_msg: z.string().max(2000).optional(),
  }),
});

const TOKEN_CODES = new Set([102, 190, 463, 467]);
const RATE_CODES = new Set([4, 17, 32, 613, 80001, 80002]);
const HOUR_MS = 60 * 60 * 1000;

const usage = z.record(
  z.string(),
  z
    .array(
      z.object({
        estimated_time_to_regain_access: z
          .number()
          .min(0)
          .max(24 * 60)
          .optional(),
      }),
    )
    .max(50),
);

/** The longest wait Meta's business use case usage header announces, or undefined. */
function usageWaitMs(response: SafeResponse): number | undefined {
  const raw = header(response, 'x-business-use-case-usage');
  const parsed = raw ? usage.safeParse(safeJson(raw)) : null;
  if (!parsed?.success) return undefined;
  const minutes = Math.max(
    0,
    ...Object.values(parsed.data).flatMap((l) => l.map((u) => u.estimated_time_to_regain_access ?? 0)),
  );
  return minutes > 0 ? minutes * 60_000 : undefined;
}

export function graphFailure(response: SafeResponse, now: Date, network: string): NetworkError {
  const parsed = graphError.safeParse(safeJson(response.body));
  if (!parsed.success) return failureFromResponse(response, { network, now });
  const e = parsed.data.error;
  const text = clip(e.error_user_msg ?? e.message);
  const code = e.code ?? 0;
  if (TOKEN_CODES.has(code) || code === 10 || (code >= 200 && code <= 299)) {
    return new NetworkError('auth_revoked', `${network} no longer accepts this channel's access: ${text}`);
  }
  if (RATE_CODES.has(code)) {
    // Meta gives no Retry-After; its usage headers speak in hours, so wait one unless told.
    return new NetworkError('rate_limited', `${network} asked to slow down: ${text}`, {
      retryAfterMs: retryAfterMs(response, now) ?? usageWaitMs(response) ?? HOUR_MS,
      networkWide: code === 4,
    });
  }
  if (code === 1 || code === 2 || e.is_transient)
    return new NetworkError('transient', `${network} had a passing problem: ${text}`);
  return failureFromResponse(response, { network, message: e.message, now });
}

export async function graphCall(
  call: NetworkCall,
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
  network: string,
) {
  const response = await send(call, http, signal);
  if (!isSuccess(response)) throw graphFailure(response, now(), network);
  return response;
}

export const graphId = z.string().regex(/^[0-9_]{1,80}$/);

// Read as a plain string: z.url() alone lets `javascript:` through; safeExternalUrl decides.
const permalinkAnswer = z.object({ permalink: z.string().max(2000).optional() });

/**
 * The public link of a just-published Instagram or Threads object, kept only if it is http(s) on
 * one of the network's hosts. Best effort: the post is out, so a failed lookup gives no link
 * rather than a failed target.
 */
export function readPermalink(
  target: { graph: string; id: string; token: string; hosts: readonly string[] },
  http: SafeHttpOptions,
  signal: AbortSignal | undefined,
  now: () => Date,
  network: string,
): Promise<string | null> {
  const url = withQuery(`${target.graph}/${target.id}`, { fields: 'permalink', access_token: target.token });
  return graphCall({ method: 'GET', url }, http, signal, now, network)
    .then((r) =>
      safeExternalUrl(
        readAnswer(permalinkAnswer, r, `Reading the ${network} post`, 'transient').permalink,
        target.hosts,
      ),
    )
    .catch(() => null);
}
