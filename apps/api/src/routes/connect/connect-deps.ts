import type { ConnectDeps } from '@cadence/domain/channels/connect/channel-access';
import { createChannelAccess } from '@cadence/networks/oauth/channel-access';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';

/** The connect use cases' deps: this process's database and keys, the networks' real access. */
export function connectDeps(ctx: AppContext): ConnectDeps {
  return {
    db: ctx.database.db,
    keyRing: ctx.keyRing,
    clock: ctx.clock,
    access: createChannelAccess({
      http: { allowPrivateNetworkUrls: ctx.config.allowPrivateNetworkUrls },
      now: ctx.clock,
      clients: ctx.config.networks.clients,
      baseUrls: ctx.config.networks.baseUrls,
    }),
  };
}

const CALLBACK_PATH = '/api/v1/connect/callback';

/** The one redirect URI registered with every network: PUBLIC_URL's, or this request's origin. */
export function redirectUri(ctx: AppContext, request: FastifyRequest): string {
  const origin = ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${origin.replace(/\/+$/, '')}${CALLBACK_PATH}`;
}
