// Issue 10's gap: a request that reaches the server while it drains (on a connection kept alive
// from before) is refused with 503 in the documented error shape, Connection: close and
// Retry-After, not with Fastify's own fixed body.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './helpers';

describe('a request that arrives while the server closes', () => {
  it('gets 503 shutting_down in the error shape, and the connection is closed', async () => {
    const t = await createTestApp({}, false, {
      beforeRoutes: async (root) => {
        root.get('/slow', async () => {
          await sleep(400);
          return { ok: true };
        });
      },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await sleep(100);
    const closing = t.app.close();
    await sleep(50);
    socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    await ended;
    await closing;
    await t.ctx.database.close();

    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200/);
    const second = answers[1] ?? '';
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second.toLowerCase()).toContain('connection: close');
    expect(second.toLowerCase()).toContain('retry-after: 5');
    const body = JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4));
    expect(body.error).toMatchObject({ code: 'shutting_down' });
    expect(typeof body.error.requestId).toBe('string');
  });
});
