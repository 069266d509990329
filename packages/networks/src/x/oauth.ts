// Connecting X: OAuth 2.0 authorisation code with PKCE (required by X), a confidential client
// authenticating with HTTP Basic at the token endpoint, offline.access for a refresh token.
// Access tokens last two hours; each refresh returns a new refresh token and retires the old one.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { origin } from '../network-http/compose';
import { expiresAtString, refreshCredentials, revokeAt } from '../oauth/token-endpoint';
import type { OAuthProvider, ProviderContext } from '../oauth/types';
import { X_API, X_WWW, xCredentialsSchema } from './credentials';
import { xCall } from './http';

const me = z.object({
  data: z.object({
    id: z.string().regex(/^\d{1,30}$/),
    name: z.string().max(200),
    username: z.string().min(1).max(50),
  }),
});

const api = (ctx: ProviderContext) => origin(X_API, ctx.baseUrl);

export const xOAuth: OAuthProvider = {
  network: 'x',
  pkce: true,
  scopes: ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'],
  scopeSeparator: ' ',
  clientAuth: 'basic',
  tokenMethod: 'POST',
  authorizeUrl: (ctx) => `${origin(X_WWW, ctx.baseUrl)}/i/oauth2/authorize`,
  tokenUrl: (ctx) => `${api(ctx)}/2/oauth2/token`,
  async complete(token, ctx) {
    const user = readAnswer(
      me,
      await xCall(
        { method: 'GET', url: `${api(ctx)}/2/users/me` },
        token.accessToken,
        ctx.http,
        ctx.signal,
        ctx.now,
      ),
      'Reading the X account',
      'transient',
    ).data;
    return {
      handle: `@${user.username}`,
      displayName: user.name,
      credentials: {
        accessToken: token.accessToken,
        ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
        ...expiresAtString(token.expiresAt),
        userId: user.id,
        username: user.username,
      },
      accessExpiresAt: token.expiresAt ?? null,
    };
  },
  async refresh(credentials, ctx) {
    const c = xCredentialsSchema.parse(credentials);
    if (!c.refreshToken)
      throw new NetworkError(
        'auth_revoked',
        'X gave no refresh token (offline.access was not granted): reconnect the channel',
      );
    return refreshCredentials(xOAuth, ctx, credentials, c.refreshToken);
  },
  async revoke(credentials, ctx) {
    const c = xCredentialsSchema.parse(credentials);
    await revokeAt(`${api(ctx)}/2/oauth2/revoke`, ctx, c.refreshToken ?? c.accessToken, true);
  },
};
