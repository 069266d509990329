// The publisher opens channel credentials with the same keys as the API: ENCRYPTION_KEYS, or on
// a local embedded setup the key file the API generated beside the data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@cadence/config';
import type { KeyRing } from '@cadence/domain/security/secret-box';

export function publisherKeyRing(config: Config): KeyRing {
  if (config.encryptionKeys) return { keys: config.encryptionKeys };
  const file = path.join(config.dataDir, 'encryption.key');
  if (!existsSync(file)) return { keys: [] };
  const [id, b64] = readFileSync(file, 'utf8').trim().split(':');
  return { keys: [{ id: id ?? 'local', key: Buffer.from(b64 ?? '', 'base64') }] };
}
