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

  it('trusts one proxy hop for TRUST_PROXY=true, never every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
    ]);
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0.1/8/9', '500']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it('stores media on the local disk by default and on S3 when asked, naming what is missing', () => {
    expect(loadConfig({}).media.storage).toEqual({ kind: 'local' });
    expect(() => loadConfig({ MEDIA_STORAGE: 's3' })).toThrow(/S3_BUCKET: required/);
    expect(() => loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'a' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ MEDIA_STORAGE: 'ftp' })).toThrow(/MEDIA_STORAGE/);
    const c = loadConfig({
      MEDIA_STORAGE: 's3',
      S3_BUCKET: 'media',
      S3_ENDPOINT: 'https://s3.fr-par.scw.cloud',
      S3_FORCE_PATH_STYLE: 'true',
      MEDIA_MAX_BYTES: '1048576',
    });
    expect(c.media.maxBytes).toBe(1048576);
    expect(c.media.storage).toMatchObject({
      kind: 's3',
      bucket: 'media',
      forcePathStyle: true,
      credentials: undefined,
    });
  });
});
