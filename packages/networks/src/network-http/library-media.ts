// Media from Cadence's own library (issue 14): adapters read a library item's bytes from the media
// store rather than downloading a URL, and remember what a network answered for each upload, so a
// retried target reuses the upload instead of sending the bytes again.
import { createHash } from 'node:crypto';
import type { MediaRef } from '@cadence/db';
import type { z } from 'zod';
import type { PublishRequest } from '../adapter';
import { NetworkError } from '../errors';
import type { SafeHttpOptions } from '../safe-http';
import { downloadMedia, type MediaFile } from './media';

export interface LibraryFile {
  bytes: Buffer;
  mimeType: string;
  width: number | null;
  height: number | null;
}

/** Reads a library item of one workspace (never another's), or null when it is not there. */
export interface MediaLibraryReader {
  read(workspaceId: string, mediaId: string, maxBytes: number): Promise<LibraryFile | 'too_large' | null>;
}

/** What networks already hold for a target: written before the post is made, read on a retry. */
export interface RemoteUploads {
  recall(targetId: string, key: string): Promise<unknown>;
  remember(targetId: string, key: string, remote: unknown): Promise<void>;
}

export interface MediaSourceDeps {
  http: SafeHttpOptions;
  library?: MediaLibraryReader | undefined;
  uploads?: RemoteUploads | undefined;
}

export type SourcedFile = MediaFile & { width: number | null; height: number | null };

/** The bytes of one attachment: from the library when it names an item, else from its URL. */
export async function loadMedia(
  ref: MediaRef,
  request: Pick<PublishRequest, 'workspaceId'>,
  deps: MediaSourceDeps,
  signal: AbortSignal,
  maxBytes: number,
): Promise<SourcedFile> {
  if (ref.mediaId && deps.library) {
    const file = await deps.library.read(request.workspaceId, ref.mediaId, maxBytes);
    if (file === null)
      throw new NetworkError('permanent', 'A media item of this post is no longer in the library');
    if (file === 'too_large')
      throw new NetworkError('permanent', `A media item of this post is larger than ${maxBytes} bytes`);
    return { ...file, alt: ref.alt, kind: ref.kind };
  }
  return { ...(await downloadMedia(ref, deps.http, signal, maxBytes)), width: null, height: null };
}

/** A short stable name for one attachment of a target on one network. */
export function uploadKey(network: string, index: number, ref: MediaRef): string {
  const what = ref.mediaId ?? ref.url;
  return `${network}:${index}:${createHash('sha256').update(what).digest('base64url').slice(0, 22)}`;
}

/**
 * Runs `upload` unless this target already uploaded this attachment; the network's answer is
 * remembered before anything else happens, so a failure after it (posting) does not repeat it.
 */
export async function uploadOnce<T>(
  uploads: RemoteUploads | undefined,
  targetId: string,
  key: string,
  schema: z.ZodType<T>,
  upload: () => Promise<T>,
): Promise<{ remote: T; reused: boolean }> {
  const known = schema.safeParse(await uploads?.recall(targetId, key));
  if (known.success && uploads) return { remote: known.data, reused: true };
  const remote = await upload();
  await uploads?.remember(targetId, key, remote);
  return { remote, reused: false };
}
