import { createChannel } from '@cadence/domain/channels/create-channel';
import { deleteChannel } from '@cadence/domain/channels/delete-channel';
import { getChannel } from '@cadence/domain/channels/get-channel';
import { listChannels } from '@cadence/domain/channels/list-channels';
import { updateChannel } from '@cadence/domain/channels/update-channel';
import { channelCreateSchema, channelSchema, channelUpdateSchema } from '@cadence/domain/channels/schemas';
import { inboxRemovalSchema } from '@cadence/domain/inbox/schemas';
import { channelCredentialUrlGuard } from '@cadence/networks/outgoing-url-policy';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';
import { prepareDirectChannel } from './direct-connect';

const channelParams = workspaceParams.extend({ channelId: z.uuid() });

const createdChannelSchema = channelSchema.extend({
  webhookSecret: z
    .string()
    .optional()
    .describe('Webhook only, when Cadence made the signing secret: shown in this answer only, store it now'),
});

export async function channelRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const deps = {
    db,
    clock: ctx.clock,
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
      // The webhook secret is shown once and never stored in clear: a replay answers without it.
      config: { access: { minRole: 'manager' }, idempotent: true, idempotentOmit: ['webhookSecret'] },
      schema: {
        tags: ['channels'],
        summary:
          'Add a channel directly: sandbox, webhook (the secret is made here), Bluesky (the app password is checked by signing in), or with an OAuth token already held',
        params: workspaceParams,
        body: channelCreateSchema,
        response: { 201: createdChannelSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const prepared = await prepareDirectChannel(
        {
          connect: {
            http: { allowPrivateNetworkUrls: ctx.config.allowPrivateNetworkUrls },
            now: ctx.clock,
            baseUrls: ctx.config.networks.baseUrls,
          },
          credentialUrls: deps.credentialUrls,
        },
        request.body,
      );
      const channel = await createChannel(deps, { ...request.actor, requestId: request.id }, prepared.input);
      return reply
        .code(201)
        .send(prepared.webhookSecret ? { ...channel, webhookSecret: prepared.webhookSecret } : channel);
    },
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
        summary:
          'Rename, replace credentials (reconnect) or disconnect (status disconnected: its inbox conversations are removed)',
        params: channelParams,
        body: channelUpdateSchema,
        response: { 200: channelSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateChannel(
        deps,
        { ...request.actor, requestId: request.id },
        { channelId: request.params.channelId, patch: request.body },
      ),
  );

  r.delete(
    '/workspaces/:workspaceId/channels/:channelId',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['channels'],
        summary:
          'Remove a channel and its inbox conversations: 204 when done; 202 when it has more than 1,000 (disconnected at once, removed with them shortly by a background job)',
        params: channelParams,
        response: { 202: inboxRemovalSchema, 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const inbox = await deleteChannel(
        deps,
        { ...request.actor, requestId: request.id },
        request.params.channelId,
      );
      return inbox.removal === 'done' ? reply.code(204).send(null) : reply.code(202).send(inbox);
    },
  );
}
