// Connecting a Facebook Page: Facebook Login's code flow (with PKCE, which Meta supports for the
// manual flow), the short-lived user token exchanged for a long-lived one, then the page's own
// token from /me/accounts. Page tokens made from a long-lived user token do not expire.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, send, withQuery } from '../network-http/call';
import { origin } from '../network-http/compose';
import { graphCall } from '../meta/graph';
import type { OAuthProvider, ProviderContext } from '../oauth/types';
import { FACEBOOK_GRAPH, FACEBOOK_WWW, GRAPH_VERSION, facebookCredentialsSchema } from './credentials';

const longLived = z.object({ access_token: z.string().min(1).max(8192) });
const pages = z.object({
  data: z
    .array(
      z.object({
        id: z.string().regex(/^\d{1,40}$/),
        name: z.string().max(400),
        access_token: z.string().min(1).max(8192),
      }),
    )
    .max(500),
});

const graph = (ctx: ProviderContext) => `${origin(FACEBOOK_GRAPH, ctx.baseUrl)}/${GRAPH_VERSION}`;

export const facebookOAuth: OAuthProvider = {
  network: 'facebook',
  pkce: true,
  // pages_read_engagement reads the comments under our posts, pages_manage_engagement answers and
  // hides them (the inbox, docs/inbox.md).
  scopes: ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'pages_manage_engagement'],
  scopeSeparator: ',',
  clientAuth: 'body',
  tokenMethod: 'GET',
  authorizeUrl: (ctx) => `${origin(FACEBOOK_WWW, ctx.baseUrl)}/${GRAPH_VERSION}/dialog/oauth`,
  tokenUrl: (ctx) => `${graph(ctx)}/oauth/access_token`,
  async complete(token, ctx, accountId) {
    const exchanged = readAnswer(
      longLived,
      await graphCall(
        {
          method: 'GET',
          url: withQuery(`${graph(ctx)}/oauth/access_token`, {
            grant_type: 'fb_exchange_token',
            client_id: ctx.client.clientId,
            client_secret: ctx.client.clientSecret,
            fb_exchange_token: token.accessToken,
          }),
        },
        ctx.http,
        ctx.signal,
        ctx.now,
        'Facebook',
      ),
      'Getting a long-lived Facebook token',
      'transient',
    );
    const list = readAnswer(
      pages,
      await graphCall(
        {
          method: 'GET',
          url: withQuery(`${graph(ctx)}/me/accounts`, {
            fields: 'id,name,access_token',
            access_token: exchanged.access_token,
          }),
        },
        ctx.http,
        ctx.signal,
        ctx.now,
        'Facebook',
      ),
      'Listing your Facebook pages',
      'transient',
    ).data;
    const page = accountId ? list.find((p) => p.id === accountId) : list.length === 1 ? list[0] : undefined;
    if (!page) {
      const names = list.map((p) => `${p.name} (${p.id})`).join(', ') || 'none';
      throw new NetworkError(
        'permanent',
        `Choose which Facebook page to connect (accountId); pages you manage: ${names}`,
      );
    }
    return {
      handle: page.id,
      displayName: page.name,
      credentials: {
        pageId: page.id,
        pageAccessToken: page.access_token,
        userAccessToken: exchanged.access_token,
      },
      accessExpiresAt: null,
    };
  },
  async revoke(credentials, ctx) {
    const c = facebookCredentialsSchema.parse(credentials);
    if (!c.userAccessToken) return;
    const response = await send(
      {
        method: 'DELETE',
        url: withQuery(`${graph(ctx)}/me/permissions`, { access_token: c.userAccessToken }),
      },
      ctx.http,
      ctx.signal,
    );
    if (response.status !== 200)
      throw new NetworkError(
        'transient',
        `Facebook did not confirm the revocation (HTTP ${response.status})`,
      );
  },
};
