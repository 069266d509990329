import { channels, type Db } from '@cadence/db';
import { asc, eq } from 'drizzle-orm';
import { toPublicChannel } from './public-channel';

export async function listChannels(db: Db, workspaceId: string) {
  const rows = await db
    .select()
    .from(channels)
    .where(eq(channels.workspaceId, workspaceId))
    .orderBy(asc(channels.createdAt), asc(channels.id));
  return rows.map(toPublicChannel);
}
