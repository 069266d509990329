// One run of a channel's inbox sync (the "inbox.sync" job). The run claims the channel by moving
// its next_sync_at forward in one guarded statement, so two workers never walk the same channel at
// once; then it walks pages (at most MAX_PAGES per run, each committed) and says whether more is
// waiting: first the channel's own list (listPage), then, with the pages left, the comments under
// its recently published posts (listPostComments, sync-post-comments.ts). The network's answers
// decide what follows: a rate limit blocks the channel until the time the network gave; a refused
// token marks the channel as needing reconnection and keeps its items and cursor (the next sync
// after reconnecting continues from there); a refusal no reconnect can cure (X's paid API tier) is
// recorded by code and asked again a day later, not every two minutes; a passing fault is thrown
// for the runner's backoff.
import { channels, type Db, inboxSyncStates } from '@cadence/db';
import { inboxPurgePending } from '@cadence/domain/inbox/channel-inbox-removal';
import { BACKFILL_MS, readCursor, stepWalk } from '@cadence/domain/inbox/sync-walk';
import { INBOX_SYNC_EVERY_MS } from '@cadence/domain/inbox/rules';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import {
  type AdapterRegistry,
  type InboxAdapter,
  type InboxCall,
  InboxUnavailableError,
  NetworkError,
} from '@cadence/networks';
import { and, eq, lte, sql } from 'drizzle-orm';
import { markNeedsReconnect } from './needs-reconnect';
import { resolveThreads, type SyncChannel, storePage } from './store-page';
import { walkPostComments } from './sync-post-comments';

const MAX_PAGES = 10;
/** How long a run holds its channel; a crashed run's channel comes back after this. */
const CLAIM_MS = 5 * 60_000;
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** A plan or an enrolment is arranged by people, not in minutes: look again daily. */
const UNAVAILABLE_RETRY_MS = 24 * 3600_000;

export interface InboxSyncDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
}

export type SyncOutcome =
  | 'synced'
  | 'more'
  | 'skipped'
  | 'rate_limited'
  | 'needs_reconnect'
  | 'unavailable'
  | 'failed';

