import { createCampaign } from '@cadence/domain/campaigns/create-campaign';
import { deleteCampaign } from '@cadence/domain/campaigns/delete-campaign';
import { getCampaign } from '@cadence/domain/campaigns/get-campaign';
import { listCampaigns } from '@cadence/domain/campaigns/list-campaigns';
import { updateCampaign } from '@cadence/domain/campaigns/update-campaign';
import {
  campaignCreateSchema,
  campaignSchema,
  campaignStatusSchema,
  campaignUpdateSchema,
} from '@cadence/domain/campaigns/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, pageOf, pageQuerySchema, toPage } from '../../http/pagination';
import { workspaceParams } from '../workspaces/workspace-routes';

const campaignParams = workspaceParams.extend({ campaignId: z.uuid() });
const listQuery = pageQuerySchema.extend({ status: campaignStatusSchema.optional() });

export async function campaignRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/campaigns',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Campaigns, newest first, with their posts counted by status',
        params: workspaceParams,
        querystring: listQuery,
        response: { 200: pageOf(campaignSchema), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listCampaigns(db, request.params.workspaceId, {
        limit: request.query.limit,
        after: decodeCursor(request.query.cursor),
        status: request.query.status,
      });
      return toPage(rows, request.query.limit);
    },
  );

  r.post(
    '/workspaces/:workspaceId/campaigns',
    {
      config: { access: { minRole: 'manager' }, idempotent: true },
      schema: {
        tags: ['campaigns'],
        summary: 'Create a campaign',
        params: workspaceParams,
        body: campaignCreateSchema,
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createCampaign(db, { ...request.actor, requestId: request.id }, request.body)),
  );

  r.get(
    '/workspaces/:workspaceId/campaigns/:campaignId',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['campaigns'],
        summary: 'A campaign with its posts counted by status',
        params: campaignParams,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) => getCampaign(db, request.params.workspaceId, request.params.campaignId),
  );

  r.patch(
    '/workspaces/:workspaceId/campaigns/:campaignId',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Change a campaign, including its status (archive it rather than delete it)',
        params: campaignParams,
        body: campaignUpdateSchema,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateCampaign(
        { db, clock: ctx.clock },
        { ...request.actor, requestId: request.id },
        { campaignId: request.params.campaignId, patch: request.body },
      ),
  );

  r.delete(
    '/workspaces/:workspaceId/campaigns/:campaignId',
    {
      config: { access: { minRole: 'manager' } },
      schema: {
        tags: ['campaigns'],
        summary: 'Delete a campaign without posts (409 when it has some: archive it instead)',
        params: campaignParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteCampaign(db, { ...request.actor, requestId: request.id }, request.params.campaignId);
      return reply.code(204).send(null);
    },
  );
}
