// One small interface in front of where media bytes live (decision 0120). The database says what
// an item is; the store only keeps bytes under a key that Cadence made, never one a person typed.
import type { Readable } from 'node:stream';

export interface MediaStorage {
  /**
   * Streams `body` to `key`. Nothing is visible under `key` until the whole stream has arrived:
   * a failed or interrupted write leaves no object and no temporary file behind.
   * `maxBytes` stops the copy as soon as the stream goes past it (MediaTooLargeError).
   */
  put(
    key: string,
    body: Readable,
    options: { contentType: string; maxBytes?: number },
  ): Promise<{ bytes: number }>;
  /** The object's bytes, or MediaObjectMissingError. */
  get(key: string): Promise<Readable>;
  /** Its size, or undefined when there is none. */
  stat(key: string): Promise<{ bytes: number } | undefined>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
}

export class MediaObjectMissingError extends Error {
  constructor(readonly key: string) {
    super(`no stored media object ${key}`);
    this.name = 'MediaObjectMissingError';
  }
}

export class MediaTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`media larger than ${maxBytes} bytes`);
    this.name = 'MediaTooLargeError';
  }
}

// Keys are built by Cadence from ids: "<workspace-id>/<item-id>/<variant>". Refusing anything else
// here means no path traversal on disk and no surprise prefixes in a bucket, whoever calls.
const KEY = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9._-]{0,127}){1,3}$/;

export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes('..'))
    throw new Error(`invalid media storage key: ${JSON.stringify(key)}`);
}
