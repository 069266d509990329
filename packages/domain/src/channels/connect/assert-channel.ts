import { channels, type Executor } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { notFound, sayError } from '../../errors';

/** Reconnecting names a channel: it must be this workspace's, and of the network being connected. */
export async function assertChannel(db: Executor, workspaceId: string, channelId: string, network: string) {
  const [row] = await db
    .select({ network: channels.network })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  if (row.network !== network)
    throw sayError('validation_failed', 'errors.connect.wrongNetwork', {
      channelNetwork: row.network,
      network,
    });
}
