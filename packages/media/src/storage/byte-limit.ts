import { Transform, type TransformCallback } from 'node:stream';
import { MediaTooLargeError } from './storage';

/** Counts bytes as they pass and fails the pipeline the moment the count goes over `maxBytes`. */
export class ByteCounter extends Transform {
  bytes = 0;
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) done(new MediaTooLargeError(this.maxBytes));
    else done(null, chunk);
  }
}
