// The networks' side of connecting a channel (the ChannelAccess the domain's connect use cases
// take in their deps): sign-in pages, code exchanges, renewals and revocations, each network's
// refusal turned into an error a person can read. The rules and the rows stay in the domain.
import type { ChannelAccess, OAuthClient, Renewal } from '@cadence/domain/channels/connect/channel-access';
import type { Network } from '@cadence/domain/networks/schemas';
import { blueskyCredentialsSchema } from '../bluesky/credentials';
import { createSession } from '../bluesky/session';
import { NetworkError } from '../errors';
import { mastodonCredentialsSchema } from '../mastodon/credentials';
import { mastodonInstanceOrigin, registerMastodonApp } from '../mastodon/oauth';
import { assertOutgoingUrl } from '../outgoing-url-policy';
import type { SafeHttpOptions } from '../safe-http';
import { authorizationUrl } from './authorization-url';
import { asAppError } from './errors';
import { oauthProviders } from './providers';
import { exchangeCode } from './token-endpoint';
import type { OAuthProvider, ProviderContext } from './types';

export interface ChannelAccessOptions {
  http: SafeHttpOptions;
  now: () => Date;
  /** The OAuth apps this server is set up with (Mastodon registers one per instance instead). */
  clients: Partial<Record<Network, OAuthClient>>;
  /** Overrides of each network's hosts (tests point them at local servers). */
  baseUrls: Partial<Record<string, string>>;
}

export function createChannelAccess(options: ChannelAccessOptions): ChannelAccess {
  const { http, now, clients, baseUrls } = options;
  const policy = { allowPrivateNetworkUrls: http.allowPrivateNetworkUrls, baseUrls };
  const context = (network: Network, client: OAuthClient, instanceUrl?: string): ProviderContext => ({
    http,
    baseUrl: baseUrls[network],
    instanceUrl,
    client,
    now,
  });
  const providerOf = (network: Network): OAuthProvider => {
    const provider = oauthProviders[network];
    if (!provider) throw new Error(`${network} is not connected through OAuth`);
    return provider;
  };
  /** The app the stored credentials were granted to: Mastodon keeps its own, others are configured. */
  const storedClient = (network: Network, credentials: Record<string, string>) => {
    if (network !== 'mastodon') return clients[network];
    const stored = mastodonCredentialsSchema.safeParse(credentials);
    return stored.success && stored.data.clientId && stored.data.clientSecret
      ? { clientId: stored.data.clientId, clientSecret: stored.data.clientSecret }
      : undefined;
  };

  return {
    offersOAuth: (network) => oauthProviders[network] !== undefined,
    configuredClient: (network) => clients[network],

    async mastodonInstance(instanceUrl) {
      const origin = await asAppError(async () => mastodonInstanceOrigin(instanceUrl));
      await assertOutgoingUrl(
        'body.instanceUrl',
        origin,
        { network: 'mastodon', carriesSecrets: true },
        policy,
      );
      return origin;
    },

    registerMastodonApp: (instanceOrigin, redirectUri) =>
      asAppError(() => registerMastodonApp({ instanceOrigin, redirectUri }, http, now)),

    authorizationUrl: (network, input) =>
      authorizationUrl(providerOf(network), context(network, input.client, input.instanceUrl), input),

    completeAuthorization(network, input) {
      const provider = providerOf(network);
      const ctx = context(network, input.client, input.instanceUrl);
      return asAppError(async () => {
        const exchange = {
          code: input.code,
          redirectUri: input.redirectUri,
          codeVerifier: input.codeVerifier,
        };
        const token = provider.exchangeCode
          ? await provider.exchangeCode(ctx, exchange)
          : await exchangeCode(provider, ctx, exchange);
        return provider.complete(token, ctx, input.accountId);
      });
    },

    async signInBluesky(input) {
      const credentials = blueskyCredentialsSchema.parse({
        identifier: input.identifier,
        appPassword: input.appPassword,
        ...(input.service ? { service: input.service } : {}),
      });
      await assertOutgoingUrl(
        'body.service',
        credentials.service,
        { network: 'bluesky', carriesSecrets: true },
        policy,
      );
      const service = baseUrls.bluesky ?? credentials.service;
      const session = await asAppError(() => createSession(credentials, service, { http, now }));
      return {
        handle: `@${session.handle}`,
        displayName: session.handle,
        // Signed in by DID from now on, so a handle change does not break the channel.
        credentials: {
          service: credentials.service,
          identifier: session.did,
          appPassword: credentials.appPassword,
        },
        accessExpiresAt: null,
      };
    },

    async renew(network, credentials): Promise<Renewal> {
      const provider = providerOf(network);
      if (!provider.refresh) {
        return {
          kind: 'refused',
          reason: `${network} access cannot be renewed without the person: reconnect the channel`,
        };
      }
      const client = storedClient(network, credentials);
      if (!client) return { kind: 'failed', reason: `${network} is not set up on this Cadence server` };
      try {
        const renewed = await provider.refresh(credentials, context(network, client));
        return { kind: 'renewed', ...renewed };
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        const refused = error.failure.kind === 'auth_revoked' || error.failure.kind === 'permanent';
        return { kind: refused ? 'refused' : 'failed', reason: error.message };
      }
    },

    async revoke(network, credentials) {
      const provider = oauthProviders[network];
      if (!provider?.revoke) return 'not_offered';
      // Without the app's keys the network can only refuse the revocation (Mastodon channels
      // connected before the keys were kept): say it failed instead of asking with empty keys.
      const client = storedClient(network, credentials);
      if (!client) {
        throw new NetworkError(
          'permanent',
          `The ${network} app keys this channel was connected with are not kept`,
        );
      }
      await provider.revoke(credentials, context(network, client));
      return 'revoked';
    },
  };
}
