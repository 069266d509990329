import { codeChallengeS256 } from '@cadence/domain/channels/connect/pkce';
import type { OAuthProvider, ProviderContext } from './types';

export function authorizationUrl(
  provider: OAuthProvider,
  ctx: ProviderContext,
  input: { state: string; codeVerifier: string; redirectUri: string },
): string {
  const url = new URL(provider.authorizeUrl(ctx));
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: ctx.client.clientId,
    redirect_uri: input.redirectUri,
    scope: provider.scopes.join(provider.scopeSeparator),
    state: input.state,
    ...(provider.pkce
      ? { code_challenge: codeChallengeS256(input.codeVerifier), code_challenge_method: 'S256' }
      : {}),
    ...provider.extraAuthorizeParams,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}
