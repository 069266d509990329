import path from 'node:path';
import type { Config } from '@cadence/config';
import { localMediaStorage } from './local-storage';
import { s3MediaStorage } from './s3-storage';
import type { MediaStorage } from './storage';

export * from './storage';
export { localMediaStorage } from './local-storage';
export { s3MediaStorage } from './s3-storage';

/** The store the configuration asks for: DATA_DIR/media by default. */
export function mediaStorageFromConfig(config: Config): MediaStorage {
  const storage = config.media.storage;
  return storage.kind === 's3'
    ? s3MediaStorage(storage)
    : localMediaStorage(path.join(config.dataDir, 'media'));
}
