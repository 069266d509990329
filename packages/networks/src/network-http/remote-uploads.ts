// The database's memory of uploads a network already holds (table target_media_uploads).
import { type Db, targetMediaUploads } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import type { RemoteUploads } from './library-media';

export function databaseRemoteUploads(db: Db): RemoteUploads {
  return {
    async recall(targetId, key) {
      const [row] = await db
        .select({ remote: targetMediaUploads.remote })
        .from(targetMediaUploads)
        .where(and(eq(targetMediaUploads.targetId, targetId), eq(targetMediaUploads.key, key)));
      return row?.remote;
    },
    async remember(targetId, key, remote) {
      // Two attempts never run at once for a target (the send lease), but if they did, both
      // uploads are valid; keeping the first is enough.
      await db.insert(targetMediaUploads).values({ targetId, key, remote }).onConflictDoNothing();
    },
  };
}
