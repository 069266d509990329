// The bytes behind a signed media link (see media-links.ts). The link is the credential: no
// session, no workspace in the URL. A refused link answers the same whether or not the item
// exists; a genuine link to an item deleted since answers 404.
import { type Db, mediaItems } from '@cadence/db';
import { notFound, sayError } from '@cadence/domain/errors';
import { eq } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { MediaStorage } from '../storage/storage';
import { checkMediaLink, type MediaLinkKeys } from './media-links';

export async function readLinkedMedia(
  deps: { db: Db; storage: MediaStorage; keys: MediaLinkKeys; now: () => Date },
  link: { mediaId: string; expires: string; signature: string },
): Promise<{ body: Readable; contentType: string; name: string; bytes: number }> {
  const verdict = checkMediaLink({ ...link, keys: deps.keys, now: deps.now() });
  if (verdict !== 'valid') {
    throw sayError(
      'forbidden',
      verdict === 'expired' ? 'errors.media.linkExpired' : 'errors.media.linkInvalid',
      {},
      { reason: verdict === 'expired' ? 'link_expired' : 'link_invalid' },
    );
  }
  const [row] = await deps.db.select().from(mediaItems).where(eq(mediaItems.id, link.mediaId));
  if (!row) throw notFound('media_item');
  return {
    body: await deps.storage.get(row.storageKey),
    contentType: row.contentType,
    name: row.name,
    bytes: row.bytes,
  };
}
