// One upload from stream to store: receive into a private temporary file (bounded), detect the
// real type, refuse what is unsafe, then store a clean copy and a thumbnail. Whatever happens,
// the temporary file is removed, and a refusal leaves nothing in the store.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { MediaStorage } from '../storage/storage';
import { detectType } from './detect';
import { checkFileName } from './file-name';
import { cleanImage, readImageSize, thumbnail } from './image';
import { withImageSlot } from './image-slots';
import { endsWithZipArchive } from './polyglot';
import { receiveToTempFile } from './receive';
import { MediaRejectedError } from './rejection';
import { probeVideo } from './video';

export interface IntakeInput {
  storage: MediaStorage;
  tempDir: string;
  maxBytes: number;
  /** Prefix of the keys, "<workspace-id>/<item-id>". */
  keyPrefix: string;
  fileName: string | undefined;
  body: Readable;
  /**
   * The bytes were encoded by Cadence itself (a fixed copy, already without metadata): stored as
   * they are, since re-encoding would undo a size fix.
   */
  encodedByCadence?: boolean;
}

export interface StoredMedia {
  name: string;
  kind: 'image' | 'gif' | 'video';
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  durationMs: number | null;
  codec: string | null;
  storageKey: string;
  thumbnailKey: string | null;
}

export async function intakeMedia(input: IntakeInput): Promise<StoredMedia> {
  let name: string;
  try {
    name = checkFileName(input.fileName);
  } catch (error) {
    input.body.resume(); // drain, so the request can finish and be answered
    throw error;
  }
  const received = await receiveToTempFile(input.body, { tempDir: input.tempDir, maxBytes: input.maxBytes });
  const written: string[] = [];
  try {
    if (received.bytes === 0) throw new MediaRejectedError('empty_file');
    const type = await detectType(received.head);
    if (endsWithZipArchive(received.tail)) throw new MediaRejectedError('polyglot_file');
    const storageKey = `${input.keyPrefix}/original.${type.extension}`;

    if (type.kind === 'video') {
      const probe = await probeVideo(received.file, received.bytes);
      written.push(storageKey);
      await input.storage.put(storageKey, createReadStream(received.file), { contentType: type.contentType });
      return { name, ...type, bytes: received.bytes, ...probe, storageKey, thumbnailKey: null };
    }

    const size = await readImageSize(received.file);
    written.push(storageKey);
    const thumbnailKey = `${input.keyPrefix}/thumbnail.webp`;
    const stored = await withImageSlot(async () => {
      const source = input.encodedByCadence
        ? createReadStream(received.file)
        : cleanImage(received.file, type.format);
      const copy = await storeImage(input.storage, storageKey, source, type.contentType);
      written.push(thumbnailKey);
      await storeImage(input.storage, thumbnailKey, thumbnail(received.file, type.format), 'image/webp');
      return copy;
    });
    return {
      name,
      kind: type.kind,
      contentType: type.contentType,
      bytes: stored.bytes,
      ...size,
      durationMs: null,
      codec: null,
      storageKey,
      thumbnailKey,
    };
  } catch (error) {
    await Promise.allSettled(written.map((key) => input.storage.delete(key)));
    throw error;
  } finally {
    await rm(received.file, { force: true });
  }
}

async function storeImage(storage: MediaStorage, key: string, image: Readable, contentType: string) {
  try {
    return await storage.put(key, image, { contentType });
  } catch (error) {
    // sharp's own errors (truncated data, bad pixels) mean the file is damaged; the store's are not ours to rename.
    if (error instanceof Error && /vips|Input|image|corrupt|truncat|premature/i.test(error.message)) {
      throw new MediaRejectedError('unreadable_file');
    }
    throw error;
  }
}
