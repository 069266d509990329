// Images go through sharp (libvips, off the event loop in libuv's pool): the header is read first
// and an image with too many pixels is refused before any decoding (decompression bombs); the
// stored copy is re-encoded, which drops EXIF/GPS and anything hidden after the image data, and
// turned upright from its EXIF orientation.
import sharp, { type Metadata, type Sharp } from 'sharp';
import { MediaRejectedError } from './rejection';

/** 100 megapixels: more than any network accepts, far less than a bomb's billions. */
export const MAX_IMAGE_PIXELS = 100_000_000;
const THUMBNAIL_EDGE = 400;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

export async function readImageSize(file: string): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    // limitInputPixels false here: only the header is read, and the refusal below names the reason.
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaRejectedError('unreadable_file');
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new MediaRejectedError('unreadable_file');
  const frames = meta.pages ?? 1;
  if (width * height * frames > MAX_IMAGE_PIXELS) {
    throw new MediaRejectedError('too_many_pixels', { width, height, maxPixels: MAX_IMAGE_PIXELS });
  }
  return { width, height };
}

function open(file: string, format: ImageFormat): Sharp {
  // failOn 'truncated' refuses cut files; an animated GIF keeps its frames.
  return sharp(file, {
    limitInputPixels: MAX_IMAGE_PIXELS,
    failOn: 'truncated',
    animated: format === 'gif',
  }).autoOrient();
}

/** A clean copy in the same format, without metadata (sharp keeps none unless asked). */
export function cleanImage(file: string, format: ImageFormat): Sharp {
  const image = open(file, format);
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90, mozjpeg: true });
    case 'png':
      return image.png({ compressionLevel: 9 });
    case 'webp':
      return image.webp({ quality: 90 });
    case 'gif':
      return image.gif();
  }
}

export function thumbnail(file: string, format: ImageFormat): Sharp {
  return sharp(file, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' })
    .autoOrient()
    .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: format === 'png' ? 80 : 70 });
}
