import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from './errors';
import { isForbiddenAddress } from './ip-policy';
import { safeRequest } from './safe-http';

let server: Server;
let base: string;
let port: number;
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_req, res) => res.end('hello'),
  '/big': (_req, res) => res.end('x'.repeat(5000)),
  '/hang': () => {},
  '/to-metadata': (_req, res) =>
    res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end(),
  '/to-other-loopback': (_req, res) => res.writeHead(307, { location: `http://127.0.0.2:${port}/ok` }).end(),
  '/to-ok': (_req, res) => res.writeHead(302, { location: '/ok' }).end(),
  '/count': (req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => res.end(String(bytes)));
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkError);
  return (error as NetworkError).failure;
}

// Only 127.0.0.1 passes: enough to reach the test server and still see every refusal path.
const onlyTestServer = (address: string) => address !== '127.0.0.1';

describe('ip policy', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.8',
    '172.16.4.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00:ec2::254',
    'fe80::1',
    '::ffff:127.0.0.1',
    '2002:7f00:1::1',
    // IPv4-compatible (::/96): the old deny-list saw plain "unicast" here (issue 10, finding 16).
    '::127.0.0.1',
    '::7f00:1',
    '::a9fe:a9fe',
    '::10.0.0.1',
    '::8.8.8.8',
    // NAT64 (well-known and local-use prefixes), IPv4-translated, 6to4 and Teredo.
    '64:ff9b::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::a00:1',
    '::ffff:0:127.0.0.1',
    '2002:a9fe:a9fe::1',
    '2001::1',
    // Outside global unicast 2000::/3 although no special range names them.
    '100::1',
    '4000::1',
    '2001:db8::1',
    'not-an-address',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));
  it.each(['93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4007:80e::200e', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => expect(isForbiddenAddress(address)).toBe(false),
  );
});

describe('safeRequest', () => {
  it('refuses loopback, by literal and by name, unless private URLs are allowed', async () => {
    const strict = { allowPrivateNetworkUrls: false };
    expect((await failureOf(safeRequest(`${base}/ok`, { method: 'GET' }, strict))).kind).toBe('permanent');
    const byName = await failureOf(safeRequest(`http://localhost:${port}/ok`, { method: 'GET' }, strict));
    expect(byName.reason).toMatch(/private or reserved network/);
    const ok = await safeRequest(`${base}/ok`, { method: 'GET' }, { allowPrivateNetworkUrls: true });
    expect(ok).toMatchObject({ status: 200, body: 'hello' });
  });

  it('refuses an IPv4-compatible IPv6 literal that points at loopback (finding 16)', async () => {
    const strict = { allowPrivateNetworkUrls: false };
    const failure = await failureOf(
      safeRequest(`http://[::127.0.0.1]:${port}/ok`, { method: 'GET' }, strict),
    );
    expect(failure.reason).toMatch(/private or reserved network/);
  });

  it('checks every redirect again', async () => {
    const policy = { allowPrivateNetworkUrls: false, addressPolicy: onlyTestServer };
    expect((await safeRequest(`${base}/to-ok`, { method: 'GET' }, policy)).body).toBe('hello');
    const meta = await failureOf(safeRequest(`${base}/to-metadata`, { method: 'GET' }, policy));
    expect(meta.reason).toMatch(/169\.254\.169\.254/);
    const other = await failureOf(
      safeRequest(`${base}/to-other-loopback`, { method: 'POST', body: '{}' }, policy),
    );
    expect(other.reason).toMatch(/127\.0\.0\.2/);
    const none = await failureOf(
      safeRequest(`${base}/to-ok`, { method: 'GET' }, { ...policy, maxRedirects: 0 }),
    );
    expect(none.reason).toMatch(/Too many redirects/);
  });

  it('sends a streamed body as it is read, and answers a redirect with it instead of following (it is spent)', async () => {
    const policy = { allowPrivateNetworkUrls: false, addressPolicy: onlyTestServer };
    const chunks = async function* () {
      for (let i = 0; i < 5; i++) yield new Uint8Array(10_000).fill(i);
    };
    const sent = await safeRequest(`${base}/count`, { method: 'POST', body: chunks() }, policy);
    expect(sent).toMatchObject({ status: 200, body: '50000' });
    const redirected = await safeRequest(
      `${base}/to-other-loopback`,
      { method: 'POST', body: chunks() },
      policy,
    );
    expect(redirected.status).toBe(307);
  });

  it('bounds the size and the time of a response', async () => {
    const open = { allowPrivateNetworkUrls: true };
    const big = await failureOf(
      safeRequest(`${base}/big`, { method: 'GET' }, { ...open, maxResponseBytes: 1000 }),
    );
    expect(big.reason).toMatch(/larger than 1000 bytes/);
    const started = Date.now();
    const slow = await failureOf(
      safeRequest(`${base}/hang`, { method: 'POST', body: 'x' }, { ...open, timeoutMs: 200 }),
    );
    // The server never answers: without the 200 ms timeout this would wait forever. The bound is wide
    // because a loaded machine is slow; it only has to tell "timed out" from "waited for the server".
    expect(Date.now() - started).toBeLessThan(20_000);
    // The request reached the server: posting again could duplicate it.
    expect(slow.kind).toBe('ambiguous');
  });

  it('calls a refused connection transient: nothing was sent', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const f = await failureOf(
      safeRequest(`http://127.0.0.1:${deadPort}/`, { method: 'GET' }, { allowPrivateNetworkUrls: true }),
    );
    expect(f.kind).toBe('transient');
  });

  it('refuses schemes other than http and https', async () => {
    const f = await failureOf(
      safeRequest('file:///etc/passwd', { method: 'GET' }, { allowPrivateNetworkUrls: true }),
    );
    expect(f.kind).toBe('permanent');
  });
});
