import { memberSchema, memberUpdateSchema } from '@cadence/domain/accounts/schemas';
import { changeMemberRole } from '@cadence/domain/members/change-member-role';
import { listMembers } from '@cadence/domain/members/list-members';
import { removeMember } from '@cadence/domain/members/remove-member';
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
  const deps = { db, clock: ctx.clock };

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
        deps,
        { ...request.actor, requestId: request.id },
        { userId: request.params.userId, role: request.body.role },
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
      await removeMember(
        deps,
        { ...request.actor, requestId: request.id },
        { userId: request.params.userId },
      );
      return reply.code(204).send(null);
    },
  );
}
