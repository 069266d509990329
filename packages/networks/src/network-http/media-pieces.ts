// Large media (videos to X and LinkedIn) go up in pieces read from storage as they are sent: at
// most one piece and one storage chunk are in memory at a time, however long the video.
import type { MediaRef } from '@cadence/db';
import type { PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import type { LibrarySource, MediaSourceDeps } from './library-media';
import { downloadMedia } from './media';

/**
 * A media URL typed into a post (not a library item) has no store to stream from: it is
 * downloaded whole, so it is held to this size; larger videos go through the library.
 */
const URL_MEDIA_MAX_BYTES = 50 * 1024 * 1024;

/** The attachment as a source of pieces: a library item streamed from storage, or a URL's bytes. */
export async function openMedia(
  ref: MediaRef,
  request: Pick<PublishRequest, 'workspaceId'>,
  deps: MediaSourceDeps,
  signal: AbortSignal,
  maxBytes: number,
): Promise<LibrarySource> {
  if (ref.mediaId && deps.library) {
    const source = await deps.library.source(request.workspaceId, ref.mediaId, maxBytes);
    if (source === null)
      throw new NetworkError('permanent', 'A media item of this post is no longer in the library');
    if (source === 'too_large')
      throw new NetworkError('permanent', `A media item of this post is larger than ${maxBytes} bytes`);
    return source;
  }
  const file = await downloadMedia(ref, deps.http, signal, Math.min(maxBytes, URL_MEDIA_MAX_BYTES));
  return {
    bytes: file.bytes.length,
    mimeType: file.mimeType,
    width: null,
    height: null,
    open: async () =>
      (async function* () {
        yield file.bytes;
      })(),
  };
}

/** Cuts a stream into pieces of the sizes asked for, and checks it holds exactly `total` bytes. */
export class PieceReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private read = 0;
  private ended = false;

  constructor(
    stream: AsyncIterable<Uint8Array>,
    private readonly total: number,
  ) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** The next `size` bytes (fewer only for the last piece); an empty buffer once all are read. */
  async take(size: number): Promise<Buffer> {
    while (this.heldBytes < size && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else {
        this.held.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
        this.heldBytes += next.value.byteLength;
      }
    }
    const all = this.held.length === 1 && this.held[0] ? this.held[0] : Buffer.concat(this.held);
    const piece = all.subarray(0, size);
    const rest = all.subarray(size);
    this.held = rest.length > 0 ? [rest] : [];
    this.heldBytes = rest.length;
    this.read += piece.length;
    // A short piece means the stream ended; either way the count must come out exact.
    if (this.read > this.total || (piece.length < size && this.read !== this.total))
      throw new NetworkError('permanent', 'The stored media file is not the size the library recorded');
    return piece;
  }

  /** Stops reading the store (a failed upload must not leave the file open). */
  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
    this.ended = true;
  }
}
