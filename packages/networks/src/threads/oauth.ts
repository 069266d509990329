// Connecting Threads (Threads Login): the code flow at threads.net (no PKCE documented), the code
// exchanged at graph.threads.net for a one-hour token, then a 60-day token refreshed with
// th_refresh_token. Threads has no revocation endpoint: people remove the app in their settings.
import { z } from 'zod';
import { readAnswer, withQuery } from '../network-http/call';
import { origin } from '../network-http/compose';
import { graphCall } from '../meta/graph';
import { type MetaTokenUrls, exchangeMetaCode, renewMetaToken } from '../meta/long-lived';
import { expiresAtString } from '../oauth/token-endpoint';
import type { OAuthProvider, ProviderContext } from '../oauth/types';
import { THREADS_GRAPH, THREADS_VERSION, THREADS_WWW, threadsCredentialsSchema } from './credentials';

const profile = z.object({
  id: z.string().regex(/^\d{1,40}$/),
  username: z.string().min(1).max(100),
  name: z.string().max(400).optional(),
});

function threadsTokenUrls(ctx: ProviderContext): MetaTokenUrls {
  const graph = origin(THREADS_GRAPH, ctx.baseUrl);
  return {
    network: 'Threads',
    code: `${graph}/oauth/access_token`,
    exchange: `${graph}/access_token`,
    exchangeGrant: 'th_exchange_token',
    refresh: `${graph}/refresh_access_token`,
    refreshGrant: 'th_refresh_token',
  };
}

export const threadsOAuth: OAuthProvider = {
  network: 'threads',
  pkce: false,
  // The inbox reads replies and mentions and answers and hides replies (issue 16).
  scopes: [
    'threads_basic',
    'threads_content_publish',
    'threads_read_replies',
    'threads_manage_replies',
    'threads_manage_mentions',
  ],
  scopeSeparator: ',',
  clientAuth: 'body',
  tokenMethod: 'POST',
  authorizeUrl: (ctx) => `${origin(THREADS_WWW, ctx.baseUrl)}/oauth/authorize`,
  tokenUrl: (ctx) => threadsTokenUrls(ctx).code,
  exchangeCode: (ctx, input) => exchangeMetaCode(threadsTokenUrls(ctx), ctx, input),
  async complete(token, ctx) {
    const me = readAnswer(
      profile,
      await graphCall(
        {
          method: 'GET',
          url: withQuery(`${origin(THREADS_GRAPH, ctx.baseUrl)}/${THREADS_VERSION}/me`, {
            fields: 'id,username,name',
            access_token: token.accessToken,
          }),
        },
        ctx.http,
        ctx.signal,
        ctx.now,
        'Threads',
      ),
      'Reading the Threads profile',
      'transient',
    );
    return {
      handle: `@${me.username}`,
      displayName: me.name || me.username,
      credentials: { userId: me.id, accessToken: token.accessToken, ...expiresAtString(token.expiresAt) },
      accessExpiresAt: token.expiresAt ?? null,
    };
  },
  async refresh(credentials, ctx) {
    const c = threadsCredentialsSchema.parse(credentials);
    const token = await renewMetaToken(threadsTokenUrls(ctx), ctx, c.accessToken, 'refresh');
    return {
      credentials: { ...credentials, accessToken: token.accessToken, ...expiresAtString(token.expiresAt) },
      accessExpiresAt: token.expiresAt ?? null,
    };
  },
};
