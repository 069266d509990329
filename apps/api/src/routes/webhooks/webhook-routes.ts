// Outgoing webhooks (issue 15): owners subscribe URLs to event kinds, read each subscription's
// delivery log, redeliver, and send a test event. URLs are judged when saved (no private or
// reserved addresses) and again at every connection by the SSRF-safe client.
import { listDeliveries, queueTestDelivery, redeliver } from '@cadence/domain/webhooks/deliveries';
import {
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliverySchema,
  webhookSchema,
  webhookUpdateSchema,
} from '@cadence/domain/webhooks/schemas';
import {
  createWebhook,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  updateWebhook,
} from '@cadence/domain/webhooks/subscriptions';
import { assertOutgoingUrl } from '@cadence/networks/outgoing-url-policy';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

const ownersOnly = { access: { minRole: 'owner' as const, humansOnly: true } };
const webhookParams = workspaceParams.extend({ webhookId: z.uuid() });

export async function webhookRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const checkUrl = (url: string) =>
    assertOutgoingUrl(
      'body.url',
      url,
      { carriesSecrets: false, network: 'webhook' },
      { allowPrivateNetworkUrls: ctx.config.allowPrivateNetworkUrls, baseUrls: ctx.config.networks.baseUrls },
    );

  r.get(
    '/workspaces/:workspaceId/webhooks',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary: 'The workspace’s webhook subscriptions (the signing secret is never shown again)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(webhookSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listWebhooks(db, request.params.workspaceId) }),
  );

  r.post(
    '/workspaces/:workspaceId/webhooks',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary:
          'Subscribe a URL to event kinds. The answer carries the signing secret, once. Payloads: the WebhookPayload schema; signature: docs/webhooks.md',
        params: workspaceParams,
        body: webhookCreateSchema,
        response: { 201: webhookCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      await checkUrl(request.body.url);
      const created = await createWebhook(
        db,
        ctx.keyRing,
        { ...request.actor, requestId: request.id },
        request.body,
        ctx.clock(),
      );
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/workspaces/:workspaceId/webhooks/:webhookId',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary: 'Change the URL or kinds; enabled: true turns a disabled subscription back on',
        params: webhookParams,
        body: webhookUpdateSchema,
        response: { 200: webhookSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (request.body.url !== undefined) await checkUrl(request.body.url);
      return updateWebhook(
        db,
        { ...request.actor, requestId: request.id },
        request.params.webhookId,
        request.body,
      );
    },
  );

  r.delete(
    '/workspaces/:workspaceId/webhooks/:webhookId',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary: 'Remove a subscription and its delivery log',
        params: webhookParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteWebhook(db, { ...request.actor, requestId: request.id }, request.params.webhookId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/workspaces/:workspaceId/webhooks/:webhookId/deliveries',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary: 'The last 50 deliveries, newest first: status, attempts, last status code and time',
        params: webhookParams,
        response: { 200: z.object({ items: z.array(webhookDeliverySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, webhookId } = request.params;
      await findWebhook(db, workspaceId, webhookId);
      return { items: await listDeliveries(db, workspaceId, webhookId) };
    },
  );

  r.post(
    '/workspaces/:workspaceId/webhooks/:webhookId/deliveries/:deliveryId/redeliver',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary: 'Send a logged delivery again (same event id, new signature)',
        params: webhookParams.extend({ deliveryId: z.uuid() }),
        response: { 202: z.object({ deliveryId: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { workspaceId, webhookId, deliveryId } = request.params;
      const id = await db.transaction((tx) => redeliver(tx, workspaceId, webhookId, deliveryId, ctx.clock()));
      return reply.code(202).send({ deliveryId: id });
    },
  );

  r.post(
    '/workspaces/:workspaceId/webhooks/:webhookId/test',
    {
      config: ownersOnly,
      schema: {
        tags: ['webhooks'],
        summary: 'Send a test event (webhook_test) to this URL now',
        params: webhookParams,
        response: { 202: z.object({ deliveryId: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { workspaceId, webhookId } = request.params;
      const subscription = await findWebhook(db, workspaceId, webhookId);
      const id = await db.transaction((tx) => queueTestDelivery(tx, subscription, ctx.clock()));
      return reply.code(202).send({ deliveryId: id });
    },
  );
}
