// The "inbox.hide" job: brings the network in line with what the team asked for an item (hidden
// under our post or shown; packages/domain/src/inbox/hide-rules.ts). Same shape as the like job
// (apply-like.ts, decision 0273): it reads the row when it runs, so a stale job does what is asked
// now or nothing; the adapter's hide sets a state (calling it again is harmless), so a retry after
// a crash mid-call changes nothing twice. After the call it records what the network has (what it
// acted on, whatever the team asked since) and enqueues another run when the wish changed meanwhile.
import { channels, type Db, inboxItems } from '@cadence/db';
import { enqueueHideJob, HIDE_MAX_ATTEMPTS } from '@cadence/domain/inbox/hide-item';
import { hiddenOnNetwork, hideWanted } from '@cadence/domain/inbox/hide-rules';
import { type KeyRing, openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { type AdapterRegistry, NetworkError } from '@cadence/networks';
import { eq } from 'drizzle-orm';
import { markNeedsReconnect } from './needs-reconnect';

export interface ApplyHideDeps {
  db: Db;
  adapters: AdapterRegistry;
  keyRing: KeyRing;
  clock: () => Date;
}

export type HideOutcome = 'hidden' | 'shown' | 'skipped' | 'failed';

const readItem = async (db: Db, itemId: string) =>
  (await db.select().from(inboxItems).where(eq(inboxItems.id, itemId)))[0];

export async function applyInboxHide(
  deps: ApplyHideDeps,
  itemId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<HideOutcome> {
  const { db } = deps;
  const item = await readItem(db, itemId);
  // Gone with its channel, already as asked, or failed (a new request from the team clears it).
  if (!item || item.hideError !== null || hideWanted(item) === hiddenOnNetwork(item)) return 'skipped';
  const fail = async (reason: string) => {
    await db
      .update(inboxItems)
      .set({ hideError: reason, updatedAt: deps.clock() })
      .where(eq(inboxItems.id, itemId));
    return 'failed' as const;
  };
  const [channel] = await db.select().from(channels).where(eq(channels.id, item.channelId));
  const hide = channel ? deps.adapters[channel.network]?.inbox?.hide : undefined;
  if (!channel || !hide) return fail('Cadence cannot hide messages on this network');
  if (channel.status !== 'connected') return fail('The channel needs reconnecting');
  const hidden = hideWanted(item);
  try {
    await hide(
      {
        channelId: channel.id,
        credentials: channel.credentialsSealed
          ? openJson(deps.keyRing, channel.credentialsSealed, sealedIn.channelCredentials(channel.id))
          : null,
        target: { externalId: item.externalId, replyRef: item.replyRef },
        hidden,
      },
      signal,
    );
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const reason = error.message;
    const kind = error.failure.kind;
    if (kind === 'permanent') return fail(reason);
    if (kind === 'auth_revoked') {
      await markNeedsReconnect(db, channel.id, reason, deps.clock());
      return fail(reason);
    }
    if (attempt >= HIDE_MAX_ATTEMPTS) return fail(`Gave up after ${attempt} attempts: ${reason}`);
    // The runner retries with backoff.
    throw error;
  }
  const at = deps.clock();
  await db
    .update(inboxItems)
    .set({ hiddenAt: hidden ? at : null, updatedAt: at })
    .where(eq(inboxItems.id, itemId));
  const now = await readItem(db, itemId);
  if (now && now.hideError === null && hideWanted(now) !== hiddenOnNetwork(now)) {
    await enqueueHideJob(db, itemId, `again:${at.getTime()}`, at);
  }
  return hidden ? 'hidden' : 'shown';
}
