// Step one of connecting through OAuth: remember who asked (workspace, person, network, PKCE
// verifier) under a hashed random state, and hand back the network's authorisation URL. The
// request expires after ten minutes and can be used once.
import { randomUUID } from 'node:crypto';
import { channels, oauthConnectRequests } from '@cadence/db';
import type { Actor } from '@cadence/domain/accounts/actor';
import { AppError, notFound } from '@cadence/domain/errors';
import { sealedIn, sealJson } from '@cadence/domain/security/secret-box';
import { and, eq, lt } from 'drizzle-orm';
import { mastodonInstanceOrigin } from '../mastodon/oauth';
import { assertOutgoingUrl } from '../outgoing-url-policy';
import { authorizationUrl } from './authorization-url';
import { asAppError } from './errors';
import { mastodonClient } from './mastodon-app';
import { createCodeVerifier, createState, hashState } from './pkce';
import { type ConnectDeps, type OAuthNetwork, oauthProviders } from './providers';
import type { OAuthClientCredentials } from './types';

export const CONNECT_REQUEST_TTL_MS = 10 * 60 * 1000;

export interface StartConnectInput {
  network: OAuthNetwork;
  redirectUri: string;
  instanceUrl?: string | undefined;
  accountId?: string | undefined;
  channelId?: string | undefined;
}

export async function startConnect(deps: ConnectDeps, actor: Actor, input: StartConnectInput) {
  if (!actor.userId) throw new AppError('forbidden', 'Connecting an account needs a signed-in person');
  const provider = oauthProviders[input.network];
  if (!provider) throw new AppError('bad_request', `${input.network} is not connected through OAuth`);
  if (input.channelId) await assertChannel(deps, actor.workspaceId, input.channelId, input.network);
  let instanceUrl: string | undefined;
  let client: OAuthClientCredentials;
  if (input.network === 'mastodon') {
    if (!input.instanceUrl)
      throw new AppError('validation_failed', 'Give the Mastodon instance address, e.g. mastodon.social');
    instanceUrl = await asAppError(async () => mastodonInstanceOrigin(input.instanceUrl ?? ''));
    const origin = instanceUrl;
    await assertOutgoingUrl(
      'body.instanceUrl',
      origin,
      { network: 'mastodon', carriesSecrets: true },
      {
        allowPrivateNetworkUrls: deps.http.allowPrivateNetworkUrls,
        baseUrls: deps.baseUrls,
      },
    );
    client = await asAppError(() => mastodonClient(deps, origin, input.redirectUri));
  } else {
    const configured = deps.clients[input.network];
    if (!configured) {
      throw new AppError(
        'unprocessable',
        `${input.network} is not set up on this Cadence server: its OAuth app id and secret are missing`,
        { reason: 'oauth_not_configured' },
      );
    }
    client = configured;
  }
  const state = createState();
  const codeVerifier = createCodeVerifier();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + CONNECT_REQUEST_TTL_MS);
  // Old requests are useless once expired; clearing them here keeps the table small.
  await deps.db.delete(oauthConnectRequests).where(lt(oauthConnectRequests.expiresAt, now));
  // The id is chosen here because the sealed verifier is bound to its row.
  const requestRowId = randomUUID();
  await deps.db.insert(oauthConnectRequests).values({
    id: requestRowId,
    stateHash: hashState(state),
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    network: input.network,
    instanceUrl: instanceUrl ?? null,
    accountId: input.accountId ?? null,
    channelId: input.channelId ?? null,
    codeVerifierSealed: sealJson(deps.keyRing, codeVerifier, sealedIn.connectCodeVerifier(requestRowId)),
    redirectUri: input.redirectUri,
    expiresAt,
  });
  const ctx = { http: deps.http, baseUrl: deps.baseUrls[input.network], instanceUrl, client, now: deps.now };
  return {
    authorizationUrl: authorizationUrl(provider, ctx, {
      state,
      codeVerifier,
      redirectUri: input.redirectUri,
    }),
    expiresAt,
  };
}

export async function assertChannel(
  deps: Pick<ConnectDeps, 'db'>,
  workspaceId: string,
  channelId: string,
  network: string,
) {
  const [row] = await deps.db
    .select({ network: channels.network })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  if (row.network !== network)
    throw new AppError('validation_failed', `That channel is a ${row.network} channel, not ${network}`);
}
