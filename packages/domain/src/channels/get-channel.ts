import { channels, type Db } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { notFound } from '../errors';
import { toPublicChannel } from './public-channel';

export async function getChannel(db: Db, workspaceId: string, channelId: string) {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  return toPublicChannel(row);
}
