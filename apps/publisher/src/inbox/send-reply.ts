// The "inbox.reply" job: one reply through the channel's adapter, under the reply ledger
// (packages/domain/src/inbox/reply-ledger.ts). `sending` is committed before the call; the answer
// decides the rest: sent (with the network's id and link), retried later (passing fault, rate
// limit, unreadable answer: safe because the network deduplicates on the reply's id, or, on
// networks without an idempotency key, the adapter looks for the reply before posting it again
// (`earlierAttempt`) or finds the draft it kept with the reply (`draft`, Threads' container)), or
// failed with the network's reason (refused as it is, channel access revoked, attempts used up).
// Where the network can do none of these (X, LinkedIn: `replyRetrySafe` false), an unclear
// outcome (an unreadable answer, a 5xx after the write, a worker that died mid-call) ends the reply
// as failed with a reason that says to check the network: never sent a second time (decision 0299).
import { channels, type Db, inboxItems, inboxReplies } from '@cadence/db';
import { REPLY_MAX_ATTEMPTS } from '@cadence/domain/inbox/create-reply';
import {
  markReplyFailed,
  markReplyOutcomeUnknown,
  markReplyRetry,
  markReplySending,
  markReplySent,
  rememberReplyDraft,
} from '@cadence/domain/inbox/reply-ledger';
import { type KeyRing, openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { type AdapterRegistry, NetworkError } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { markNeedsReconnect } from './needs-reconnect';

export interface SendReplyDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
}

export type ReplyOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

export async function sendInboxReply(
  deps: SendReplyDeps,
  replyId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<ReplyOutcome> {
  const { db } = deps;
  const [pending] = await db
    .select({ itemId: inboxReplies.itemId, channelId: inboxReplies.channelId })
    .from(inboxReplies)
    .where(eq(inboxReplies.id, replyId));
  if (!pending) return 'skipped';
  const [channel] = await db.select().from(channels).where(eq(channels.id, pending.channelId));
  const adapter = channel ? deps.adapters[channel.network]?.inbox : undefined;
  const resumable = adapter?.replyRetrySafe ?? true;
  const reply = await markReplySending(db, replyId, deps.clock(), resumable);
  if (!reply) {
    // Left `sending` by a worker that died mid-call, on a network that cannot tell a second send.
    const cutOff =
      !resumable &&
      (await markReplyOutcomeUnknown(db, replyId, 'The send was cut off mid-call', deps.clock()));
    // Otherwise already sent or failed (a duplicate job, a retry after the outcome was recorded).
    return cutOff ? 'failed' : 'skipped';
  }
  const fail = async (reason: string) => {
    await markReplyFailed(db, replyId, reason, deps.clock());
    return 'failed' as const;
  };
  const [item] = await db.select().from(inboxItems).where(eq(inboxItems.id, reply.itemId));
  if (!item || !channel || !adapter) return fail('The channel or the message is gone');
  if (channel.status !== 'connected') return fail('The channel needs reconnecting');
  try {
    const credentials = channel.credentialsSealed
      ? openJson(deps.keyRing, channel.credentialsSealed, sealedIn.channelCredentials(channel.id))
      : null;
    const sent = await adapter.reply(
      {
        channelId: channel.id,
        credentials,
        replyId,
        text: reply.text,
        parent: { externalId: item.externalId, replyRef: item.replyRef },
        // Attempts count the times it went to sending: past the first, a call may have landed.
        ...(reply.attempts > 1 ? { earlierAttempt: { since: reply.createdAt } } : {}),
        draft: {
          recalled: reply.networkDraft ?? null,
          remember: (draft) => rememberReplyDraft(db, replyId, draft, deps.clock()),
        },
      },
      signal,
    );
    await markReplySent(db, replyId, sent, deps.clock());
    return 'sent';
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const reason = error.message;
    const kind = error.failure.kind;
    if (kind === 'permanent') return fail(reason);
    if (kind === 'ambiguous' && !adapter.replyRetrySafe) {
      await markReplyOutcomeUnknown(db, replyId, reason, deps.clock());
      return 'failed';
    }
    if (kind === 'auth_revoked') {
      await markNeedsReconnect(db, channel.id, reason, deps.clock());
      return fail(reason);
    }
    if (attempt >= REPLY_MAX_ATTEMPTS) return fail(`Gave up after ${attempt} attempts: ${reason}`);
    await markReplyRetry(db, replyId, reason, deps.clock());
    // The runner retries with backoff.
    throw error;
  }
}
