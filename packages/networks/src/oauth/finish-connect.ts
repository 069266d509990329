// Step two: the network sends the person back with `code` and `state`. The request is taken
// (deleted) by its state hash and its owner in one statement, so a state works once and only for
// the person who started it: someone else who sees the state (a shared screen, a log) cannot burn
// it. It must not have expired; the code is exchanged with the stored PKCE verifier; the account is
// looked up and saved on a channel.
import { memberships, mastodonApps, oauthConnectRequests } from '@cadence/db';
import { roleAtLeast } from '@cadence/domain/accounts/roles';
import { AppError } from '@cadence/domain/errors';
import { openJson, sealedIn } from '@cadence/domain/security/secret-box';
import { and, eq } from 'drizzle-orm';
import { asAppError } from './errors';
import { hashState } from './pkce';
import { type ConnectDeps, oauthProviders } from './providers';
import { saveConnectedChannel } from './save-channel';
import { exchangeCode } from './token-endpoint';
import type { OAuthClientCredentials } from './types';

export interface FinishConnectInput {
  userId: string;
  state: string;
  code?: string | undefined;
  /** What the network sent instead of a code (the person declined, or the request was wrong). */
  error?: string | undefined;
  errorDescription?: string | undefined;
  requestId?: string | undefined;
}

export async function finishConnect(deps: ConnectDeps, input: FinishConnectInput) {
  const stateHash = hashState(input.state);
  const [request] = await deps.db
    .delete(oauthConnectRequests)
    .where(and(eq(oauthConnectRequests.stateHash, stateHash), eq(oauthConnectRequests.userId, input.userId)))
    .returning();
  if (!request) {
    // Someone else's state (a link planted on this person) must not connect an account for them.
    const [other] = await deps.db
      .select({ userId: oauthConnectRequests.userId })
      .from(oauthConnectRequests)
      .where(eq(oauthConnectRequests.stateHash, stateHash));
    if (other) throw new AppError('forbidden', 'This connection was started by someone else');
  }
  if (!request || request.expiresAt <= deps.now()) {
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
    .where(and(eq(memberships.workspaceId, request.workspaceId), eq(memberships.userId, input.userId)));
  if (!member || !roleAtLeast(member.role, 'manager'))
    throw new AppError('forbidden', 'Connecting channels needs the manager role');

  const provider = oauthProviders[request.network];
  if (!provider) throw new AppError('bad_request', `${request.network} is not connected through OAuth`);
  const client = await clientFor(deps, request);
  const ctx = {
    http: deps.http,
    baseUrl: deps.baseUrls[request.network],
    instanceUrl: request.instanceUrl ?? undefined,
    client,
    now: deps.now,
  };
  const code = input.code;
  const codeVerifier = openJson<string>(
    deps.keyRing,
    request.codeVerifierSealed,
    sealedIn.connectCodeVerifier(request.id),
  );
  const account = await asAppError(async () => {
    const exchange = { code, redirectUri: request.redirectUri, codeVerifier };
    const token = provider.exchangeCode
      ? await provider.exchangeCode(ctx, exchange)
      : await exchangeCode(provider, ctx, exchange);
    return provider.complete(token, ctx, request.accountId);
  });
  const channel = await saveConnectedChannel(
    deps,
    { workspaceId: request.workspaceId, userId: input.userId, requestId: input.requestId },
    { network: request.network, account, channelId: request.channelId },
  );
  return { workspaceId: request.workspaceId, channel };
}

async function clientFor(
  deps: ConnectDeps,
  request: { network: string; instanceUrl: string | null; redirectUri: string },
): Promise<OAuthClientCredentials> {
  if (request.network === 'mastodon' && request.instanceUrl) {
    const [app] = await deps.db
      .select()
      .from(mastodonApps)
      .where(
        and(
          eq(mastodonApps.instanceOrigin, request.instanceUrl),
          eq(mastodonApps.redirectUri, request.redirectUri),
        ),
      );
    if (!app)
      throw new AppError(
        'bad_request',
        'Cadence is no longer registered on that Mastodon instance: start again',
      );
    return {
      clientId: app.clientId,
      clientSecret: openJson<string>(
        deps.keyRing,
        app.clientSecretSealed,
        sealedIn.mastodonClientSecret(app.id),
      ),
    };
  }
  const client = deps.clients[request.network as keyof ConnectDeps['clients']];
  if (!client) throw new AppError('unprocessable', `${request.network} is not set up on this Cadence server`);
  return client;
}
