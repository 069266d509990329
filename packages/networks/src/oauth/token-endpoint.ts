// The OAuth 2.0 token endpoint (RFC 6749 §4.1.3 and §6) and revocation (RFC 7009), shared by the
// networks that follow the standard; the rest wrap these with their own quirks.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, safeJson, send, withQuery } from '../network-http/call';
import { clip } from '../network-http/classify';
import type { SafeResponse } from '../safe-http';
import type { OAuthProvider, ProviderContext, TokenSet } from './types';

const tokenAnswer = z.object({
  access_token: z.string().min(1).max(8192),
  refresh_token: z.string().min(1).max(8192).optional(),
  expires_in: z.coerce.number().int().positive().optional(),
  scope: z.string().max(2000).optional(),
  token_type: z.string().max(50).optional(),
});

const errorAnswer = z.object({
  error: z.union([z.string(), z.object({ message: z.string().optional() })]).optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

function oauthErrorText(response: SafeResponse): string {
  const parsed = errorAnswer.safeParse(safeJson(response.body));
  if (!parsed.success) return `HTTP ${response.status}`;
  const e = parsed.data;
  const code = typeof e.error === 'string' ? e.error : e.error?.message;
  return clip(
    [code, e.error_description ?? e.message].filter(Boolean).join(': ') || `HTTP ${response.status}`,
  );
}

/** A refused grant (invalid_grant, invalid_client...) means the person must connect again. */
function tokenFailure(response: SafeResponse, what: string): NetworkError {
  const text = `${what} failed: ${oauthErrorText(response)}`;
  if (response.status >= 500 || response.status === 429) return new NetworkError('transient', text);
  return new NetworkError('auth_revoked', text);
}

function toTokenSet(answer: z.infer<typeof tokenAnswer>, now: Date): TokenSet {
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    expiresAt: answer.expires_in ? new Date(now.getTime() + answer.expires_in * 1000) : undefined,
    scope: answer.scope,
  };
}

async function requestToken(
  provider: OAuthProvider,
  ctx: ProviderContext,
  grant: Record<string, string | undefined>,
  what: string,
): Promise<TokenSet> {
  const { clientId, clientSecret } = ctx.client;
  const basic = provider.clientAuth === 'basic';
  const fields = { ...grant, client_id: clientId, ...(basic ? {} : { client_secret: clientSecret }) };
  const headers: Record<string, string> = basic
    ? {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
      }
    : {};
  const response =
    provider.tokenMethod === 'GET'
      ? await send(
          { method: 'GET', url: withQuery(provider.tokenUrl(ctx), fields), headers },
          ctx.http,
          ctx.signal,
        )
      : await send(
          { method: 'POST', url: provider.tokenUrl(ctx), form: fields, headers },
          ctx.http,
          ctx.signal,
        );
  if (response.status !== 200) throw tokenFailure(response, what);
  return toTokenSet(readAnswer(tokenAnswer, response, what, 'transient'), ctx.now());
}

export function exchangeCode(
  provider: OAuthProvider,
  ctx: ProviderContext,
  input: { code: string; redirectUri: string; codeVerifier: string | null },
): Promise<TokenSet> {
  return requestToken(
    provider,
    ctx,
    {
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: provider.pkce && input.codeVerifier ? input.codeVerifier : undefined,
    },
    'Exchanging the authorisation code',
  );
}

function refreshWithToken(
  provider: OAuthProvider,
  ctx: ProviderContext,
  refreshToken: string,
): Promise<TokenSet> {
  return requestToken(
    provider,
    ctx,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    'Refreshing the access token',
  );
}

/**
 * Refreshes and merges the new tokens into the stored credentials. A network that does not rotate
 * refresh tokens answers without one: the current one stays valid and is kept.
 */
export async function refreshCredentials(
  provider: OAuthProvider,
  ctx: ProviderContext,
  credentials: Record<string, unknown>,
  refreshToken: string,
) {
  const token = await refreshWithToken(provider, ctx, refreshToken);
  return {
    credentials: {
      ...credentials,
      accessToken: token.accessToken,
      refreshToken: token.refreshToken ?? refreshToken,
      ...expiresAtString(token.expiresAt),
    },
    accessExpiresAt: token.expiresAt ?? null,
  };
}

/** RFC 7009: the endpoint answers 200 even for tokens it no longer knows. */
export async function revokeAt(
  url: string,
  ctx: ProviderContext,
  token: string,
  basicAuth: boolean,
): Promise<void> {
  const { clientId, clientSecret } = ctx.client;
  const response = await send(
    {
      method: 'POST',
      url,
      form: { token, client_id: clientId, ...(basicAuth ? {} : { client_secret: clientSecret }) },
      headers: basicAuth
        ? { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` }
        : {},
    },
    ctx.http,
    ctx.signal,
  );
  if (response.status !== 200) throw tokenFailure(response, 'Revoking the token');
}

export function expiresAtString(date: Date | undefined | null): Record<string, string> {
  return date ? { expiresAt: date.toISOString() } : {};
}
