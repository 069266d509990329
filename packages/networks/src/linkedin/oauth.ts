// Connecting LinkedIn: the standard three-legged flow (LinkedIn documents PKCE only for native
// apps it enables, so web apps use state + the client secret), then /v2/userinfo for the member.
// An organisation page (accountId) must be one the member administers. Access tokens last 60
// days; refresh tokens exist only for apps LinkedIn approved for them.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer } from '../network-http/call';
import { origin } from '../network-http/compose';
import { expiresAtString, refreshCredentials, revokeAt } from '../oauth/token-endpoint';
import type { OAuthProvider, ProviderContext } from '../oauth/types';
import { LINKEDIN_API, LINKEDIN_WWW, linkedinCredentialsSchema } from './credentials';
import { linkedinCall } from './http';

const userinfo = z.object({
  sub: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  name: z.string().max(400).optional(),
});
const acls = z.object({
  elements: z.array(z.object({ organization: z.string(), role: z.string(), state: z.string() })).max(1000),
});
const organization = z.object({
  localizedName: z.string().max(400),
  vanityName: z.string().max(400).optional(),
});

const www = (ctx: ProviderContext) => origin(LINKEDIN_WWW, ctx.baseUrl);
const api = (ctx: ProviderContext) => origin(LINKEDIN_API, ctx.baseUrl);

async function organisationAuthor(token: string, ctx: ProviderContext, id: string) {
  const urn = `urn:li:organization:${id}`;
  const list = readAnswer(
    acls,
    await linkedinCall(
      {
        method: 'GET',
        url: `${api(ctx)}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`,
      },
      token,
      ctx.http,
      ctx.signal,
      ctx.now,
    ),
    'Reading the LinkedIn pages you administer',
    'transient',
  );
  if (!list.elements.some((e) => e.organization === urn)) {
    throw new NetworkError('permanent', `You are not an administrator of the LinkedIn page ${id}`);
  }
  const org = readAnswer(
    organization,
    await linkedinCall(
      { method: 'GET', url: `${api(ctx)}/rest/organizations/${encodeURIComponent(id)}` },
      token,
      ctx.http,
      ctx.signal,
      ctx.now,
    ),
    'Reading the LinkedIn page',
    'transient',
  );
  return { author: urn, handle: org.vanityName ?? id, displayName: org.localizedName };
}

export const linkedinOAuth: OAuthProvider = {
  network: 'linkedin',
  pkce: false,
  // r_organization_social: the inbox reads comments under the page's posts (channels connected
  // before it must reconnect, like Mastodon's).
  scopes: [
    'openid',
    'profile',
    'w_member_social',
    'w_organization_social',
    'r_organization_admin',
    'r_organization_social',
  ],
  scopeSeparator: ' ',
  clientAuth: 'body',
  tokenMethod: 'POST',
  authorizeUrl: (ctx) => `${www(ctx)}/oauth/v2/authorization`,
  tokenUrl: (ctx) => `${www(ctx)}/oauth/v2/accessToken`,
  async complete(token, ctx, accountId) {
    const me = readAnswer(
      userinfo,
      await linkedinCall(
        { method: 'GET', url: `${api(ctx)}/v2/userinfo` },
        token.accessToken,
        ctx.http,
        ctx.signal,
        ctx.now,
      ),
      'Reading the LinkedIn member',
      'transient',
    );
    const who = accountId
      ? await organisationAuthor(token.accessToken, ctx, accountId)
      : { author: `urn:li:person:${me.sub}`, handle: me.sub, displayName: me.name ?? me.sub };
    return {
      handle: who.handle,
      displayName: who.displayName,
      credentials: {
        accessToken: token.accessToken,
        ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
        ...expiresAtString(token.expiresAt),
        author: who.author,
      },
      accessExpiresAt: token.expiresAt ?? null,
    };
  },
  async refresh(credentials, ctx) {
    const c = linkedinCredentialsSchema.parse(credentials);
    if (!c.refreshToken) {
      throw new NetworkError(
        'auth_revoked',
        'LinkedIn access lasts 60 days and this app cannot renew it: reconnect the channel',
      );
    }
    return refreshCredentials(linkedinOAuth, ctx, credentials, c.refreshToken);
  },
  async revoke(credentials, ctx) {
    const c = linkedinCredentialsSchema.parse(credentials);
    await revokeAt(`${www(ctx)}/oauth/v2/revoke`, ctx, c.accessToken, false);
  },
};
