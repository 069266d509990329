// Step two: the network sends the person back with `code` and `state`. The request is taken
// (deleted) by its state hash and its owner in one statement, so a state works once and only for
// the person who started it: someone else who sees the state (a shared screen, a log) cannot burn
// it. It must not have expired; the code is exchanged with the stored PKCE verifier; the account is
// looked up and saved on a channel.
import { memberships, oauthConnectRequests } from '@cadence/db';
import { and, eq } from 'drizzle-orm';
import { roleAtLeast } from '../../accounts/roles';
import { AppError } from '../../errors';
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
    if (other) throw new AppError('forbidden', 'This connection was started by someone else');
  }
  if (!request || request.expiresAt <= deps.clock()) {
    throw new AppError(
      'bad_request',
      'This connection request is unknown, already used or expired: start again',
    );
  }
  const where = { workspaceId: request.workspaceId, network: request.network };
  if (input.error) {
    throw new AppError(
      'unprocessable',
      `The network did not authorise Cadence: ${input.errorDescription ?? input.error}`.slice(0, 500),
      where,
    );
  }
  if (!input.code) throw new AppError('bad_request', 'The network sent no authorisation code');
  const [member] = await deps.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, request.workspaceId), eq(memberships.userId, person.userId)));
  if (!member || !roleAtLeast(member.role, 'manager'))
    throw new AppError('forbidden', 'Connecting channels needs the manager role');

  if (!deps.access.offersOAuth(request.network))
    throw new AppError('bad_request', `${request.network} is not connected through OAuth`);
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
    if (!app)
      throw new AppError(
        'bad_request',
        'Cadence is no longer registered on that Mastodon instance: start again',
      );
    return app;
  }
  const client = deps.access.configuredClient(request.network);
  if (!client) throw new AppError('unprocessable', `${request.network} is not set up on this Cadence server`);
  return client;
}
