// The database's memory of uploads a network already holds (table target_media_uploads).
import { type Db, targetMediaUploads } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { RemoteUploads } from './library-media';

export function databaseRemoteUploads(db: Db): RemoteUploads {
  const row = (targetId: string, key: string) =>
    and(eq(targetMediaUploads.targetId, targetId), eq(targetMediaUploads.key, key));
  return {
    async recall(targetId, key) {
      const [found] = await db
        .select({ remote: targetMediaUploads.remote })
        .from(targetMediaUploads)
        .where(row(targetId, key));
      return found?.remote;
    },
    async remember(targetId, key, remote) {
      // Two attempts never run at once for a target (the send lease), but if they did, both
      // uploads are valid; keeping the first is enough.
      await db.insert(targetMediaUploads).values({ targetId, key, remote }).onConflictDoNothing();
    },
    async forget(targetId, key) {
      await db.delete(targetMediaUploads).where(row(targetId, key));
    },
  };
}
