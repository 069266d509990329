// The keys that seal channel credentials. Production passes ENCRYPTION_KEYS; a newcomer on the
// embedded database gets one generated once and kept beside the data, so restarts (and the
// publisher, which only reads it) can still decrypt.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@cadence/config';
import type { KeyRing } from './secret-box';

export function loadKeyRing(config: Config, options: { createIfMissing: boolean }): KeyRing {
  if (config.encryptionKeys) return { keys: config.encryptionKeys };
  if (config.env === 'production') {
    throw new Error(
      'ENCRYPTION_KEYS must be set in production (e.g. "k1:" followed by 32 random bytes in base64)',
    );
  }
  const file = path.join(config.dataDir, 'encryption.key');
  if (!existsSync(file)) {
    if (!options.createIfMissing) return { keys: [] };
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `local:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const [id, b64] = readFileSync(file, 'utf8').trim().split(':');
  return { keys: [{ id: id ?? 'local', key: Buffer.from(b64 ?? '', 'base64') }] };
}
