// Connecting a Mastodon account: Cadence first registers itself as an app on the person's
// instance (POST /api/v1/apps), then runs the authorisation-code flow with PKCE there (Mastodon
// 4.3+ supports S256; older instances ignore the extra parameters). Tokens do not expire.
import { z } from 'zod';
import { NetworkError } from '../errors';
import { readAnswer, send } from '../network-http/call';
import type { SafeHttpOptions } from '../safe-http';
import { revokeAt } from '../oauth/token-endpoint';
import type { OAuthProvider, ProviderContext } from '../oauth/types';
import { mastodonCredentialsSchema, mastodonScopes } from './credentials';
import { mastodonFailure } from './http';

const registeredApp = z.object({
  client_id: z.string().min(1).max(4096),
  client_secret: z.string().min(1).max(4096),
});
const account = z.object({
  id: z.string(),
  username: z.string().min(1).max(200),
  acct: z.string().max(400),
  display_name: z.string().max(400),
});

/** The instance's origin (scheme, host, port), or a validation error people can read. */
export function mastodonInstanceOrigin(input: string): string {
  const withScheme = /^https?:\/\//i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new NetworkError('permanent', `"${input}" is not an instance address`);
  }
  return url.origin;
}

export async function registerMastodonApp(
  input: { instanceOrigin: string; redirectUri: string; website?: string | undefined },
  http: SafeHttpOptions,
  now: () => Date,
): Promise<{ clientId: string; clientSecret: string }> {
  const response = await send(
    {
      method: 'POST',
      url: `${input.instanceOrigin}/api/v1/apps`,
      form: {
        client_name: 'Cadence',
        redirect_uris: input.redirectUri,
        scopes: mastodonScopes.join(' '),
        website: input.website,
      },
    },
    http,
  );
  if (response.status !== 200) throw mastodonFailure(response, now());
  const app = readAnswer(
    registeredApp,
    response,
    'Registering Cadence on the Mastodon instance',
    'transient',
  );
  return { clientId: app.client_id, clientSecret: app.client_secret };
}

function instance(ctx: ProviderContext): string {
  if (!ctx.instanceUrl) throw new Error('a Mastodon connection needs the instance address');
  return ctx.instanceUrl;
}

export const mastodonOAuth: OAuthProvider = {
  network: 'mastodon',
  pkce: true,
  scopes: mastodonScopes,
  scopeSeparator: ' ',
  clientAuth: 'body',
  tokenMethod: 'POST',
  authorizeUrl: (ctx) => `${instance(ctx)}/oauth/authorize`,
  tokenUrl: (ctx) => `${instance(ctx)}/oauth/token`,
  async complete(token, ctx) {
    const response = await send(
      {
        method: 'GET',
        url: `${instance(ctx)}/api/v1/accounts/verify_credentials`,
        headers: { authorization: `Bearer ${token.accessToken}` },
      },
      ctx.http,
      ctx.signal,
    );
    if (response.status !== 200) throw mastodonFailure(response, ctx.now());
    const me = readAnswer(account, response, 'Reading the Mastodon account', 'transient');
    return {
      handle: `@${me.username}@${new URL(instance(ctx)).host}`,
      displayName: me.display_name || me.username,
      credentials: {
        instanceUrl: instance(ctx),
        accessToken: token.accessToken,
        clientId: ctx.client.clientId,
        clientSecret: ctx.client.clientSecret,
      },
      accessExpiresAt: null,
    };
  },
  async revoke(credentials, ctx) {
    // The token belongs to the app registered on that instance, whose keys the channel kept.
    const c = mastodonCredentialsSchema.parse(credentials);
    const client = {
      clientId: c.clientId ?? ctx.client.clientId,
      clientSecret: c.clientSecret ?? ctx.client.clientSecret,
    };
    await revokeAt(`${new URL(c.instanceUrl).origin}/oauth/revoke`, { ...ctx, client }, c.accessToken, false);
  },
};
