import { memberSchema, memberUpdateSchema } from '@cadence/domain/accounts/schemas';
import { changeMemberRole, listMembers, removeMember } from '@cadence/domain/members/member-use-cases';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from './workspace-routes';

const memberParams = workspaceParams.extend({ userId: z.uuid() });

export async function memberRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/members',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['members'],
        summary: 'Members and their roles',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listMembers(db, request.params.workspaceId) }),
  );

  r.patch(
    '/workspaces/:workspaceId/members/:userId',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['members'],
        summary: "Change a member's role",
        params: memberParams,
        body: memberUpdateSchema,
        response: { 200: memberSchema, ...errorResponses },
      },
    },
    async (request) =>
      changeMemberRole(
        db,
        { ...request.actor, requestId: request.id },
        request.params.userId,
        request.body.role,
      ),
  );

  r.delete(
    '/workspaces/:workspaceId/members/:userId',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['members'],
        summary: 'Remove a member; their API tokens and calendar feeds are revoked',
        params: memberParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeMember(db, { ...request.actor, requestId: request.id }, request.params.userId);
      return reply.code(204).send(null);
    },
  );
}
