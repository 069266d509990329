// The sandbox network: posts land in Cadence's own feed table, so a newcomer sees the whole flow
// without any account. The target id is the item's unique key, which makes publishing the same
// target twice impossible and lets the publisher find out whether a post went out.
import { type Db, sandboxFeedItems } from '@cadence/db';
import { eq } from 'drizzle-orm';
import type { NetworkAdapter, Published, PublishRequest } from './adapter';

export function createSandboxAdapter(deps: { db: Db }): NetworkAdapter {
  const find = async (request: PublishRequest): Promise<Published | null> => {
    const [row] = await deps.db
      .select({ id: sandboxFeedItems.id })
      .from(sandboxFeedItems)
      .where(eq(sandboxFeedItems.targetId, request.targetId));
    return row ? { externalId: row.id, externalUrl: null } : null;
  };
  return {
    network: 'sandbox',
    capabilities: { canFindExisting: true, idempotentRetry: true },
    async publish(request) {
      const [row] = await deps.db
        .insert(sandboxFeedItems)
        .values({
          workspaceId: request.workspaceId,
          channelId: request.channelId,
          postId: request.postId,
          targetId: request.targetId,
          text: request.text,
          link: request.link,
          media: request.media,
          firstComment: request.firstComment,
        })
        .onConflictDoNothing({ target: sandboxFeedItems.targetId })
        .returning({ id: sandboxFeedItems.id });
      if (row) return { externalId: row.id, externalUrl: null };
      const existing = await find(request);
      if (!existing) throw new Error('sandbox item vanished between insert and lookup');
      return existing;
    },
    findExisting: (request) => find(request),
  };
}
