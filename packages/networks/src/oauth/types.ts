// The shapes shared by every OAuth network: a token set, a provider's description, and what a
// finished connection yields (the channel's identity and the credentials to seal).
import type { ConnectedAccount, OAuthClient } from '@cadence/domain/channels/connect/channel-access';
import type { Network } from '@cadence/domain/networks/schemas';
import type { SafeHttpOptions } from '../safe-http';

export interface TokenSet {
  accessToken: string;
  refreshToken?: string | undefined;
  /** When the access token stops working, if the network said. */
  expiresAt?: Date | undefined;
  scope?: string | undefined;
  /** Instagram and Threads name the account in the token answer. */
  userId?: string | undefined;
}

export interface ProviderContext {
  http: SafeHttpOptions;
  /** Overrides every host of the network (tests point it at a local server). */
  baseUrl?: string | undefined;
  /** Mastodon: the user's instance. */
  instanceUrl?: string | undefined;
  client: OAuthClient;
  now: () => Date;
  signal?: AbortSignal;
}

export interface OAuthProvider {
  network: Network;
  /** Networks that document PKCE get it; the others rely on state + the client secret. */
  pkce: boolean;
  scopes: string[];
  scopeSeparator: ' ' | ',';
  /** How the client proves itself at the token endpoint. */
  clientAuth: 'basic' | 'body';
  /** Meta's Graph API documents GET for the code exchange. */
  tokenMethod: 'POST' | 'GET';
  authorizeUrl(ctx: ProviderContext): string;
  tokenUrl(ctx: ProviderContext): string;
  /** Replaces the standard code exchange for networks that do it their own way (Instagram, Threads). */
  exchangeCode?(
    ctx: ProviderContext,
    input: { code: string; redirectUri: string; codeVerifier: string | null },
  ): Promise<TokenSet>;
  /** Extra authorisation parameters a network needs. */
  extraAuthorizeParams?: Record<string, string>;
  /**
   * After the code exchange: long-lived token exchange, profile lookup, page choice. `accountId`
   * picks a Facebook page or a LinkedIn organisation when the person manages several.
   */
  complete(token: TokenSet, ctx: ProviderContext, accountId: string | null): Promise<ConnectedAccount>;
  /** Present when the network's tokens expire and can be renewed without the person. */
  refresh?(
    credentials: Record<string, string>,
    ctx: ProviderContext,
  ): Promise<{ credentials: Record<string, string>; accessExpiresAt: Date | null }>;
  /** Present when the network offers a revocation endpoint. */
  revoke?(credentials: Record<string, string>, ctx: ProviderContext): Promise<void>;
}
