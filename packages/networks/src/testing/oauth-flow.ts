// Drives a provider through the whole authorisation-code flow against a fake network, the way a
// browser would: open the authorisation URL, follow the redirect back, exchange the code.
import { authorizationUrl } from '../oauth/authorization-url';
import { createCodeVerifier, createState } from '@cadence/domain/channels/connect/pkce';
import { exchangeCode } from '../oauth/token-endpoint';
import type { OAuthProvider, ProviderContext } from '../oauth/types';

export const REDIRECT = 'https://cadence.example/api/v1/connect/callback';

export async function authorise(
  provider: OAuthProvider,
  ctx: ProviderContext,
  verifier = createCodeVerifier(),
) {
  const state = createState();
  const url = authorizationUrl(provider, ctx, { state, codeVerifier: verifier, redirectUri: REDIRECT });
  const response = await fetch(url, { redirect: 'manual' });
  const location = new URL(response.headers.get('location') ?? 'about:blank');
  return {
    url: new URL(url),
    state,
    returnedState: location.searchParams.get('state'),
    code: location.searchParams.get('code') ?? '',
  };
}

export async function connect(
  provider: OAuthProvider,
  ctx: ProviderContext,
  accountId: string | null = null,
) {
  const verifier = createCodeVerifier();
  const { code } = await authorise(provider, ctx, verifier);
  const input = { code, redirectUri: REDIRECT, codeVerifier: verifier };
  const token = provider.exchangeCode
    ? await provider.exchangeCode(ctx, input)
    : await exchangeCode(provider, ctx, input);
  return provider.complete(token, ctx, accountId);
}
