import {
  membershipWorkspaceSchema,
  workspaceInputSchema,
  workspaceSchema,
  workspaceUpdateSchema,
} from '@cadence/domain/accounts/schemas';
import { createWorkspace } from '@cadence/domain/workspaces/create-workspace';
import { getWorkspace } from '@cadence/domain/workspaces/get-workspace';
import { listMyWorkspaces } from '@cadence/domain/workspaces/list-my-workspaces';
import { updateWorkspace } from '@cadence/domain/workspaces/update-workspace';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { requireSession } from '../../plugins/auth';

export const workspaceParams = z.strictObject({ workspaceId: z.uuid() });

export async function workspaceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces',
    {
      config: { access: 'user' },
      schema: {
        tags: ['workspaces'],
        summary: 'Workspaces I belong to, with my role',
        response: { 200: z.object({ items: z.array(membershipWorkspaceSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listMyWorkspaces(db, requireSession(request).user.id) }),
  );

  r.post(
    '/workspaces',
    {
      config: { access: 'user', idempotent: true },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; I become its owner',
        body: workspaceInputSchema,
        response: { 201: membershipWorkspaceSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWorkspace(db, requireSession(request).user.id, request.body)),
  );

  r.get(
    '/workspaces/:workspaceId',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['workspaces'],
        summary: 'A workspace',
        params: workspaceParams,
        response: { 200: workspaceSchema, ...errorResponses },
      },
    },
    async (request) => getWorkspace(db, request.params.workspaceId),
  );

  r.patch(
    '/workspaces/:workspaceId',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['workspaces'],
        summary: 'Change name, timezone or locale (managers), or the approval policy (owners)',
        params: workspaceParams,
        body: workspaceUpdateSchema,
        response: { 200: workspaceSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateWorkspace({ db, clock: ctx.clock }, { ...request.actor, requestId: request.id }, request.body),
  );
}
