// Bluesky is connected with a handle and an app password (never the account's main password):
// Cadence signs in once to prove they work and to learn the account's canonical handle.
import type { Actor } from '../../accounts/actor';
import { sayError } from '../../errors';
import { assertChannel } from './assert-channel';
import type { ConnectDeps } from './channel-access';
import { saveConnectedChannel } from './save-connected-channel';

export interface ConnectBlueskyInput {
  identifier: string;
  appPassword: string;
  service?: string | undefined;
  channelId?: string | undefined;
}

export async function connectBluesky(deps: ConnectDeps, actor: Actor, input: ConnectBlueskyInput) {
  if (!actor.userId) throw sayError('forbidden', 'errors.connect.personOnly');
  if (input.channelId) await assertChannel(deps.db, actor.workspaceId, input.channelId, 'bluesky');
  const account = await deps.access.signInBluesky({
    identifier: input.identifier.trim().replace(/^@/, ''),
    appPassword: input.appPassword,
    service: input.service,
  });
  return saveConnectedChannel(
    deps,
    { workspaceId: actor.workspaceId, userId: actor.userId, requestId: actor.requestId },
    { network: 'bluesky', channelId: input.channelId ?? null, account },
  );
}
