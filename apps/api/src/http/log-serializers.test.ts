import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-serializers';

describe('redactUrl', () => {
  it.each([
    [
      '/api/v1/connect/callback?code=abc&state=def',
      '/api/v1/connect/callback?code=[redacted]&state=[redacted]',
    ],
    [
      '/api/v1/connect/callback?STATE=x&error=access_denied',
      '/api/v1/connect/callback?STATE=[redacted]&error=access_denied',
    ],
    ['/api/v1/x?%63ode=abc', '/api/v1/x?%63ode=[redacted]'],
    ['/api/ics/cal_secret123.ics', '/api/ics/[redacted].ics'],
    ['/api/v1/workspaces/1/posts?limit=50', '/api/v1/workspaces/1/posts?limit=50'],
    ['/api/v1/x?%E0%A4%A=1', '/api/v1/x?%E0%A4%A=1'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
