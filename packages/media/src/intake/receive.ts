// Receives an upload stream into a private temporary file, never whole in memory: counting bytes
// (refused past the limit as they arrive), keeping the first bytes (type detection) and the last
// ones (an archive appended to an image).
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MediaTooLargeError } from '../storage/storage';
import { ByteCounter } from '../storage/byte-limit';
import { MediaRejectedError } from './rejection';

const HEAD_BYTES = 4100;
// A ZIP's end-of-central-directory record is 22 bytes plus a comment of up to 65,535.
const TAIL_BYTES = 22 + 65_535;

class HeadTail extends Transform {
  head = Buffer.alloc(0);
  tail = Buffer.alloc(0);
  override _transform(chunk: Buffer, _e: BufferEncoding, done: TransformCallback): void {
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    const joined =
      this.tail.length + chunk.length > TAIL_BYTES * 2
        ? Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES)
        : Buffer.concat([this.tail, chunk]);
    this.tail = joined.length > TAIL_BYTES ? Buffer.from(joined.subarray(-TAIL_BYTES)) : joined;
    done(null, chunk);
  }
}

export interface Received {
  file: string;
  bytes: number;
  head: Buffer;
  tail: Buffer;
}

export async function receiveToTempFile(
  body: Readable,
  options: { tempDir: string; maxBytes: number },
): Promise<Received> {
  await mkdir(options.tempDir, { recursive: true, mode: 0o700 });
  const file = path.join(options.tempDir, `${randomBytes(12).toString('hex')}.upload`);
  const counter = new ByteCounter(options.maxBytes);
  const headTail = new HeadTail();
  // Opened before the pipeline starts: a stream that opens its file lazily can create it after a
  // failed upload's clean-up has already run, leaving a stray file behind.
  const handle = await open(file, 'wx', 0o600);
  try {
    await pipeline(body, counter, headTail, handle.createWriteStream());
  } catch (error) {
    await rm(file, { force: true });
    if (error instanceof MediaTooLargeError || isMultipartTooLarge(error)) {
      throw new MediaRejectedError('file_too_large', { maxBytes: options.maxBytes });
    }
    throw new MediaRejectedError('upload_interrupted');
  }
  // @fastify/multipart truncates instead of failing when throwFileSizeLimit is off: treat it alike.
  if ((body as Readable & { truncated?: boolean }).truncated) {
    await rm(file, { force: true });
    throw new MediaRejectedError('file_too_large', { maxBytes: options.maxBytes });
  }
  return { file, bytes: counter.bytes, head: headTail.head, tail: headTail.tail };
}

function isMultipartTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}
