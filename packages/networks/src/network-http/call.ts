// How the network adapters talk HTTP: every call goes through safeRequest (user-typed hosts such
// as Mastodon instances are checked, time and size are bounded), bodies are encoded one way, and
// answers are validated with zod before anything reads them (SECURITY.md item 10).
import type { z } from 'zod';
import { NetworkError } from '../errors';
import { type SafeHttpOptions, type SafeMethod, type SafeResponse, safeRequest } from '../safe-http';
import type { FailureKind } from '@cadence/domain/publishing/failure';

export interface NetworkCall {
  method: SafeMethod;
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string | undefined>;
  /** Sent as is (binary uploads, multipart built by `multipart`). */
  body?: { bytes: Uint8Array | string; contentType: string };
  /** Sent as read, with its length announced (a video streamed from storage, never held whole). */
  stream?: { chunks: AsyncIterable<Uint8Array>; length: number; contentType: string };
}

export async function send(
  call: NetworkCall,
  http: SafeHttpOptions,
  signal?: AbortSignal,
): Promise<SafeResponse> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': 'Cadence/1',
    ...call.headers,
  };
  let body: string | Uint8Array | AsyncIterable<Uint8Array> | undefined;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = formEncode(call.form);
  } else if (call.body) {
    headers['content-type'] = call.body.contentType;
    body = call.body.bytes;
  } else if (call.stream) {
    headers['content-type'] = call.stream.contentType;
    headers['content-length'] = String(call.stream.length);
    body = call.stream.chunks;
  }
  return safeRequest(
    call.url,
    { method: call.method, headers, ...(body !== undefined ? { body } : {}) },
    http,
    signal,
  );
}

function formEncode(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.append(key, value);
  return params.toString();
}

export function withQuery(url: string, query: Record<string, string | undefined>): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) u.searchParams.set(key, value);
  return u.toString();
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a successful answer through its schema. What an unreadable answer means depends on the
 * call: after creating a post it is `ambiguous` (the post may exist), before that `transient`.
 */
export function readAnswer<S extends z.ZodType>(
  schema: S,
  response: SafeResponse,
  what: string,
  kind: FailureKind = 'ambiguous',
): z.infer<S> {
  const parsed = schema.safeParse(safeJson(response.body));
  if (!parsed.success) {
    throw new NetworkError(kind, `${what}: the network's answer was not in the documented form`);
  }
  return parsed.data;
}

export function header(response: SafeResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
