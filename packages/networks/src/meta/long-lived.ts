// Instagram and Threads (both "with Instagram/Threads Login") share a token life cycle: the code
// gives a one-hour token and the user id, which is exchanged for a 60-day token that can be
// refreshed (once at least a day old) for another 60 days, without the person.
import { z } from 'zod';
import { readAnswer, send, withQuery } from '../network-http/call';
import type { ProviderContext, TokenSet } from '../oauth/types';
import { graphFailure } from './graph';

const shortLived = z.object({
  access_token: z.string().min(1).max(8192),
  user_id: z.union([z.string(), z.number()]).transform(String),
});
const longLived = z.object({
  access_token: z.string().min(1).max(8192),
  expires_in: z.coerce.number().int().positive(),
});

export interface MetaTokenUrls {
  network: string;
  /** POST, form: client_id, client_secret, grant_type, redirect_uri, code. */
  code: string;
  /** GET with grant_type=ig_exchange_token / th_exchange_token. */
  exchange: string;
  exchangeGrant: string;
  /** GET with grant_type=ig_refresh_token / th_refresh_token. */
  refresh: string;
  refreshGrant: string;
}

export async function exchangeMetaCode(
  urls: MetaTokenUrls,
  ctx: ProviderContext,
  input: { code: string; redirectUri: string },
): Promise<TokenSet & { userId: string }> {
  const response = await send(
    {
      method: 'POST',
      url: urls.code,
      form: {
        client_id: ctx.client.clientId,
        client_secret: ctx.client.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: input.redirectUri,
        code: input.code,
      },
    },
    ctx.http,
    ctx.signal,
  );
  if (response.status !== 200) throw graphFailure(response, ctx.now(), urls.network);
  const short = readAnswer(shortLived, response, `Exchanging the ${urls.network} code`, 'transient');
  return { ...(await renewMetaToken(urls, ctx, short.access_token, 'exchange')), userId: short.user_id };
}

export async function renewMetaToken(
  urls: MetaTokenUrls,
  ctx: ProviderContext,
  token: string,
  how: 'exchange' | 'refresh',
): Promise<TokenSet> {
  const url =
    how === 'exchange'
      ? withQuery(urls.exchange, {
          grant_type: urls.exchangeGrant,
          client_secret: ctx.client.clientSecret,
          access_token: token,
        })
      : withQuery(urls.refresh, { grant_type: urls.refreshGrant, access_token: token });
  const response = await send({ method: 'GET', url }, ctx.http, ctx.signal);
  if (response.status !== 200) throw graphFailure(response, ctx.now(), urls.network);
  const answer = readAnswer(longLived, response, `Renewing the ${urls.network} token`, 'transient');
  return {
    accessToken: answer.access_token,
    expiresAt: new Date(ctx.now().getTime() + answer.expires_in * 1000),
  };
}
