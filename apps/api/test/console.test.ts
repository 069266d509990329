// Issue 11, item 7: a console a person can read. In development, request lines only at debug,
// pretty lines on a terminal and a start summary that names the address; JSON lines with a line
// per request stay for production.
import { Writable } from 'node:stream';
import { loadConfig } from '@cadence/config';
import type { Database } from '@cadence/db';
import { describe, expect, it } from 'vitest';
import { consoleLogStream, startSummary } from '../src/console';
import { captureLogs, createTestApp } from './helpers';

async function requestLines(env: Record<string, string>) {
  const logs = captureLogs(env.LOG_LEVEL);
  const t = await createTestApp(env, logs.logger);
  try {
    await t.app.inject({ method: 'GET', url: '/api/health' });
    return logs.lines
      .map((l) => JSON.parse(l) as { msg: string; level: number })
      .filter((l) => /request/.test(l.msg));
  } finally {
    await t.close();
  }
}

describe('console', () => {
  it('keeps request lines out of an info log in development, and shows them at debug', async () => {
    expect(await requestLines({ NODE_ENV: 'development', LOG_LEVEL: 'info' })).toEqual([]);
    const debug = await requestLines({ NODE_ENV: 'development', LOG_LEVEL: 'debug' });
    expect(debug.map((l) => [l.msg, l.level])).toEqual([['request completed', 20]]);
  });

  it('keeps one JSON line per request and per arrival at info in production', async () => {
    const lines = await requestLines({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://cadence.example.com',
      LOG_LEVEL: 'info',
    });
    expect(lines.map((l) => [l.msg, l.level])).toEqual([
      ['incoming request', 30],
      ['request completed', 30],
    ]);
  });

  it('prints pretty lines only for a person at a development terminal', () => {
    const terminal = (isTTY: boolean) =>
      Object.assign(new Writable({ write: (_c, _e, done) => done() }), {
        isTTY,
      }) as unknown as NodeJS.WriteStream;
    const tty = terminal(true);
    const pipe = terminal(false);
    expect(consoleLogStream(loadConfig({ NODE_ENV: 'development' }), tty)).toBeDefined();
    expect(consoleLogStream(loadConfig({ NODE_ENV: 'development' }), pipe)).toBeUndefined();
    const production = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://c.example.com' });
    expect(consoleLogStream(production, tty)).toBeUndefined();
  });

  it('sums the start up in a few lines that name the address and what the embedded mode promises', () => {
    const lines = startSummary({
      url: 'http://localhost:3000',
      config: loadConfig({}),
      database: { driver: 'pglite' } as Database,
      publisherInProcess: true,
    });
    expect(lines.filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(6);
    expect(lines).toContain('  Cadence is running at http://localhost:3000');
    expect(lines.join('\n')).toMatch(/not of the machine/);
    expect(lines.join('\n')).toMatch(/LOG_LEVEL=debug/);
  });
});
