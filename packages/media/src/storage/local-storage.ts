// Media on the local disk under DATA_DIR/media: nothing to set up for a newcomer.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteCounter } from './byte-limit';
import { assertStorageKey, type MediaStorage, MediaObjectMissingError } from './storage';

export function localMediaStorage(root: string): MediaStorage {
  const base = path.resolve(root);
  // Partial writes go to a temporary name in the same directory tree (so the final rename is
  // atomic) and are removed when the stream fails.
  const tempDir = path.join(base, '.incoming');
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(base, ...key.split('/'));
  };

  return {
    async put(key, body, { maxBytes }) {
      const target = fileOf(key);
      await mkdir(tempDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(tempDir, `${randomBytes(12).toString('hex')}.part`);
      const counter = new ByteCounter(maxBytes);
      try {
        await pipeline(body, counter, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { bytes: counter.bytes };
    },

    async get(key) {
      const file = fileOf(key);
      const stream = createReadStream(file);
      // Surface a missing file as our error before the caller starts answering.
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'ENOENT' ? new MediaObjectMissingError(key) : error),
        );
      });
      return stream as Readable;
    },

    async stat(key) {
      try {
        const s = await stat(fileOf(key));
        return { bytes: s.size };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },

    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
