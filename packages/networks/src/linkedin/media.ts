// LinkedIn images: POST /rest/images?action=initializeUpload gives an upload URL and an image
// URN; the bytes are PUT to that URL; the post then refers to the URN with its alt text.
import type { MediaRef } from '@cadence/db';
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import type { PublishRequest } from '../adapter';
import type { AdapterDeps } from '../network-http/compose';
import { loadMedia } from '../network-http/library-media';
import { linkedinCall } from './http';

const initialized = z.object({
  value: z.object({
    uploadUrl: z.url({ protocol: /^https?$/ }),
    image: z.string().startsWith('urn:li:image:').max(200),
  }),
});

export async function uploadLinkedinImages(
  input: { api: string; token: string; author: string; request: PublishRequest },
  deps: AdapterDeps,
  signal: AbortSignal,
  now: () => Date,
): Promise<{ id: string; altText: string }[]> {
  const { http } = deps;
  const media: MediaRef[] = input.request.media;
  if (media.some((m) => m.kind === 'video')) {
    throw new NetworkError('permanent', 'Cadence does not publish videos to LinkedIn yet; use images');
  }
  const images = [];
  for (const ref of media.slice(0, 20)) {
    const file = await loadMedia(ref, input.request, deps, signal, 36 * 1024 * 1024);
    const init = await linkedinCall(
      {
        method: 'POST',
        url: `${input.api}/rest/images?action=initializeUpload`,
        json: { initializeUploadRequest: { owner: input.author } },
      },
      input.token,
      http,
      signal,
      now,
    );
    const { uploadUrl, image } = readAnswer(
      initialized,
      init,
      'Preparing an image upload on LinkedIn',
      'transient',
    ).value;
    await linkedinCall(
      { method: 'PUT', url: uploadUrl, body: { bytes: file.bytes, contentType: file.mimeType } },
      input.token,
      { ...http, timeoutMs: 120_000 },
      signal,
      now,
    );
    images.push({ id: image, altText: ref.alt.slice(0, 4086) });
  }
  return images;
}