export async function syncInboxChannel(
  deps: InboxSyncDeps,
  channelId: string,
  signal: AbortSignal,
): Promise<{ outcome: SyncOutcome; stored: number }> {
  const { db } = deps;
  const now = deps.clock();
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
  const adapter = channel ? deps.adapters[channel.network]?.inbox : undefined;
  const listPage = adapter?.listPage?.bind(adapter);
  const listPostComments = adapter?.listPostComments?.bind(adapter);
  if (!channel || !adapter || !(listPage || listPostComments) || channel.status !== 'connected') {
    return { outcome: 'skipped', stored: 0 };
  }
  // Items of an earlier connection are still being removed: syncing now would lose the new ones.
  if (await inboxPurgePending(db, channelId)) return { outcome: 'skipped', stored: 0 };
  await db
    .insert(inboxSyncStates)
    .values({ channelId, workspaceId: channel.workspaceId, nextSyncAt: now })
    .onConflictDoNothing();
  const [claimed] = await db
    .update(inboxSyncStates)
    .set({ nextSyncAt: new Date(now.getTime() + CLAIM_MS), updatedAt: now })
    .where(
      and(
        eq(inboxSyncStates.channelId, channelId),
        lte(inboxSyncStates.nextSyncAt, now),
        sql`(${inboxSyncStates.blockedUntil} is null or ${inboxSyncStates.blockedUntil} <= ${now})`,
      ),
    )
    .returning();
  if (!claimed) return { outcome: 'skipped', stored: 0 };

  const setState = (values: Partial<typeof inboxSyncStates.$inferInsert>) =>
    db
      .update(inboxSyncStates)
      .set({ ...values, updatedAt: deps.clock() })
      .where(eq(inboxSyncStates.channelId, channelId));

  let stored = 0;
  try {
    const credentials = channel.credentialsSealed
      ? openJson(deps.keyRing, channel.credentialsSealed, sealedIn.channelCredentials(channelId))
      : null;
    const call = { channelId, credentials };
    let pages = 0;
    if (listPage) {
      const walk = await walkChannel(
        { db, channel, adapter, call, list: listPage },
        claimed.cursor,
        now,
        signal,
      );
      pages = walk.pages;
      stored += walk.stored;
      if (!walk.done) {
        await setState({ nextSyncAt: deps.clock(), unavailableReason: null });
        return { outcome: 'more', stored };
      }
    }
    if (listPostComments) {
      const posts = await walkPostComments(
        {
          db,
          clock: deps.clock,
          channel,
          call,
          list: listPostComments,
          compare: adapter.comparePositions,
          budget: MAX_PAGES - pages,
        },
        signal,
      );
      stored += posts.stored;
      if (posts.more) {
        await setState({ nextSyncAt: deps.clock(), lastError: null, unavailableReason: null, failures: 0 });
        return { outcome: 'more', stored };
      }
    }
    const at = deps.clock();
    await setState({
      nextSyncAt: new Date(at.getTime() + INBOX_SYNC_EVERY_MS),
      lastSyncedAt: at,
      lastError: null,
      unavailableReason: null,
      failures: 0,
    });
    return { outcome: 'synced', stored };
  } catch (error) {
    if (!(error instanceof NetworkError)) {
      await setState({ nextSyncAt: deps.clock(), lastError: 'The sync failed unexpectedly' });
      throw error;
    }
    const reason = error.message.slice(0, 500);
    const at = deps.clock();
    if (error instanceof InboxUnavailableError) {
      await setState({
        nextSyncAt: new Date(at.getTime() + UNAVAILABLE_RETRY_MS),
        unavailableReason: error.unavailable,
        lastError: reason,
      });
      return { outcome: 'unavailable', stored };
    }
    switch (error.failure.kind) {
      case 'rate_limited': {
        const until = new Date(at.getTime() + (error.failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS));
        await setState({ blockedUntil: until, nextSyncAt: until, lastError: reason });
        return { outcome: 'rate_limited', stored };
      }
      case 'auth_revoked':
        await markNeedsReconnect(db, channelId, reason, at);
        await setState({ nextSyncAt: at, lastError: reason });
        return { outcome: 'needs_reconnect', stored };
      case 'permanent':
        await setState({
          nextSyncAt: new Date(at.getTime() + INBOX_SYNC_EVERY_MS),
          lastError: reason,
          failures: claimed.failures + 1,
        });
        return { outcome: 'failed', stored };
      default:
        // Passing faults: the runner retries with backoff; the channel is free again at once.
        await setState({ nextSyncAt: at, lastError: reason, failures: claimed.failures + 1 });
        throw error;
    }
  }
}

/** The channel's own list, from its stored cursor: at most MAX_PAGES pages, each committed. */
async function walkChannel(
  input: {
    db: Db;
    channel: SyncChannel;
    adapter: InboxAdapter;
    call: InboxCall;
    list: NonNullable<InboxAdapter['listPage']>;
  },
  stored: unknown,
  now: Date,
  signal: AbortSignal,
): Promise<{ pages: number; stored: number; done: boolean }> {
  const { db, channel, adapter, call } = input;
  let cursor = readCursor(stored);
  const horizon = new Date(now.getTime() - BACKFILL_MS);
  let count = 0;
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = await input.list({ ...call, page: cursor.walk?.page ?? null, after: cursor.top }, signal);
    const step = stepWalk(cursor, page, {
      horizon,
      compare: adapter.comparePositions,
      rewind: adapter.rewindPosition?.bind(adapter),
    });
    const items = await resolveThreads(db, adapter, call, step.keep, signal);
    count += await storePage(db, channel, items, step.cursor, now);
    cursor = step.cursor;
    if (step.done) return { pages: n + 1, stored: count, done: true };
  }
  return { pages: MAX_PAGES, stored: count, done: false };
}
