// Renews access tokens before they expire, for the publisher to call on a schedule (and the API
// on demand). A channel is taken under a short lease first, so two processes never spend the same
// refresh token (X retires it on use). A refusal (revoked grant, no refresh token) marks the
// channel `needs_reconnect` with the network's reason; a passing fault is retried on the next run.
import { channels, channelTokens } from '@cadence/db';
import { and, asc, eq, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { openJson, sealedIn, sealJson } from '../../security/secret-box';
import type { ConnectDeps } from './channel-access';

const REFRESH_AHEAD_MS = 15 * 60 * 1000;
const LEASE_MS = 60 * 1000;

type RefreshOutcome = 'refreshed' | 'needs_reconnect' | 'retry_later' | 'skipped';

/** Channels whose token ends within `aheadMs` (15 minutes by default), refreshed one by one. */
export async function refreshDueTokens(
  deps: ConnectDeps,
  options: { aheadMs?: number; limit?: number } = {},
) {
  const now = deps.clock();
  const due = await deps.db
    .select({ channelId: channelTokens.channelId })
    .from(channelTokens)
    .innerJoin(channels, eq(channels.id, channelTokens.channelId))
    .where(
      and(
        eq(channels.status, 'connected'),
        isNotNull(channelTokens.accessExpiresAt),
        lte(channelTokens.accessExpiresAt, new Date(now.getTime() + (options.aheadMs ?? REFRESH_AHEAD_MS))),
        or(isNull(channelTokens.refreshLeaseUntil), lt(channelTokens.refreshLeaseUntil, now)),
      ),
    )
    .orderBy(asc(channelTokens.accessExpiresAt))
    .limit(options.limit ?? 50);
  const outcomes: Record<RefreshOutcome, number> = {
    refreshed: 0,
    needs_reconnect: 0,
    retry_later: 0,
    skipped: 0,
  };
  for (const { channelId } of due) outcomes[await refreshChannelToken(deps, { channelId })]++;
  return outcomes;
}

export async function refreshChannelToken(
  deps: ConnectDeps,
  input: { channelId: string },
): Promise<RefreshOutcome> {
  const { channelId } = input;
  const now = deps.clock();
  const [leased] = await deps.db
    .update(channelTokens)
    .set({ refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(channelTokens.channelId, channelId),
        or(isNull(channelTokens.refreshLeaseUntil), lt(channelTokens.refreshLeaseUntil, now)),
      ),
    )
    .returning();
  if (!leased) return 'skipped';
  const [channel] = await deps.db.select().from(channels).where(eq(channels.id, channelId));
  if (!channel?.credentialsSealed || !deps.access.offersOAuth(channel.network))
    return release(deps, channelId, 'skipped');
  const credentials = openJson<Record<string, string>>(
    deps.keyRing,
    channel.credentialsSealed,
    sealedIn.channelCredentials(channel.id),
  );
  let renewal: Awaited<ReturnType<ConnectDeps['access']['renew']>>;
  try {
    renewal = await deps.access.renew(channel.network, credentials);
  } catch (error) {
    await release(deps, channelId, 'retry_later', String(error));
    throw error;
  }
  if (renewal.kind === 'refused') {
    await markNeedsReconnect(deps, channel, renewal.reason);
    return 'needs_reconnect';
  }
  if (renewal.kind === 'failed') return release(deps, channelId, 'retry_later', renewal.reason);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({
        credentialsSealed: sealJson(
          deps.keyRing,
          renewal.credentials,
          sealedIn.channelCredentials(channelId),
        ),
        updatedAt: deps.clock(),
      })
      .where(eq(channels.id, channelId));
    await tx
      .update(channelTokens)
      .set({
        accessExpiresAt: renewal.accessExpiresAt,
        lastRefreshedAt: deps.clock(),
        failures: 0,
        lastError: null,
        refreshLeaseUntil: null,
      })
      .where(eq(channelTokens.channelId, channelId));
  });
  return 'refreshed';
}

async function release(
  deps: ConnectDeps,
  channelId: string,
  outcome: RefreshOutcome,
  lastError?: string,
): Promise<RefreshOutcome> {
  const [row] = await deps.db
    .select({ failures: channelTokens.failures })
    .from(channelTokens)
    .where(eq(channelTokens.channelId, channelId));
  await deps.db
    .update(channelTokens)
    .set({
      refreshLeaseUntil: null,
      ...(lastError ? { lastError: lastError.slice(0, 500), failures: (row?.failures ?? 0) + 1 } : {}),
    })
    .where(eq(channelTokens.channelId, channelId));
  return outcome;
}

async function markNeedsReconnect(deps: ConnectDeps, channel: typeof channels.$inferSelect, reason: string) {
  const statusReason = `Renewing access failed: ${reason}`.slice(0, 500);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({ status: 'needs_reconnect', statusReason, updatedAt: deps.clock() })
      .where(eq(channels.id, channel.id));
    await tx
      .update(channelTokens)
      .set({ refreshLeaseUntil: null, lastError: statusReason, failures: 1 })
      .where(eq(channelTokens.channelId, channel.id));
    await recordAudit(
      tx,
      { workspaceId: channel.workspaceId, userId: null, tokenId: null },
      {
        action: 'channel.needs_reconnect',
        entityType: 'channel',
        entityId: channel.id,
        before: { status: channel.status },
        after: { status: 'needs_reconnect', statusReason },
      },
    );
  });
}
