// A real probe of MP4/MOV files with mp4box (pure JavaScript, decision 0121): duration, size and
// codec from the `moov` box. Only the top-level box headers are read to find `moov`; the media
// data (`mdat`) is skipped by seeking, so a 2 GB video costs a few reads, not 2 GB of memory.
import { open } from 'node:fs/promises';
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';
import { MediaRejectedError } from './rejection';

const MAX_MOOV_BYTES = 64 * 1024 * 1024;

export interface VideoProbe {
  width: number;
  height: number;
  durationMs: number;
  codec: string;
}

export async function probeVideo(file: string, totalBytes: number): Promise<VideoProbe> {
  const handle = await open(file, 'r');
  try {
    const boxes: { start: number; data: Buffer }[] = [];
    let offset = 0;
    const header = Buffer.alloc(16);
    while (offset < totalBytes) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) throw new MediaRejectedError('unreadable_file');
      let size = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (size === 1) size = Number(header.readBigUInt64BE(8));
      else if (size === 0) size = totalBytes - offset;
      if (size < 8 || offset + size > totalBytes) throw new MediaRejectedError('unreadable_file');
      if (type === 'ftyp' || type === 'moov') {
        if (size > MAX_MOOV_BYTES) throw new MediaRejectedError('unreadable_file');
        const data = Buffer.alloc(size);
        await handle.read(data, 0, size, offset);
        boxes.push({ start: offset, data });
      }
      offset += size;
    }
    return parseMovie(boxes);
  } finally {
    await handle.close();
  }
}

function parseMovie(boxes: { start: number; data: Buffer }[]): VideoProbe {
  let movie: Movie | undefined;
  const mp4 = createFile();
  mp4.onReady = (info) => {
    movie = info;
  };
  mp4.onError = () => {
    movie = undefined;
  };
  try {
    for (const box of boxes) {
      const copy = box.data.buffer.slice(box.data.byteOffset, box.data.byteOffset + box.data.length);
      mp4.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy as ArrayBuffer, box.start));
    }
    mp4.flush();
  } catch {
    throw new MediaRejectedError('unreadable_file');
  }
  const track = movie?.videoTracks[0];
  if (!movie || !track || !movie.timescale) throw new MediaRejectedError('unreadable_file');
  return {
    width: track.video?.width ?? track.track_width,
    height: track.video?.height ?? track.track_height,
    durationMs: Math.round((movie.duration / movie.timescale) * 1000),
    codec: track.codec,
  };
}
