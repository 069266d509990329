// One-click fixes for a network's media rules: a new library item made from the original (which
// stays as it is), keeping its description and tags. Bluesky: re-encoded under 1,000,000 bytes;
// Instagram: centre-cropped into 4:5 .. 1.91:1.
import { Readable } from 'node:stream';
import type { Actor } from '@cadence/domain/accounts/actor';
import { unprocessable } from '@cadence/domain/errors';
import { networkLimits } from '@cadence/domain/networks/limits';
import sharp from 'sharp';
import { withImageSlot } from '../intake/image-slots';
import { MAX_IMAGE_PIXELS } from '../intake/image';
import { findMediaRow } from './library-use-cases';
import type { MediaDeps } from './media-deps';
import { uploadMedia } from './upload-media';

export const FIXABLE_NETWORKS = ['bluesky', 'instagram'] as const;
export type FixableNetwork = (typeof FIXABLE_NETWORKS)[number];

async function readAll(stream: Readable, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const part of stream) {
    total += (part as Buffer).length;
    if (total > maxBytes) throw unprocessable('errors.media.fixTooLarge', {}, { reason: 'fix_not_possible' });
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts);
}

/** Smaller JPEGs, step by step (quality first, then size), until one fits. */
export async function shrinkUnder(input: Buffer, maxBytes: number): Promise<Buffer> {
  const meta = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
  let edge = Math.min(2000, Math.max(meta.width ?? 2000, meta.height ?? 2000));
  for (let round = 0; round < 8; round++) {
    for (const quality of [85, 75, 65]) {
      const out = await sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS })
        .autoOrient()
        .resize(edge, edge, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality, mozjpeg: true })
        .toBuffer();
      if (out.length <= maxBytes) return out;
    }
    edge = Math.round(edge * 0.8);
  }
  throw unprocessable('errors.media.fixCannotShrink', {}, { reason: 'fix_not_possible' });
}

/** The largest centred crop whose width / height lies within [min, max]. */
export function cropWithin(width: number, height: number, min: number, max: number) {
  const aspect = width / height;
  if (aspect < min) return { width, height: Math.floor(width / min) };
  if (aspect > max) return { width: Math.floor(height * max), height };
  return { width, height };
}

export async function fixMediaForNetwork(
  deps: MediaDeps,
  actor: Actor,
  mediaId: string,
  network: FixableNetwork,
) {
  const row = await findMediaRow(deps.db, actor.workspaceId, mediaId);
  if (row.kind !== 'image') {
    throw unprocessable(
      'errors.media.fixStillOnly',
      {},
      {
        reason: 'fix_not_possible',
        field: 'network',
      },
    );
  }
  // Images are stored re-encoded and bounded by MEDIA_MAX_BYTES: reading one whole is bounded too.
  const original = await readAll(await deps.storage.get(row.storageKey), deps.maxBytes);
  const limits = networkLimits(network).media;
  // Bounded with uploads' image work; the copy's own intake below takes its slot after this one is freed.
  const fixed = await withImageSlot(async () => {
    if (network === 'bluesky') {
      return shrinkUnder(original, limits.imageMaxBytes ?? 1_000_000);
    }
    const aspect = limits.imageAspect ?? { min: 0.8, max: 1.91 };
    const target = cropWithin(row.width ?? 0, row.height ?? 0, aspect.min, aspect.max);
    const cropped = await sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS })
      .resize(target.width, target.height, { fit: 'cover', position: 'centre' })
      .jpeg({ quality: 90, mozjpeg: true })
      .toBuffer();
    return cropped.length > (limits.imageMaxBytes ?? Number.POSITIVE_INFINITY)
      ? shrinkUnder(cropped, limits.imageMaxBytes ?? 0)
      : cropped;
  });
  const base = row.name.replace(/\.[^.]*$/, '');
  return uploadMedia(deps, {
    actor,
    fileName: `${base} (${network}).jpg`,
    body: Readable.from([fixed]),
    kept: row.kept,
    derivedFrom: { id: row.id, alt: row.alt, tags: row.tags },
  });
}
