// What POST /channels accepts beyond its schema, so that "Connected" means the channel can really
// publish: OAuth networks need a token (people go through /connect/oauth instead), Bluesky's app
// password is proven by signing in once, and a webhook's signing secret is made here, never typed.
import { randomBytes } from 'node:crypto';
import type { ChannelCreate } from '@cadence/domain/channels/schemas';
import { assertCredentialUrls, type CredentialUrlGuard } from '@cadence/domain/channels/credential-urls';
import { unprocessable } from '@cadence/domain/errors';
import { blueskyCredentialsSchema } from '@cadence/networks/bluesky/credentials';
import { createSession } from '@cadence/networks/bluesky/session';
import { asAppError } from '@cadence/networks/oauth/errors';
import type { SafeHttpOptions } from '@cadence/networks/safe-http';

/** Networks whose accounts are reached only with a token their own sign-in page grants. */
const OAUTH_ONLY_NETWORKS = ['x', 'linkedin', 'facebook', 'instagram', 'threads'] as const;

export interface DirectConnectDeps {
  /** How to reach Bluesky to prove an app password. */
  connect: { http: SafeHttpOptions; now: () => Date; baseUrls: Partial<Record<string, string>> };
  credentialUrls: CredentialUrlGuard;
}

export interface PreparedChannel {
  input: ChannelCreate;
  /** Only when this request made the webhook's secret: shown once, in the create answer. */
  webhookSecret?: string;
}

export async function prepareDirectChannel(
  deps: DirectConnectDeps,
  input: ChannelCreate,
): Promise<PreparedChannel> {
  const credentials = input.credentials ?? {};
  if ((OAUTH_ONLY_NETWORKS as readonly string[]).includes(input.network)) {
    if (!credentials.accessToken?.trim()) {
      throw unprocessable(
        'errors.connect.oauthRequired',
        { network: input.network },
        {
          reason: 'oauth_required',
          field: 'body.credentials.accessToken',
        },
      );
    }
    return { input };
  }
  if (input.network === 'webhook') return withWebhookSecret(input, credentials);
  if (input.network === 'bluesky') return { input: await verifiedBluesky(deps, input, credentials) };
  return { input };
}

function withWebhookSecret(input: ChannelCreate, credentials: Record<string, string>): PreparedChannel {
  if (!credentials.url?.trim()) {
    throw unprocessable(
      'errors.connect.webhookUrlRequired',
      {},
      {
        reason: 'webhook_url_required',
        field: 'body.credentials.url',
      },
    );
  }
  const typed = credentials.secret?.trim();
  if (typed) {
    // A receiver that already has a secret may keep it, if it is long enough to sign with.
    if (typed.length < 16) {
      throw unprocessable(
        'errors.connect.weakSecret',
        { min: 16 },
        {
          reason: 'weak_secret',
          field: 'body.credentials.secret',
        },
      );
    }
    return { input: { ...input, credentials: { ...credentials, secret: typed } } };
  }
  const secret = randomBytes(32).toString('base64url');
  return { input: { ...input, credentials: { ...credentials, secret } }, webhookSecret: secret };
}

async function verifiedBluesky(
  deps: DirectConnectDeps,
  input: ChannelCreate,
  credentials: Record<string, string>,
): Promise<ChannelCreate> {
  const parsed = blueskyCredentialsSchema.safeParse({
    ...credentials,
    identifier: credentials.identifier?.trim().replace(/^@/, ''),
  });
  if (!parsed.success) {
    throw unprocessable(
      'errors.connect.blueskyCredentials',
      {},
      {
        reason: 'credentials_required',
        field: 'body.credentials',
      },
    );
  }
  // The address is judged before Cadence sends the password anywhere.
  await assertCredentialUrls(deps.credentialUrls, 'bluesky', { service: parsed.data.service });
  const service = deps.connect.baseUrls.bluesky ?? parsed.data.service;
  const session = await asAppError(() =>
    createSession(parsed.data, service, { http: deps.connect.http, now: deps.connect.now }),
  );
  return {
    ...input,
    handle: `@${session.handle}`,
    // Signed in by DID from now on, so a handle change does not break the channel.
    credentials: {
      service: parsed.data.service,
      identifier: session.did,
      appPassword: parsed.data.appPassword,
    },
  };
}
