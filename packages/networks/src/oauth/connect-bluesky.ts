// Bluesky is connected with a handle and an app password (never the account's main password):
// Cadence signs in once to prove they work and to learn the account's canonical handle.
import type { Actor } from '@cadence/domain/accounts/actor';
import { AppError } from '@cadence/domain/errors';
import { blueskyCredentialsSchema } from '../bluesky/credentials';
import { createSession } from '../bluesky/session';
import { assertOutgoingUrl } from '../outgoing-url-policy';
import { asAppError } from './errors';
import type { ConnectDeps } from './providers';
import { saveConnectedChannel } from './save-channel';
import { assertChannel } from './start-connect';

export interface ConnectBlueskyInput {
  identifier: string;
  appPassword: string;
  service?: string | undefined;
  channelId?: string | undefined;
}

export async function connectBluesky(deps: ConnectDeps, actor: Actor, input: ConnectBlueskyInput) {
  if (!actor.userId) throw new AppError('forbidden', 'Connecting an account needs a signed-in person');
  if (input.channelId) await assertChannel(deps, actor.workspaceId, input.channelId, 'bluesky');
  const identifier = input.identifier.trim().replace(/^@/, '');
  const credentials = blueskyCredentialsSchema.parse({
    identifier,
    appPassword: input.appPassword,
    ...(input.service ? { service: input.service } : {}),
  });
  await assertOutgoingUrl(
    'body.service',
    credentials.service,
    { network: 'bluesky', carriesSecrets: true },
    {
      allowPrivateNetworkUrls: deps.http.allowPrivateNetworkUrls,
      baseUrls: deps.baseUrls,
    },
  );
  const service = deps.baseUrls.bluesky ?? credentials.service;
  const session = await asAppError(() =>
    createSession(credentials, service, { http: deps.http, now: deps.now }),
  );
  return saveConnectedChannel(
    deps,
    { workspaceId: actor.workspaceId, userId: actor.userId, requestId: actor.requestId },
    {
      network: 'bluesky',
      channelId: input.channelId ?? null,
      account: {
        handle: `@${session.handle}`,
        displayName: session.handle,
        // Signed in by DID from now on, so a handle change does not break the channel.
        credentials: {
          service: credentials.service,
          identifier: session.did,
          appPassword: credentials.appPassword,
        },
        accessExpiresAt: null,
      },
    },
  );
}
