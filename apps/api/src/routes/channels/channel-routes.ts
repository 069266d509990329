import {
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  updateChannel,
} from '@cadence/domain/channels/channel-use-cases';
import { channelCreateSchema, channelSchema, channelUpdateSchema } from '@cadence/domain/channels/schemas';
import { channelCredentialUrlGuard } from '@cadence/networks/outgoing-url-policy';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

const channelParams = workspaceParams.extend({ channelId: z.uuid() });

export async function channelRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const deps = {
    db,
    keyRing: ctx.keyRing,
    credentialUrls: channelCredentialUrlGuard({
      allowPrivateNetworkUrls: ctx.config.allowPrivateNetworkUrls,
      baseUrls: ctx.config.networks.baseUrls,
    }),
  };

  r.get(
    '/workspaces/:workspaceId/channels',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['channels'],
        summary: 'Connected channels (never their credentials)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(channelSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listChannels(db, request.params.workspaceId) }),
  );

  r.post(
    '/workspaces/:workspaceId/channels',
    {
      config: { access: { minRole: 'manager' }, idempotent: true },
      schema: {
        tags: ['channels'],
        summary: 'Connect a channel with credentials entered directly',
        params: workspaceParams,
        body: channelCreateSchema,
        response: { 201: channelSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createChannel(deps, { ...request.actor, requestId: request.id }, request.body)),
  );

  r.get(
    '/workspaces/:workspaceId/channels/:channelId',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['channels'],
        summary: 'A channel',
        params: channelParams,
        response: { 200: channelSchema, ...errorResponses },
      },
    },
    async (request) => getChannel(db, request.params.workspaceId, request.params.channelId),
  );

  r.patch(
    '/workspaces/:workspaceId/channels/:channelId',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['channels'],
        summary: 'Rename, replace credentials (reconnect) or disconnect',
        params: channelParams,
        body: channelUpdateSchema,
        response: { 200: channelSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateChannel(
        deps,
        { ...request.actor, requestId: request.id },
        request.params.channelId,
        request.body,
      ),
  );

  r.delete(
    '/workspaces/:workspaceId/channels/:channelId',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['channels'],
        summary: 'Remove a channel',
        params: channelParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteChannel(db, { ...request.actor, requestId: request.id }, request.params.channelId);
      return reply.code(204).send(null);
    },
  );
}
