// The "inbox.like" job: brings the network in line with what the team asked for an item (liked
// or not; packages/domain/src/inbox/like-rules.ts). It reads the row when it runs, so a stale job
// (the team changed its mind since) does what is asked now or nothing. Both calls are safe to
// repeat (Mastodon's favourite is a no-op when already done; Bluesky's like record has a key
// derived from the request), so a retry after a crash mid-call never likes twice. After the call
// it records what the network has and, if the team changed its mind meanwhile, enqueues another
// run.
import { channels, type Db, inboxItems } from '@cadence/db';
import { enqueueLikeJob, LIKE_MAX_ATTEMPTS } from '@cadence/domain/inbox/like-item';
import { likeOnNetwork, likeWanted } from '@cadence/domain/inbox/like-rules';
import { type KeyRing, openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { type AdapterRegistry, NetworkError } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { markNeedsReconnect } from './needs-reconnect';

export interface ApplyLikeDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
}

export type LikeOutcome = 'liked' | 'unliked' | 'skipped' | 'failed';

const readItem = async (db: Db, itemId: string) =>
  (await db.select().from(inboxItems).where(eq(inboxItems.id, itemId)))[0];

export async function applyInboxLike(
  deps: ApplyLikeDeps,
  itemId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<LikeOutcome> {
  const { db } = deps;
  const item = await readItem(db, itemId);
  // Gone with its channel, already as asked, or failed (a new request from the team clears it).
  if (!item || item.likeError !== null || likeWanted(item) === likeOnNetwork(item)) return 'skipped';
  const fail = async (reason: string) => {
    await db
      .update(inboxItems)
      .set({ likeError: reason, updatedAt: deps.clock() })
      .where(eq(inboxItems.id, itemId));
    return 'failed' as const;
  };
  const [channel] = await db.select().from(channels).where(eq(channels.id, item.channelId));
  const adapter = channel ? deps.adapters[channel.network]?.inbox : undefined;
  if (!channel || !adapter?.like || !adapter.unlike)
    return fail('Cadence cannot like messages on this network');
  if (channel.status !== 'connected') return fail('The channel needs reconnecting');
  const call = {
    channelId: channel.id,
    credentials: channel.credentialsSealed
      ? openJson(deps.keyRing, channel.credentialsSealed, sealedIn.channelCredentials(channel.id))
      : null,
    target: { externalId: item.externalId, replyRef: item.replyRef },
  };
  const wanted = item.likeRequestedAt;
  try {
    if (wanted) {
      const liked = await adapter.like({ ...call, likeKey: `${item.id}:${wanted.getTime()}` }, signal);
      await db
        .update(inboxItems)
        .set({ likedAt: deps.clock(), likeExternalId: liked.likeExternalId, updatedAt: deps.clock() })
        .where(eq(inboxItems.id, itemId));
    } else {
      await adapter.unlike({ ...call, likeExternalId: item.likeExternalId ?? item.externalId }, signal);
      await db
        .update(inboxItems)
        .set({ likedAt: null, likeExternalId: null, updatedAt: deps.clock() })
        .where(eq(inboxItems.id, itemId));
    }
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const reason = error.message;
    const kind = error.failure.kind;
    if (kind === 'permanent') return fail(reason);
    if (kind === 'auth_revoked') {
      await markNeedsReconnect(db, channel.id, reason, deps.clock());
      return fail(reason);
    }
    if (attempt >= LIKE_MAX_ATTEMPTS) return fail(`Gave up after ${attempt} attempts: ${reason}`);
    // The runner retries with backoff.
    throw error;
  }
  const now = await readItem(db, itemId);
  if (now && now.likeError === null && likeWanted(now) !== likeOnNetwork(now)) {
    const at = deps.clock();
    await enqueueLikeJob(db, itemId, `again:${at.getTime()}`, at);
  }
  return wanted ? 'liked' : 'unliked';
}
