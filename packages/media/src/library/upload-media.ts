// Upload one file into a workspace's library: checked and stored by the intake, then recorded
// under the workspace's quota. The quota check and the insert run with the workspace row locked,
// so two uploads at once cannot both slip under it.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { mediaItems, workspaces } from '@cadence/db';
import type { Actor } from '@cadence/domain/accounts/actor';
import { personOf } from '@cadence/domain/accounts/actor';
import { eq, sql } from 'drizzle-orm';
import { intakeMedia } from '../intake/intake';
import { MediaRejectedError } from '../intake/rejection';
import type { MediaDeps } from './media-deps';
import { toMediaView } from './media-view';

export async function uploadMedia(
  deps: MediaDeps,
  {
    actor,
    fileName,
    body,
    kept,
    derivedFrom,
  }: {
    actor: Actor;
    fileName: string | undefined;
    body: Readable;
    kept: boolean;
    /** For a fixed copy: the item it comes from, whose description and tags it keeps. */
    derivedFrom?: { id: string; alt: Record<string, string>; tags: string[] };
  },
) {
  const id = randomUUID();
  const stored = await intakeMedia({
    storage: deps.storage,
    tempDir: deps.tempDir,
    maxBytes: deps.maxBytes,
    keyPrefix: `${actor.workspaceId}/${id}`,
    fileName,
    body,
    encodedByCadence: derivedFrom !== undefined,
  });
  const keys = [stored.storageKey, ...(stored.thumbnailKey ? [stored.thumbnailKey] : [])];
  try {
    const row = await deps.db.transaction(async (tx) => {
      await tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(eq(workspaces.id, actor.workspaceId))
        .for('update');
      const [used] = await tx
        .select({ bytes: sql<string>`coalesce(sum(${mediaItems.bytes}), 0)` })
        .from(mediaItems)
        .where(eq(mediaItems.workspaceId, actor.workspaceId));
      if (Number(used?.bytes ?? 0) + stored.bytes > deps.workspaceQuotaBytes) {
        throw new MediaRejectedError('quota_exceeded', { quotaBytes: deps.workspaceQuotaBytes });
      }
      const [inserted] = await tx
        .insert(mediaItems)
        .values({
          id,
          workspaceId: actor.workspaceId,
          name: stored.name,
          kind: stored.kind,
          contentType: stored.contentType,
          bytes: stored.bytes,
          width: stored.width,
          height: stored.height,
          durationMs: stored.durationMs,
          codec: stored.codec,
          storageKey: stored.storageKey,
          thumbnailKey: stored.thumbnailKey,
          kept,
          ...(derivedFrom
            ? { derivedFromId: derivedFrom.id, alt: derivedFrom.alt, tags: derivedFrom.tags }
            : {}),
          uploadedBy: personOf(actor),
          createdAt: deps.now(),
        })
        .returning();
      return inserted;
    });
    if (!row) throw new Error('media insert returned no row');
    return toMediaView(row, []);
  } catch (error) {
    await Promise.allSettled(keys.map((key) => deps.storage.delete(key)));
    throw error;
  }
}
