import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@cadence/config';
import { describe, expect, it } from 'vitest';
import { loadKeyRing } from './key-ring';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'cadence-keys-'));

describe('loadKeyRing', () => {
  it('uses ENCRYPTION_KEYS when set', () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    const ring = loadKeyRing(loadConfig({ ENCRYPTION_KEYS: `k1:${key}` }), { createIfMissing: true });
    expect(ring.keys.map((k) => k.id)).toEqual(['k1']);
  });

  it('creates a local key once, and a reader finds the same key', () => {
    const config = loadConfig({ DATA_DIR: tempDir() });
    expect(loadKeyRing(config, { createIfMissing: false }).keys).toEqual([]);
    const created = loadKeyRing(config, { createIfMissing: true });
    const read = loadKeyRing(config, { createIfMissing: false });
    expect(created.keys[0]?.key.length).toBe(32);
    expect(read.keys[0]?.key.equals(created.keys[0]!.key)).toBe(true);
  });

  it('refuses to run in production without configured keys', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://c.example.com',
      DATA_DIR: tempDir(),
    });
    expect(() => loadKeyRing(config, { createIfMissing: true })).toThrow(/ENCRYPTION_KEYS/);
  });
});
