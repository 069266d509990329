// Step two: the network sends the person back with `code` and `state`. The request is taken
// (deleted) by its state hash and its owner in one statement, so a state works once and only for
// the person who started it: someone else who sees the state (a shared screen, a log) cannot burn
// it. It must not have expired; the code is exchanged with the stored PKCE verifier; the account is
// looked up and saved on a channel.
import { memberships, oauthConnectRequests } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { roleAtLeast } from '../../accounts/roles';
import { sayError } from '../../errors';
import type { Network } from '../../networks/schemas';
import { openJson, sealedIn } from '../../security/secret-box';
import type { ConnectDeps, OAuthClient } from './channel-access';
import { knownMastodonClient } from './mastodon-client';
import { hashState } from './pkce';
import { saveConnectedChannel } from './save-connected-channel';

export interface FinishConnectInput {
  state: string;
  code?: string | undefined;
  /** What the network sent instead of a code (the person declined, or the request was wrong). */
  error?: string | undefined;
  errorDescription?: string | undefined;
}

/** The person coming back from the network: known by their session, not yet by a workspace. */
export interface ReturningPerson {
  userId: string;
  requestId?: string | undefined;
}

export async function finishConnect(deps: ConnectDeps, person: ReturningPerson, input: FinishConnectInput) {
  const stateHash = hashState(input.state);
  const [request] = await deps.db
    .delete(oauthConnectRequests)
    .where(and(eq(oauthConnectRequests.stateHash, stateHash), eq(oauthConnectRequests.userId, person.userId)))
    .returning();
  if (!request) {
    // Someone else's state (a link planted on this person) must not connect an account for them.
    const [other] = await deps.db
      .select({ userId: oauthConnectRequests.userId })
      .from(oauthConnectRequests)
      .where(eq(oauthConnectRequests.stateHash, stateHash));
    if (other) throw sayError('forbidden', 'errors.connect.startedBySomeoneElse');
  }
  if (!request || request.expiresAt <= deps.clock()) {
    throw sayError('bad_request', 'errors.connect.requestExpired');
  }
  const where = { workspaceId: request.workspaceId, network: request.network };
  if (input.error) {
    // The network's own words, quoted as such (never passed off as Cadence's sentence).
    throw sayError(
      'unprocessable',
      'errors.connect.networkDenied',
      { words: (input.errorDescription ?? input.error ?? '').slice(0, 400) },
      where,
    );
  }
  if (!input.code) throw sayError('bad_request', 'errors.connect.noCode');
  const [member] = await deps.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, request.workspaceId), eq(memberships.userId, person.userId)));
  if (!member || !roleAtLeast(member.role, 'manager'))
    throw sayError('forbidden', 'errors.connect.managerRole');

  if (!deps.access.offersOAuth(request.network))
    throw sayError('bad_request', 'errors.connect.notOAuth', { network: request.network });
  const client = await clientFor(deps, request);
  const codeVerifier = openJson<string>(
    deps.keyRing,
    request.codeVerifierSealed,
    sealedIn.connectCodeVerifier(request.id),
  );
  const account = await deps.access.completeAuthorization(request.network, {
    client,
    instanceUrl: request.instanceUrl ?? undefined,
    code: input.code,
    codeVerifier,
    redirectUri: request.redirectUri,
    accountId: request.accountId,
  });
  const channel = await saveConnectedChannel(
    deps,
    { workspaceId: request.workspaceId, userId: person.userId, requestId: person.requestId },
    { network: request.network, account, channelId: request.channelId },
  );
  return { workspaceId: request.workspaceId, channel };
}

async function clientFor(
  deps: ConnectDeps,
  request: { network: Network; instanceUrl: string | null; redirectUri: string },
): Promise<OAuthClient> {
  if (request.network === 'mastodon' && request.instanceUrl) {
    const app = await knownMastodonClient(deps, request.instanceUrl, request.redirectUri);
    if (!app) throw sayError('bad_request', 'errors.connect.mastodonForgotUs');
    return app;
  }
  const client = deps.access.configuredClient(request.network);
  if (!client) throw sayError('unprocessable', 'errors.connect.notSetUp', { network: request.network });
  return client;
}
