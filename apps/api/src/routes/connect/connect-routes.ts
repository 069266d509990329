// Connecting accounts: start an OAuth authorisation (the network's URL comes back; state and the
// PKCE verifier stay here), the callback the network sends the person back to, Bluesky by app
// password, renewing a token on demand, and disconnecting (revoking at the network).
import { channelSchema } from '@cadence/domain/channels/schemas';
import { connectBluesky } from '@cadence/domain/channels/connect/connect-bluesky';
import { disconnectChannel } from '@cadence/domain/channels/connect/disconnect-channel';
import { finishConnect } from '@cadence/domain/channels/connect/finish-connect';
import { refreshChannelToken } from '@cadence/domain/channels/connect/refresh-tokens';
import { startConnect } from '@cadence/domain/channels/connect/start-connect';
import { inboxRemovalSchema } from '@cadence/domain/inbox/schemas';
import { OAUTH_NETWORKS } from '@cadence/networks/oauth/providers';
import { channels } from '@cadence/db';
import { toPublicChannel } from '@cadence/domain/channels/public-channel';
import { notFound } from '@cadence/domain/errors';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';
import { callbackErrorCode, connectedLocation, failedLocation } from './callback-outcome';
import { connectDeps, redirectUri } from './connect-deps';

const channelParams = workspaceParams.extend({ channelId: z.uuid() });

const startBody = z.strictObject({
  network: z.enum(OAUTH_NETWORKS),
  instanceUrl: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .optional()
    .describe('Mastodon: the instance, e.g. mastodon.social'),
  accountId: z
    .string()
    .trim()
    .regex(/^\d{1,40}$/)
    .optional()
    .describe('A Facebook page id or LinkedIn organisation id to connect'),
  channelId: z.uuid().optional().describe('Reconnect this channel instead of adding one'),
});

const callbackQuery = z.object({
  state: z.string().min(10).max(200),
  code: z.string().min(1).max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

const blueskyBody = z.strictObject({
  identifier: z.string().trim().min(3).max(253).describe('Handle (alice.bsky.social) or DID'),
  appPassword: z
    .string()
    .min(1)
    .max(200)
    .describe('An app password from Bluesky settings, never the main password'),
  service: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('The PDS, https://bsky.social unless self-hosted'),
  channelId: z.uuid().optional(),
});

export async function connectRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = connectDeps(ctx);

  r.post(
    '/workspaces/:workspaceId/connect/oauth',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['channels'],
        summary: 'Start connecting an account through OAuth: send the person to authorizationUrl',
        params: workspaceParams,
        body: startBody,
        response: { 201: z.object({ authorizationUrl: z.url(), expiresAt: z.date() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await startConnect(
            deps,
            { ...request.actor, requestId: request.id },
            { ...request.body, redirectUri: redirectUri(ctx, request) },
          ),
        ),
  );

  r.get(
    '/connect/callback',
    {
      config: { access: 'user' },
      schema: {
        tags: ['channels'],
        summary:
          'Where the network sends the person back; redirects a browser to /channels?connected=<id>&workspace=<id>, ' +
          'or /channels?connectError=<code> when it did not finish (JSON answers when asked)',
        querystring: callbackQuery,
        response: {
          200: z.object({ workspaceId: z.uuid(), channel: channelSchema }),
          303: z.null(),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const user = request.auth.kind === 'session' ? request.auth.user.id : '';
      const q = request.query;
      const finish = () =>
        finishConnect(
          deps,
          { userId: user, requestId: request.id },
          { state: q.state, code: q.code, error: q.error, errorDescription: q.error_description },
        );
      if (request.headers.accept?.includes('application/json')) return reply.send(await finish());
      try {
        const result = await finish();
        return reply.redirect(connectedLocation(result.workspaceId, result.channel.id), 303);
      } catch (error) {
        const code = callbackErrorCode(error, Boolean(q.error));
        if (!code) throw error;
        request.log.info({ err: error }, 'connection through the network did not finish');
        const where = (error as { details?: { workspaceId?: unknown } }).details?.workspaceId;
        return reply.redirect(failedLocation(code, where), 303);
      }
    },
  );

  r.post(
    '/workspaces/:workspaceId/connect/bluesky',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['channels'],
        summary: 'Connect (or reconnect) a Bluesky account with an app password',
        params: workspaceParams,
        body: blueskyBody,
        response: { 201: channelSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await connectBluesky(deps, { ...request.actor, requestId: request.id }, request.body)),
  );

  r.post(
    '/workspaces/:workspaceId/channels/:channelId/refresh-token',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['channels'],
        summary: "Renew the channel's access token now",
        params: channelParams,
        response: {
          200: z.object({
            outcome: z.enum(['refreshed', 'needs_reconnect', 'retry_later', 'skipped']),
            channel: channelSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { workspaceId, channelId } = request.params;
      const [row] = await deps.db
        .select({ id: channels.id })
        .from(channels)
        .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
      if (!row) throw notFound('channel');
      const outcome = await refreshChannelToken(deps, { channelId });
      const [after] = await deps.db.select().from(channels).where(eq(channels.id, channelId));
      if (!after) throw notFound('channel');
      return { outcome, channel: toPublicChannel(after) };
    },
  );

  r.post(
    '/workspaces/:workspaceId/channels/:channelId/disconnect',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['channels'],
        summary:
          'Revoke Cadence’s access at the network (where it allows), forget the credentials and remove the conversations synced from it',
        params: channelParams,
        response: {
          200: z.object({
            channel: channelSchema,
            revocation: z.enum(['revoked', 'not_offered', 'failed']),
            inbox: inboxRemovalSchema.describe('The conversations synced from the channel, removed with it'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      disconnectChannel(
        deps,
        { ...request.actor, requestId: request.id },
        { channelId: request.params.channelId },
      ),
  );
}
