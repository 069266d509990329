// What connecting a channel asks of the networks, passed in as `deps.access`: the use cases here
// own the rules and the rows (requests, channels, tokens, audit); @cadence/networks implements
// this interface (oauth/channel-access.ts) with the real sign-in pages, token endpoints and
// revocation. A network's refusal arrives as an AppError the person can read.
import type { UseCaseDeps } from '../../use-case-deps';
import type { Network } from '../../networks/schemas';
import type { KeyRing } from '../../security/secret-box';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/** A connected account: who it is and the credentials to seal on the channel. */
export interface ConnectedAccount {
  handle: string;
  displayName: string;
  /** Strings only, so the same credentials can also be typed in by hand on the channel. */
  credentials: Record<string, string>;
  accessExpiresAt: Date | null;
}

/** How renewing a channel's access went, as far as the network is concerned. */
export type Renewal =
  | { kind: 'renewed'; credentials: Record<string, string>; accessExpiresAt: Date | null }
  /** The network said no for good (revoked grant, no refresh token): the person must reconnect. */
  | { kind: 'refused'; reason: string }
  /** A passing fault (unreachable, rate-limited, not set up here): try again on the next run. */
  | { kind: 'failed'; reason: string };

export interface ChannelAccess {
  /** Whether the network is connected through its OAuth sign-in page (Bluesky is not). */
  offersOAuth(network: Network): boolean;
  /** The OAuth app this server is set up with for the network, if any. */
  configuredClient(network: Network): OAuthClient | undefined;
  /** A Mastodon instance's origin from what the person typed, judged by the outgoing-URL policy. */
  mastodonInstance(instanceUrl: string): Promise<string>;
  /** Registers Cadence as an app on a Mastodon instance. */
  registerMastodonApp(instanceOrigin: string, redirectUri: string): Promise<OAuthClient>;
  authorizationUrl(
    network: Network,
    input: {
      client: OAuthClient;
      instanceUrl: string | undefined;
      state: string;
      codeVerifier: string;
      redirectUri: string;
    },
  ): string;
  /** Exchanges the authorisation code and looks up the account (`accountId` picks a page). */
  completeAuthorization(
    network: Network,
    input: {
      client: OAuthClient;
      instanceUrl: string | undefined;
      code: string;
      codeVerifier: string | null;
      redirectUri: string;
      accountId: string | null;
    },
  ): Promise<ConnectedAccount>;
  /** Signs in to Bluesky once with an app password, proving it works. */
  signInBluesky(input: {
    identifier: string;
    appPassword: string;
    service?: string | undefined;
  }): Promise<ConnectedAccount>;
  /** Renews stored credentials; anything but a network's answer is thrown. */
  renew(network: Network, credentials: Record<string, string>): Promise<Renewal>;
  /** Asks the network to revoke the token; throws when the network does not confirm. */
  revoke(network: Network, credentials: Record<string, string>): Promise<'revoked' | 'not_offered'>;
}

export interface ConnectDeps extends UseCaseDeps {
  keyRing: KeyRing;
  access: ChannelAccess;
}
