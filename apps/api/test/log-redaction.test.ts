// Finding 12: an OAuth callback's one-time code and state never reach the logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, captureLogs, createTestApp, setupOwner, type TestApp } from './helpers';

const logs = captureLogs('trace');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: 'trace' }, logs.logger);
});
afterAll(async () => {
  await t.close();
});

describe('secrets in URLs', () => {
  it('masks the code and state of an OAuth callback in request logs', async () => {
    const { owner } = await setupOwner(t);
    logs.lines.length = 0;
    const res = await call(t, owner, {
      method: 'GET',
      url: '/api/v1/connect/callback?code=SECRET-CODE-123&state=SECRET-STATE-4567&other=kept',
      headers: { accept: 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    const all = logs.lines.join('\n');
    expect(all).not.toContain('SECRET-CODE');
    expect(all).not.toContain('SECRET-STATE');
    const incoming = logs.lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.msg === 'incoming request');
    expect(incoming.req.url).toBe('/api/v1/connect/callback?code=[redacted]&state=[redacted]&other=kept');
  });
});
