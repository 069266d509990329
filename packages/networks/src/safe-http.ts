// The one way Cadence calls a URL a user typed (webhooks now; instance addresses and link
// previews later). Every address the name resolves to is checked before connecting and again at
// connect time (so DNS cannot change its answer in between), redirects are followed by hand and
// re-checked, and time and response size are bounded. Failures come back as NetworkErrors that
// say whether the request could have reached the other side.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Readable } from 'node:stream';
import { Agent, buildConnector } from 'undici';
import { NetworkError } from './errors';
import { ipLiteral, isForbiddenAddress } from './ip-policy';

export interface SafeHttpOptions {
  allowPrivateNetworkUrls: boolean;
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** Which addresses are refused; tests narrow it to exercise the checks on loopback. */
  addressPolicy?: (address: string) => boolean;
}

export interface SafeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The same body as raw bytes, for binary answers (media downloads). */
  bytes: Buffer;
  url: string;
}

export type SafeMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A body read once as it is sent (a video streamed from storage): it cannot follow a redirect. */
type SafeBody = string | Uint8Array | AsyncIterable<Uint8Array>;

const refused = (host: string) =>
  new NetworkError(
    'permanent',
    `The address ${host} is on a private or reserved network, which Cadence does not call`,
  );

function guardedLookup(allowPrivate: boolean, forbidden: (address: string) => boolean) {
  return (
    hostname: string,
    options: object,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => forbidden(a.address));
      if (bad && !allowPrivate) return callback(refused(hostname) as unknown as NodeJS.ErrnoException, []);
      const wantsAll = (options as { all?: boolean }).all === true;
      const first = addresses[0];
      if (wantsAll || !first) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

const BEFORE_SEND = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; cause?: unknown };
  if (typeof e.code === 'string') return e.code;
  return errorCode(e.cause);
}

export async function safeRequest(
  url: string,
  init: { method: SafeMethod; headers?: Record<string, string>; body?: SafeBody },
  options: SafeHttpOptions,
  signal?: AbortSignal,
): Promise<SafeResponse> {
  // One controller and one plain timer per request, cleared when the answer is read: the
  // AbortSignal.timeout + AbortSignal.any pair did the same with weak references and a
  // finalization registry, a visible part of the publisher's CPU per delivery (decision 0312).
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The request timed out', 'TimeoutError')),
    options.timeoutMs ?? 10_000,
  );
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  try {
    let current = url;
    let method = init.method;
    let body = init.body;
    for (let hop = 0; hop <= (options.maxRedirects ?? 3); hop++) {
      const response = await requestOnce(current, { ...init, method, body }, options, controller.signal);
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || typeof location !== 'string') return response;
      // A streamed body is spent: the redirect is answered as it is (the caller's failure).
      if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) return response;
      current = new URL(location, current).toString();
      if (response.status !== 307 && response.status !== 308) {
        method = 'GET';
        body = undefined;
      }
    }
    throw new NetworkError('permanent', `Too many redirects from ${new URL(url).host}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

async function requestOnce(
  url: string,
  init: { method: SafeMethod; headers?: Record<string, string>; body?: SafeBody | undefined },
  options: SafeHttpOptions,
  signal: AbortSignal,
): Promise<SafeResponse> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new NetworkError('permanent', `Only http and https URLs can be called, not ${parsed.protocol}`);
  }
  const forbidden = options.addressPolicy ?? isForbiddenAddress;
  // An address typed as the host is judged here (a name is judged by the lookup, per connection).
  const literal = options.allowPrivateNetworkUrls ? null : ipLiteral(parsed.hostname);
  if (literal && forbidden(literal)) throw refused(parsed.hostname);

  const agent = pooledAgent(options.allowPrivateNetworkUrls, forbidden);
  try {
    // Straight to the agent, as undici's `request(url)` would after parsing the URL a second time.
    const response = await agent.request({
      origin: parsed.origin,
      path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
      method: init.method,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: sendable(init.body) } : {}),
      signal,
    });
    const bytes = await readBody(response.body, options.maxResponseBytes ?? 1024 * 1024, parsed.host);
    return {
      status: response.statusCode,
      headers: response.headers,
      body: bytes.toString('utf8'),
      bytes,
      url,
    };
  } catch (error) {
    const ours = findNetworkError(error);
    if (ours) throw ours;
    const code = errorCode(error);
    // Connection failures never sent a byte (safe to retry); anything else may have been received.
    if (code && BEFORE_SEND.has(code)) {
      throw new NetworkError('transient', `Could not reach ${parsed.host} (${code ?? describe(error)})`);
    }
    throw new NetworkError(
      'ambiguous',
      `No complete answer from ${parsed.host} (${code ?? describe(error)})`,
    );
  }
}

/**
 * The whole body, at most `max` bytes. Read through its events rather than an async iterator: a
 * webhook answer is one small chunk, and the iterator's machinery cost more than the read (the
 * publisher's drain profile). A body that closes before its end rejects, as the iterator did.
 */
function readBody(body: Readable, max: number, host: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      body.destroy();
      reject(new NetworkError('ambiguous', `The response from ${host} was larger than ${max} bytes`));
    });
    body.once('end', () => resolve(Buffer.concat(chunks, size)));
    body.once('error', reject);
    // After `end` or `error` this changes nothing: a promise settles once.
    body.once('close', () =>
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' })),
    );
  });
}

// One keep-alive agent per address policy, shared by every call of the process: a connection to an
// origin is reused instead of opened per call (a TLS handshake is most of a call's time), and at
// most CONNECTIONS_PER_ORIGIN are open to one origin, so a burst queues instead of opening
// thousands of sockets. Each new connection still goes through the guarded lookup.
export const CONNECTIONS_PER_ORIGIN = 32;
const agents = new Map<string, { policy: (address: string) => boolean; agent: Agent }>();

function pooledAgent(allowPrivate: boolean, forbidden: (address: string) => boolean): Agent {
  const key = `${allowPrivate}`;
  const found = agents.get(key);
  if (found && found.policy === forbidden) return found.agent;
  found?.agent.close().catch(() => {});
  const agent = new Agent({
    connections: CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connect: buildConnector({ lookup: guardedLookup(allowPrivate, forbidden) } as never),
  });
  agents.set(key, { policy: forbidden, agent });
  return agent;
}

/** Closes the pooled connections (a process that stops; tests). */
export async function closeHttpPool(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.agent.close().catch(() => {})));
}

// The guarded lookup's refusal arrives wrapped by undici; find it again.
function sendable(body: SafeBody): string | Uint8Array | Readable {
  return typeof body === 'string' || body instanceof Uint8Array ? body : Readable.from(body);
}

function findNetworkError(error: unknown): NetworkError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && typeof e === 'object' && e !== null; i++) {
    if (e instanceof NetworkError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timed out' : error.message;
  return String(error);
}
