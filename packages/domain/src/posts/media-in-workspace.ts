// A post may name only library items of its own workspace (issue 14): every mediaId it is saved
// with, on the post and on each network's variant, must exist there, or the save is refused with
// 422 naming the field. The items are locked FOR KEY SHARE until the save commits, so a deletion
// running at the same time (which locks its item FOR UPDATE, then looks for posts using it)
// either finishes first, and this check sees the item gone, or waits and then sees this post.
import { type Executor, mediaItems } from '@cadence/db';
import { and, eq, inArray } from 'drizzle-orm';
import { unprocessable } from '../errors';
import type { MediaRefInput } from './schemas';

interface Named {
  field: string;
  mediaId: string;
}

/** Each library reference with the field that carries it, in the order a person reads the form. */
export function libraryReferences(body: {
  media?: readonly MediaRefInput[] | undefined;
  targets?: readonly { media?: readonly MediaRefInput[] | null | undefined }[] | undefined;
}): Named[] {
  const named: Named[] = [];
  const collect = (prefix: string, refs: readonly MediaRefInput[] | null | undefined) => {
    for (const [i, ref] of (refs ?? []).entries())
      if (ref.mediaId) named.push({ field: `${prefix}.${i}.mediaId`, mediaId: ref.mediaId });
  };
  collect('body.media', body.media);
  for (const [i, t] of (body.targets ?? []).entries()) collect(`body.targets.${i}.media`, t.media);
  return named;
}

export async function assertMediaInWorkspace(
  tx: Executor,
  workspaceId: string,
  references: readonly Named[],
): Promise<void> {
  // Bounded by the schema: at most LIMITS.media per list, LIMITS.targets lists.
  if (references.length === 0) return;
  const ids = [...new Set(references.map((r) => r.mediaId))];
  const found = await tx
    .select({ id: mediaItems.id })
    .from(mediaItems)
    .where(and(eq(mediaItems.workspaceId, workspaceId), inArray(mediaItems.id, ids)))
    .for('key share');
  const present = new Set(found.map((r) => r.id));
  const missing = references.find((r) => !present.has(r.mediaId));
  if (missing) {
    // Another workspace's item reads exactly like a missing one.
    throw unprocessable(
      'errors.posts.mediaNotInLibrary',
      {},
      {
        field: missing.field,
        reason: 'media_not_found',
        mediaId: missing.mediaId,
      },
    );
  }
}
