// Calls reuse connections (issue 18): one keep-alive pool per process, a bounded number of sockets
// per origin, instead of a new connection (and TLS handshake) per call.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIONS_PER_ORIGIN, closeHttpPool, safeRequest } from './safe-http';

let server: Server;
let base: string;
let connections = 0;
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    open++;
    mostOpen = Math.max(mostOpen, open);
    setTimeout(() => {
      open--;
      res.end('ok');
    }, 5);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closeHttpPool();
  server.closeAllConnections();
  server.close();
});

const http = { allowPrivateNetworkUrls: true };

describe('pooled HTTP', () => {
  it('sends calls one after another over the same connection or two, not one each', async () => {
    connections = 0;
    for (let i = 0; i < 20; i++) {
      const res = await safeRequest(`${base}/x`, { method: 'POST', body: '{}' }, http);
      expect(res.status).toBe(200);
    }
    // undici may open a second socket while the first is being handed back after its first answer.
    expect(connections).toBeLessThanOrEqual(2);
  });

  it(`opens at most ${CONNECTIONS_PER_ORIGIN} connections to one origin for a burst of 200 calls`, async () => {
    connections = 0;
    mostOpen = 0;
    const all = await Promise.all(
      Array.from({ length: 200 }, () => safeRequest(`${base}/x`, { method: 'POST', body: '{}' }, http)),
    );
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(mostOpen).toBeLessThanOrEqual(CONNECTIONS_PER_ORIGIN);
    expect(connections).toBeLessThanOrEqual(CONNECTIONS_PER_ORIGIN);
  });
});
