// Connecting Instagram (Instagram API with Instagram Login): the code flow at instagram.com (no
// PKCE documented), the code exchanged at api.instagram.com, then a 60-day token refreshed with
// ig_refresh_token. Instagram has no revocation endpoint: people remove the app in their settings.
import { z } from 'zod';
import { readAnswer, withQuery } from '../network-http/call';
import { origin } from '../network-http/compose';
import { graphCall } from '../meta/graph';
import { type MetaTokenUrls, exchangeMetaCode, renewMetaToken } from '../meta/long-lived';
import { expiresAtString } from '../oauth/token-endpoint';
import type { OAuthProvider, ProviderContext } from '../oauth/types';
import {
  INSTAGRAM_API,
  INSTAGRAM_GRAPH,
  INSTAGRAM_VERSION,
  INSTAGRAM_WWW,
  instagramCredentialsSchema,
} from './credentials';

const profile = z.object({
  user_id: z.union([z.string(), z.number()]).transform(String).optional(),
  username: z.string().min(1).max(100),
  name: z.string().max(400).optional(),
});

function instagramTokenUrls(ctx: ProviderContext): MetaTokenUrls {
  const graph = origin(INSTAGRAM_GRAPH, ctx.baseUrl);
  return {
    network: 'Instagram',
    code: `${origin(INSTAGRAM_API, ctx.baseUrl)}/oauth/access_token`,
    exchange: `${graph}/access_token`,
    exchangeGrant: 'ig_exchange_token',
    refresh: `${graph}/refresh_access_token`,
    refreshGrant: 'ig_refresh_token',
  };
}

export const instagramOAuth: OAuthProvider = {
  network: 'instagram',
  pkce: false,
  // instagram_business_manage_comments reads, answers and hides comments (the inbox).
  scopes: [
    'instagram_business_basic',
    'instagram_business_content_publish',
    'instagram_business_manage_comments',
  ],
  scopeSeparator: ',',
  clientAuth: 'body',
  tokenMethod: 'POST',
  authorizeUrl: (ctx) => `${origin(INSTAGRAM_WWW, ctx.baseUrl)}/oauth/authorize`,
  tokenUrl: (ctx) => instagramTokenUrls(ctx).code,
  exchangeCode: (ctx, input) => exchangeMetaCode(instagramTokenUrls(ctx), ctx, input),
  async complete(token, ctx) {
    const me = readAnswer(
      profile,
      await graphCall(
        {
          method: 'GET',
          url: withQuery(`${origin(INSTAGRAM_GRAPH, ctx.baseUrl)}/${INSTAGRAM_VERSION}/me`, {
            fields: 'user_id,username,name',
            access_token: token.accessToken,
          }),
        },
        ctx.http,
        ctx.signal,
        ctx.now,
        'Instagram',
      ),
      'Reading the Instagram account',
      'transient',
    );
    const igUserId = me.user_id ?? token.userId ?? '';
    return {
      handle: `@${me.username}`,
      displayName: me.name || me.username,
      credentials: { igUserId, accessToken: token.accessToken, ...expiresAtString(token.expiresAt) },
      accessExpiresAt: token.expiresAt ?? null,
    };
  },
  async refresh(credentials, ctx) {
    const c = instagramCredentialsSchema.parse(credentials);
    const token = await renewMetaToken(instagramTokenUrls(ctx), ctx, c.accessToken, 'refresh');
    return {
      credentials: { ...credentials, accessToken: token.accessToken, ...expiresAtString(token.expiresAt) },
      accessExpiresAt: token.expiresAt ?? null,
    };
  },
};
