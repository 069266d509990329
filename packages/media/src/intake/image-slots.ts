// How many images are decoded and re-encoded at once, per process. libvips holds each image being
// processed whole in memory (a 3300 x 2200 JPEG is 22 MB decoded, more while mozjpeg encodes), so 20
// uploads at once would otherwise decode 20 images at once: the upload itself is streamed to disk,
// and only this step is bounded. Waiting uploads hold only their temporary file.
import sharp from 'sharp';

/** Two at once keeps both cores busy on the small hosts Cadence targets. */
export const IMAGE_SLOTS = 2;

// One libvips thread per image (the slots give the parallelism), and no operation cache: each
// upload is a different image, so the cache only keeps decoded pixels alive.
sharp.concurrency(1);
sharp.cache(false);

let busy = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a slot is free; the queue is bounded by the uploads in flight (each has its request). */
export async function withImageSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= IMAGE_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line (busy stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else busy--;
  }
}
