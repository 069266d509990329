// Renews access tokens before they expire, for the publisher to call on a schedule (and the API
// on demand). A channel is taken under a short lease first, so two processes never spend the same
// refresh token (X retires it on use). A refusal (revoked grant, no refresh token) marks the
// channel `needs_reconnect` with the network's reason; a passing fault is retried on the next run.
import { channels, channelTokens } from '@cadence/db';
import { recordAudit } from '@cadence/domain/audit/record-audit';
import { openJson, sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { and, asc, eq, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { NetworkError } from '../errors';
import { mastodonCredentialsSchema } from '../mastodon/credentials';
import { type ConnectDeps, oauthProviders } from './providers';

export const REFRESH_AHEAD_MS = 15 * 60 * 1000;
const LEASE_MS = 60 * 1000;

export type RefreshOutcome = 'refreshed' | 'needs_reconnect' | 'retry_later' | 'skipped';

/** Channels whose token ends within `aheadMs` (15 minutes by default), refreshed one by one. */
export async function refreshDueTokens(
  deps: ConnectDeps,
  options: { aheadMs?: number; limit?: number } = {},
) {
  const now = deps.now();
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
  for (const { channelId } of due) outcomes[await refreshChannelToken(deps, channelId)]++;
  return outcomes;
}

export async function refreshChannelToken(deps: ConnectDeps, channelId: string): Promise<RefreshOutcome> {
  const now = deps.now();
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
  const provider = channel ? oauthProviders[channel.network] : undefined;
  if (!channel?.credentialsSealed || !provider) return release(deps, channelId, 'skipped');
  const credentials = openJson<Record<string, string>>(
    deps.keyRing,
    channel.credentialsSealed,
    sealedIn.channelCredentials(channel.id),
  );
  try {
    if (!provider.refresh)
      throw new NetworkError(
        'auth_revoked',
        `${channel.network} access cannot be renewed without the person: reconnect the channel`,
      );
    const client =
      channel.network === 'mastodon' ? mastodonClientOf(credentials) : deps.clients[channel.network];
    if (!client)
      throw new NetworkError('transient', `${channel.network} is not set up on this Cadence server`);
    const renewed = await provider.refresh(credentials, {
      http: deps.http,
      baseUrl: deps.baseUrls[channel.network],
      client,
      now: deps.now,
    });
    await deps.db.transaction(async (tx) => {
      await tx
        .update(channels)
        .set({
          credentialsSealed: sealJson(
            deps.keyRing,
            renewed.credentials,
            sealedIn.channelCredentials(channelId),
          ),
          updatedAt: deps.now(),
        })
        .where(eq(channels.id, channelId));
      await tx
        .update(channelTokens)
        .set({
          accessExpiresAt: renewed.accessExpiresAt,
          lastRefreshedAt: deps.now(),
          failures: 0,
          lastError: null,
          refreshLeaseUntil: null,
        })
        .where(eq(channelTokens.channelId, channelId));
    });
    return 'refreshed';
  } catch (error) {
    if (!(error instanceof NetworkError)) {
      await release(deps, channelId, 'retry_later', String(error));
      throw error;
    }
    const kind = error.failure.kind;
    if (kind === 'auth_revoked' || kind === 'permanent') {
      await markNeedsReconnect(deps, channel, error.message);
      return 'needs_reconnect';
    }
    return release(deps, channelId, 'retry_later', error.message);
  }
}

function mastodonClientOf(credentials: Record<string, string>) {
  const c = mastodonCredentialsSchema.safeParse(credentials);
  return c.success && c.data.clientId && c.data.clientSecret
    ? { clientId: c.data.clientId, clientSecret: c.data.clientSecret }
    : undefined;
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
      .set({ status: 'needs_reconnect', statusReason, updatedAt: deps.now() })
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
