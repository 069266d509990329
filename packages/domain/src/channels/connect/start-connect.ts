// Step one of connecting through OAuth: remember who asked (workspace, person, network, PKCE
// verifier) under a hashed random state, and hand back the network's authorisation URL. The
// request expires after ten minutes and can be used once.
import { randomUUID } from 'node:crypto';
import { oauthConnectRequests } from '@cadence/db';
import { lt } from 'drizzle-orm';
import type { Actor } from '../../accounts/actor';
import { invalidField, sayError } from '../../errors';
import type { Network } from '../../networks/schemas';
import { sealedIn, sealJson } from '../../security/secret-box';
import { assertChannel } from './assert-channel';
import type { ConnectDeps, OAuthClient } from './channel-access';
import { mastodonClient } from './mastodon-client';
import { createCodeVerifier, createState, hashState } from './pkce';

const CONNECT_REQUEST_TTL_MS = 10 * 60 * 1000;

export interface StartConnectInput {
  network: Network;
  redirectUri: string;
  instanceUrl?: string | undefined;
  accountId?: string | undefined;
  channelId?: string | undefined;
}

export async function startConnect(deps: ConnectDeps, actor: Actor, input: StartConnectInput) {
  if (!actor.userId) throw sayError('forbidden', 'errors.connect.personOnly');
  if (!deps.access.offersOAuth(input.network))
    throw sayError('bad_request', 'errors.connect.notOAuth', { network: input.network });
  if (input.channelId) await assertChannel(deps.db, actor.workspaceId, input.channelId, input.network);
  let instanceUrl: string | undefined;
  let client: OAuthClient;
  if (input.network === 'mastodon') {
    if (!input.instanceUrl) throw invalidField('body.instanceUrl', 'required');
    instanceUrl = await deps.access.mastodonInstance(input.instanceUrl);
    client = await mastodonClient(deps, instanceUrl, input.redirectUri);
  } else {
    const configured = deps.access.configuredClient(input.network);
    if (!configured) {
      throw sayError(
        'unprocessable',
        'errors.connect.notSetUpKeys',
        { network: input.network },
        { reason: 'oauth_not_configured' },
      );
    }
    client = configured;
  }
  const state = createState();
  const codeVerifier = createCodeVerifier();
  const now = deps.clock();
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
  return {
    authorizationUrl: deps.access.authorizationUrl(input.network, {
      client,
      instanceUrl,
      state,
      codeVerifier,
      redirectUri: input.redirectUri,
    }),
    expiresAt,
  };
}
