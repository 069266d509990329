// LinkedIn media. Images: POST /rest/images?action=initializeUpload gives an upload URL and an
// image URN; the bytes are PUT to that URL; the post refers to the URN with its alt text. Videos:
// the Videos API in parts (video.ts); a post carries one video alone. Each URN is remembered per
// target, so a retry after the post failed refers to the upload LinkedIn already holds (LinkedIn
// documents no expiry for an uploaded image or video).
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { loadMedia, uploadKey, uploadOnce } from '../network-http/library-media';
import { linkedinCall } from './http';
import type { LinkedinMediaContext } from './media-context';
import { uploadLinkedinVideo, waitUntilAvailable } from './video';

const initialized = z.object({
  value: z.object({
    uploadUrl: z.url({ protocol: /^https?$/ }),
    image: z.string().startsWith('urn:li:image:').max(200),
  }),
});
const remembered = z.object({ id: z.string().regex(/^urn:li:(image|video):[A-Za-z0-9_-]{1,100}$/) });

type LinkedinMedia =
  | { media: { id: string; altText?: string; title?: string } }
  | { multiImage: { images: { id: string; altText: string }[] } };

export async function uploadLinkedinMedia(c: LinkedinMediaContext): Promise<LinkedinMedia> {
  const media: MediaRef[] = c.request.media;
  const [first] = media;
  if (first && media.some((m) => m.kind === 'video')) {
    if (media.length > 1 || first.kind !== 'video')
      throw new NetworkError('permanent', 'A LinkedIn post carries one video alone, without images');
    const { remote } = await uploadOnce(
      c.deps.uploads,
      c.request.targetId,
      uploadKey('linkedin', 0, first),
      remembered,
      async () => ({ id: await uploadLinkedinVideo(c, first) }),
    );
    // Checked on a reused upload too: a first attempt may have stopped while it was processing.
    await waitUntilAvailable(c, remote.id);
    return { media: { id: remote.id, ...(first.alt ? { title: first.alt.slice(0, 400) } : {}) } };
  }
  const images = [];
  for (const [index, ref] of media.slice(0, 20).entries()) {
    const { remote } = await uploadOnce(
      c.deps.uploads,
      c.request.targetId,
      uploadKey('linkedin', index, ref),
      remembered,
      async () => ({ id: await uploadImage(c, ref) }),
    );
    images.push({ id: remote.id, altText: ref.alt.slice(0, 4086) });
  }
  const [only] = images;
  return images.length === 1 && only ? { media: only } : { multiImage: { images } };
}

async function uploadImage(c: LinkedinMediaContext, ref: MediaRef): Promise<string> {
  const file = await loadMedia(ref, c.request, c.deps, c.signal, 36 * 1024 * 1024);
  const init = await linkedinCall(
    {
      method: 'POST',
      url: `${c.api}/rest/images?action=initializeUpload`,
      json: { initializeUploadRequest: { owner: c.author } },
    },
    c.token,
    c.deps.http,
    c.signal,
    c.now,
  );
  const { uploadUrl, image } = readAnswer(
    initialized,
    init,
    'Preparing an image upload on LinkedIn',
    'transient',
  ).value;
  await linkedinCall(
    { method: 'PUT', url: uploadUrl, body: { bytes: file.bytes, contentType: file.mimeType } },
    c.token,
    { ...c.deps.http, timeoutMs: 120_000 },
    c.signal,
    c.now,
  );
  return image;
}
