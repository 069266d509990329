import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives working defaults for a newcomer', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe('./data');
  });

  it('names every bad value', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', ENCRYPTION_KEYS: 'k1:short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      expect(msg).toContain('PORT');
      expect(msg).toContain('DATABASE_URL');
      expect(msg).toContain('ENCRYPTION_KEYS');
    }
  });

  it('parses rotating encryption keys, first one current', () => {
    const k = Buffer.alloc(32, 1).toString('base64');
    const k2 = Buffer.alloc(32, 2).toString('base64');
    const c = loadConfig({ ENCRYPTION_KEYS: `new:${k2},old:${k}` });
    expect(c.encryptionKeys?.map((x) => x.id)).toEqual(['new', 'old']);
  });

  it('requires PUBLIC_URL in production, so no URL is built from a Host header', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://c.example.com' }).publicUrl).toBe(
      'https://c.example.com',
    );
    expect(loadConfig({ NODE_ENV: 'development' }).publicUrl).toBeUndefined();
  });

  it('treats an https public URL as needing secure cookies', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://c.example.com' }).cookieSecure).toBe(true);
    expect(loadConfig({}).cookieSecure).toBe(false);
  });
});
