// Figures of a Mastodon status: GET /api/v1/statuses/:id gives replies_count, reblogs_count and
// favourites_count. Asked without the channel's token on purpose: Mastodon refuses a token that
// lacks the read:statuses scope (Cadence asks only for read:accounts and write scopes), while a
// public or unlisted status is readable by anyone. A private status then answers 404, and its
// figures are "not available". Followers: GET /api/v1/accounts/verify_credentials (read:accounts).
import { z } from 'zod';
import type { PulledMetrics } from '@cadence/domain/reports/metrics/schemas';
import type { MetricsRequest } from '../adapter';
import { NetworkError } from '../errors';
import { readAnswer, send } from '../network-http/call';
import type { AdapterDeps } from '../network-http/compose';
import { assertSecureAtSend } from '../outgoing-url-policy';
import { mastodonCredentialsSchema } from './credentials';
import { mastodonCall, mastodonFailure } from './http';

const count = z.number().int().nonnegative().optional();
const statusFigures = z.object({
  id: z.string(),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
});
const account = z.object({ followers_count: z.number().int().nonnegative() });

export function mastodonMetrics(deps: AdapterDeps) {
  const now = deps.clock ?? (() => new Date());
  const open = (credentials: unknown) => {
    const parsed = mastodonCredentialsSchema.safeParse(credentials);
    if (!parsed.success)
      throw new NetworkError('auth_revoked', 'The Mastodon channel has no valid instance and token');
    if (!deps.baseUrl) assertSecureAtSend(parsed.data.instanceUrl, 'Mastodon instance', deps.http);
    return {
      instanceUrl: deps.baseUrl ?? new URL(parsed.data.instanceUrl).origin,
      token: parsed.data.accessToken,
    };
  };
  return {
    async fetchMetrics(request: MetricsRequest, signal: AbortSignal): Promise<PulledMetrics | null> {
      const { instanceUrl } = open(request.credentials);
      const url = `${instanceUrl}/api/v1/statuses/${encodeURIComponent(request.externalId)}`;
      const response = await send({ method: 'GET', url }, deps.http, signal);
      if (response.status === 404) return null;
      if (response.status !== 200) throw mastodonFailure(response, now());
      const s = readAnswer(statusFigures, response, 'Reading a Mastodon status', 'transient');
      return withoutAbsent({ replies: s.replies_count, reposts: s.reblogs_count, likes: s.favourites_count });
    },
    async fetchFollowers(request: Omit<MetricsRequest, 'externalId'>, signal: AbortSignal) {
      const { instanceUrl, token } = open(request.credentials);
      const response = await mastodonCall(
        { method: 'GET', url: `${instanceUrl}/api/v1/accounts/verify_credentials` },
        token,
        deps.http,
        signal,
        now,
      );
      return readAnswer(account, response, 'Reading the Mastodon account', 'transient').followers_count;
    },
  };
}

/** Drops the figures the network did not give: absent stays absent, never zero. */
export function withoutAbsent(figures: Record<string, number | undefined>): PulledMetrics {
  return Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== undefined)) as PulledMetrics;
}
