// Media from Cadence's own library (issue 14): adapters read a library item's bytes from the media
// store rather than downloading a URL, and remember what a network answered for each upload, so a
// retried target reuses the upload instead of sending the bytes again.
import { createHash } from 'node:crypto';
import type { MediaRef } from '@cadence/db';
import { networkLimits } from '@cadence/domain/networks/limits';
import type { Network } from '@cadence/domain/networks/schemas';
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

interface LibraryLink {
  url: string;
  mimeType: string;
  width: number | null;
  height: number | null;
}

/**
 * A library item to send in pieces (videos to X and LinkedIn): its facts at once, its bytes only
 * when `open` is called, as a stream from storage that is never held whole.
 */
export interface LibrarySource {
  bytes: number;
  mimeType: string;
  width: number | null;
  height: number | null;
  open(): Promise<AsyncIterable<Uint8Array>>;
}

/** Reads a library item of one workspace (never another's), or null when it is not there. */
export interface MediaLibraryReader {
  read(workspaceId: string, mediaId: string, maxBytes: number): Promise<LibraryFile | 'too_large' | null>;
  /** The same item as a source to stream from, for uploads sent in pieces. */
  source(workspaceId: string, mediaId: string, maxBytes: number): Promise<LibrarySource | 'too_large' | null>;
  /**
   * A short-lived public link to the item, for networks that fetch media themselves; absent when
   * Cadence has no public address (PUBLIC_URL) to give.
   */
  link?:
    | ((workspaceId: string, mediaId: string, maxBytes: number) => Promise<LibraryLink | 'too_large' | null>)
    | undefined;
}

/** What networks already hold for a target: written before the post is made, read on a retry. */
export interface RemoteUploads {
  recall(targetId: string, key: string): Promise<unknown>;
  remember(targetId: string, key: string, remote: unknown): Promise<void>;
  /** Drops what the network no longer holds (an upload past its documented lifetime). */
  forget(targetId: string, key: string): Promise<void>;
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

const UNBOUNDED_FETCH = 4 * 1024 ** 3;

/**
 * The URL a network fetches one attachment from (Instagram, Threads, Facebook): the post's own
 * https URL, or for a library item a signed link to it that expires within the hour.
 */
export async function fetchableUrl(
  ref: MediaRef,
  request: Pick<PublishRequest, 'workspaceId'>,
  library: MediaLibraryReader | undefined,
  network: Network,
  label: string,
): Promise<string> {
  if (!ref.mediaId) return ref.url;
  const limits = networkLimits(network).media;
  // Where the network documents no size, it judges the file itself; the link stays bounded.
  const maxBytes = (ref.kind === 'video' ? limits.videoMaxBytes : limits.imageMaxBytes) ?? UNBOUNDED_FETCH;
  if (!library?.link)
    throw new NetworkError(
      'permanent',
      `${label} fetches media from Cadence's public address: set PUBLIC_URL to publish library media there`,
    );
  const link = await library.link(request.workspaceId, ref.mediaId, maxBytes);
  if (link === null)
    throw new NetworkError('permanent', 'A media item of this post is no longer in the library');
  if (link === 'too_large')
    throw new NetworkError(
      'permanent',
      `A media item of this post is larger than ${label} takes (${maxBytes} bytes)`,
    );
  return link.url;
}

/** A short stable name for one attachment of a target on one network. */
export function uploadKey(network: string, index: number, ref: MediaRef): string {
  const what = ref.mediaId ?? ref.url;
  return `${network}:${index}:${createHash('sha256').update(what).digest('base64url').slice(0, 22)}`;
}

/**
 * Until when an upload the network keeps for `lifetimeMs` may be reused, as stored with it
 * (`expiresAt`): short of the end by up to ten minutes (half a short lifetime), because the post
 * may take a while to go out after the upload is picked up.
 */
export function expiresIn(now: () => Date, lifetimeMs: number): string {
  const margin = Math.min(10 * 60_000, lifetimeMs / 2);
  return new Date(now().getTime() + lifetimeMs - margin).toISOString();
}

/**
 * Runs `upload` unless this target already uploaded this attachment and the network still holds
 * it (an `expiresAt` in the remembered answer, see `expiresIn`, checked against `now`); the network's answer is
 * remembered before anything else happens, so a failure after it (posting) does not repeat it.
 */
export async function uploadOnce<T extends object>(
  uploads: RemoteUploads | undefined,
  targetId: string,
  key: string,
  schema: z.ZodType<T>,
  upload: () => Promise<T>,
  now?: () => Date,
): Promise<{ remote: T; reused: boolean }> {
  const known = schema.safeParse(await uploads?.recall(targetId, key));
  if (known.success && uploads) {
    const stored = 'expiresAt' in known.data ? known.data.expiresAt : undefined;
    const expiresAt = typeof stored === 'string' ? Date.parse(stored) : Number.NaN;
    const fresh = Number.isNaN(expiresAt) || !now || expiresAt > now().getTime();
    if (fresh) return { remote: known.data, reused: true };
    await uploads.forget(targetId, key);
  }
  const remote = await upload();
  await uploads?.remember(targetId, key, remote);
  return { remote, reused: false };
}
