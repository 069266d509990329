// The inbox on the process's job runner (decision 0063: no loop of its own): a periodic task finds
// the channels whose sync is due and enqueues one "inbox.sync" job each (keyed per channel and
// slot, so several processes enqueue it once); a run that leaves pages for later enqueues its
// continuation at once. Replies sent from Cadence are "inbox.reply" jobs (see inbox/send-reply.ts);
// likes are "inbox.like" jobs (inbox/apply-like.ts), hiding "inbox.hide" jobs (inbox/apply-hide.ts);
// a disconnected channel's items are removed by an "inbox.purge-channel" job (inbox/purge-channel.ts).
import { channels, type Db, inboxSyncStates } from '@cadence/db';
import type { KeyRing } from '@cadence/domain/security/secret-box';
import type { JobRunner } from '@cadence/jobs';
import type { AdapterRegistry } from '@cadence/networks';
import type { Network } from '@cadence/names';
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { InboxPurgePayload } from '@cadence/domain/inbox/channel-inbox-removal';
import {
  INBOX_HIDE_JOB,
  INBOX_LIKE_JOB,
  INBOX_PURGE_JOB,
  INBOX_REPLY_JOB,
  INBOX_SYNC_JOB,
} from '@cadence/domain/inbox/rules';
import type { PublisherLogger } from '../deps';
import { applyInboxHide } from '../inbox/apply-hide';
import { applyInboxLike } from '../inbox/apply-like';
import { purgeChannelInbox } from '../inbox/purge-channel';
import { sendInboxReply } from '../inbox/send-reply';
import { syncInboxChannel } from '../inbox/sync-channel';

const SCHEDULE_EVERY_MS = 30_000;
const SCHEDULE_BATCH = 500;

export interface InboxJobDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
  logger: PublisherLogger;
}

export function inboxNetworks(adapters: AdapterRegistry): Network[] {
  return Object.values(adapters)
    .filter((a) => a?.inbox)
    .map((a) => a?.network as Network);
}

/** Channels whose sync is due (never synced, or next_sync_at passed and not blocked). */
export async function enqueueDueSyncs(
  deps: InboxJobDeps,
  runner: Pick<JobRunner, 'enqueue'>,
): Promise<number> {
  const networks = inboxNetworks(deps.adapters);
  if (networks.length === 0) return 0;
  const now = deps.clock();
  const due = await deps.db
    .select({ id: channels.id })
    .from(channels)
    .leftJoin(inboxSyncStates, eq(inboxSyncStates.channelId, channels.id))
    .where(
      and(
        eq(channels.status, 'connected'),
        inArray(channels.network, networks),
        or(
          isNull(inboxSyncStates.channelId),
          and(
            lte(inboxSyncStates.nextSyncAt, now),
            sql`(${inboxSyncStates.blockedUntil} is null or ${inboxSyncStates.blockedUntil} <= ${now})`,
          ),
        ),
      ),
    )
    .limit(SCHEDULE_BATCH);
  const slot = Math.floor(now.getTime() / SCHEDULE_EVERY_MS);
  for (const c of due) await runner.enqueue(INBOX_SYNC_JOB, { channelId: c.id }, { key: `${c.id}:${slot}` });
  return due.length;
}

export function registerInbox(runner: JobRunner, deps: InboxJobDeps): void {
  runner.every('inbox:schedule-syncs', SCHEDULE_EVERY_MS, () => enqueueDueSyncs(deps, runner));
  runner.register<{ channelId: string }>(INBOX_SYNC_JOB, {
    concurrency: 2,
    backoff: { baseMs: 10_000, maxMs: 10 * 60_000 },
    run: async (payload, ctx) => {
      const result = await syncInboxChannel(deps, payload.channelId, ctx.signal);
      deps.logger.debug({ channelId: payload.channelId, ...result }, 'inbox sync');
      if (result.outcome === 'more') {
        await runner.enqueue(
          INBOX_SYNC_JOB,
          { channelId: payload.channelId },
          { key: `${payload.channelId}:more:${ctx.jobId}` },
        );
      }
    },
  });
  runner.register<{ replyId: string }>(INBOX_REPLY_JOB, {
    concurrency: 4,
    backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
    run: async (payload, ctx) => {
      const outcome = await sendInboxReply(deps, payload.replyId, ctx.attempt, ctx.signal);
      deps.logger.debug({ replyId: payload.replyId, outcome }, 'inbox reply');
    },
  });
  runner.register<{ itemId: string }>(INBOX_LIKE_JOB, {
    concurrency: 2,
    backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
    run: async (payload, ctx) => {
      const outcome = await applyInboxLike(deps, payload.itemId, ctx.attempt, ctx.signal);
      deps.logger.debug({ itemId: payload.itemId, outcome }, 'inbox like');
    },
  });
  runner.register<{ itemId: string }>(INBOX_HIDE_JOB, {
    concurrency: 2,
    backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
    run: async (payload, ctx) => {
      const outcome = await applyInboxHide(deps, payload.itemId, ctx.attempt, ctx.signal);
      deps.logger.debug({ itemId: payload.itemId, outcome }, 'inbox hide');
    },
  });
  runner.register<InboxPurgePayload>(INBOX_PURGE_JOB, {
    concurrency: 1,
    backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
    run: async (payload, ctx) => {
      const removed = await purgeChannelInbox(deps.db, payload, ctx.signal);
      deps.logger.debug({ channelId: payload.channelId, removed }, 'inbox purge');
    },
  });
}
