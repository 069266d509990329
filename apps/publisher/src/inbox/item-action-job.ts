// What the "inbox.like" and "inbox.hide" jobs share (decision 0273's shape). A job reads its item
// when it runs, so a stale job does what the team asks now or nothing: it skips an item gone with
// its channel, already as asked on the network, or whose last request failed (a new request from
// the team clears that). The network's calls set a state, so a retry after a crash mid-call
// changes nothing twice. A permanent refusal or a revoked token is recorded on the item (the
// latter also marks the channel); a passing fault goes back to the runner's backoff until the
// attempts run out. After the call, if the team changed its mind meanwhile, another run is queued.
import { channels, type Db, type Executor, inboxItems } from '@cadence/db';
import { type KeyRing, openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { type AdapterRegistry, type InboxAdapter, type InboxCall, NetworkError } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { markNeedsReconnect } from './needs-reconnect';

export interface ItemActionDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
}

type Item = typeof inboxItems.$inferSelect;
export type ItemCall = InboxCall & { target: { externalId: string; replyRef: Record<string, string> } };

export interface ItemAction<Calls, Done extends string> {
  /** The item's column that keeps this action's last failure. */
  errorColumn: 'likeError' | 'hideError';
  /** The network already has what the team asks. */
  settled(item: Item): boolean;
  maxAttempts: number;
  /** Said on the item when the network has no such call. */
  unsupported: string;
  /** The adapter's calls for this action, when it has them. */
  calls(inbox: InboxAdapter): Calls | undefined;
  /** Brings the network in line with the item and records what it has now. */
  run(calls: Calls, call: ItemCall, item: Item, signal: AbortSignal): Promise<Done>;
  enqueueAgain(tx: Executor, itemId: string, key: string, at: Date): Promise<unknown>;
}

const readItem = async (db: Db, itemId: string) =>
  (await db.select().from(inboxItems).where(eq(inboxItems.id, itemId)))[0];

export async function runItemAction<Calls, Done extends string>(
  deps: ItemActionDeps,
  action: ItemAction<Calls, Done>,
  itemId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<Done | 'skipped' | 'failed'> {
  const { db } = deps;
  const item = await readItem(db, itemId);
  if (!item || item[action.errorColumn] !== null || action.settled(item)) return 'skipped';
  const fail = async (reason: string) => {
    await db
      .update(inboxItems)
      .set({ [action.errorColumn]: reason, updatedAt: deps.clock() })
      .where(eq(inboxItems.id, itemId));
    return 'failed' as const;
  };
  const [channel] = await db.select().from(channels).where(eq(channels.id, item.channelId));
  const inbox = channel ? deps.adapters[channel.network]?.inbox : undefined;
  const calls = inbox ? action.calls(inbox) : undefined;
  if (!channel || !calls) return fail(action.unsupported);
  if (channel.status !== 'connected') return fail('The channel needs reconnecting');
  const call: ItemCall = {
    channelId: channel.id,
    credentials: channel.credentialsSealed
      ? openJson(deps.keyRing, channel.credentialsSealed, sealedIn.channelCredentials(channel.id))
      : null,
    target: { externalId: item.externalId, replyRef: item.replyRef },
  };
  let done: Done;
  try {
    done = await action.run(calls, call, item, signal);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const reason = error.message;
    const kind = error.failure.kind;
    if (kind === 'permanent') return fail(reason);
    if (kind === 'auth_revoked') {
      await markNeedsReconnect(db, channel.id, reason, deps.clock());
      return fail(reason);
    }
    if (attempt >= action.maxAttempts) return fail(`Gave up after ${attempt} attempts: ${reason}`);
    // The runner retries with backoff.
    throw error;
  }
  const now = await readItem(db, itemId);
  if (now && now[action.errorColumn] === null && !action.settled(now)) {
    const at = deps.clock();
    await action.enqueueAgain(db, itemId, `again:${at.getTime()}`, at);
  }
  return done;
}
