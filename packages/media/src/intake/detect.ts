import { fileTypeFromBuffer } from 'file-type';
import type { ImageFormat } from './image';
import { MediaRejectedError } from './rejection';

export type Detected =
  | { kind: 'image' | 'gif'; contentType: string; format: ImageFormat; extension: string }
  | { kind: 'video'; contentType: string; extension: string };

const ACCEPTED: Record<string, Detected> = {
  'image/jpeg': { kind: 'image', contentType: 'image/jpeg', format: 'jpeg', extension: 'jpg' },
  'image/png': { kind: 'image', contentType: 'image/png', format: 'png', extension: 'png' },
  'image/webp': { kind: 'image', contentType: 'image/webp', format: 'webp', extension: 'webp' },
  'image/gif': { kind: 'gif', contentType: 'image/gif', format: 'gif', extension: 'gif' },
  'video/mp4': { kind: 'video', contentType: 'video/mp4', extension: 'mp4' },
  'video/quicktime': { kind: 'video', contentType: 'video/quicktime', extension: 'mov' },
};

/** The real type, from the first bytes of the content: the name and the declared type are ignored. */
export async function detectType(head: Buffer): Promise<Detected> {
  const found = await fileTypeFromBuffer(head);
  const accepted = found ? ACCEPTED[found.mime] : undefined;
  if (accepted) return accepted;
  const text = head.toString('utf8', 0, Math.min(head.length, 1024)).toLowerCase();
  if (text.includes('<svg') || (found?.mime ?? '').includes('svg'))
    throw new MediaRejectedError('svg_not_accepted');
  throw new MediaRejectedError('type_not_supported', { detected: found?.mime ?? null });
}
