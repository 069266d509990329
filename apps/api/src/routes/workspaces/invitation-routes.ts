// Invitations: owners and managers invite (the answer never says whether the address has an
// account), list and revoke; the invited person previews and accepts. Link secrets travel in
// bodies, never in paths, so no access log carries them.
import {
  acceptInvitation,
  previewInvitation,
  registerWithInvitation,
} from '@cadence/domain/members/accept-invitation';
import {
  invitationCreatedSchema,
  invitationCreateSchema,
  invitationPreviewSchema,
  invitationRegisterSchema,
  invitationSchema,
  invitationTokenSchema,
} from '@cadence/domain/members/invitation-schemas';
import { createInvitation, listInvitations, revokeInvitation } from '@cadence/domain/members/invitations';
import { emailOrigin } from '@cadence/domain/notifications/links';
import { mailDomainOf } from '@cadence/domain/notifications/queue-email';
import { listMyWorkspaces } from '@cadence/domain/workspaces/list-my-workspaces';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { requireSession } from '../../plugins/auth';
import { sessionResponse, setSessionCookie } from '../auth/auth-routes';
import { workspaceParams } from './workspace-routes';

/** The web page that accepts; the secret sits after '#', which browsers never send to a server. */
function acceptUrl(ctx: AppContext, request: FastifyRequest, token: string): string {
  const origin = ctx.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  return `${origin}/invitation#${token}`;
}

export async function invitationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/invitations',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['members'],
        summary: 'Invitations not yet accepted nor revoked (expired ones included, marked)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listInvitations(db, request.params.workspaceId, ctx.clock()) }),
  );

  r.post(
    '/workspaces/:workspaceId/invitations',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['members'],
        summary:
          'Invite an address with a role; the same answer whether or not it has an account. The link (valid 7 days, single use) goes by email when SMTP is configured; otherwise it is in this response only, to copy',
        params: workspaceParams,
        body: invitationCreateSchema,
        response: { 201: invitationCreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const emailed = Boolean(ctx.config.mail.smtpUrl);
      const { view, token } = await createInvitation(
        db,
        { ...request.actor, requestId: request.id },
        request.body,
        ctx.clock(),
        emailed
          ? {
              link: (secret) => `${emailOrigin(ctx.config)}/invitation#${secret}`,
              mailDomain: mailDomainOf(ctx.config.mail.from),
            }
          : null,
      );
      // Emailed: the link reaches only the address's owner, so the inviter cannot use it (nor learn
      // through it whether the address has an account).
      return reply
        .code(201)
        .send(
          emailed
            ? { ...view, delivery: 'email' as const, token: null, acceptUrl: null }
            : { ...view, delivery: 'link' as const, token, acceptUrl: acceptUrl(ctx, request, token) },
        );
    },
  );

  r.delete(
    '/workspaces/:workspaceId/invitations/:invitationId',
    {
      config: { access: { minRole: 'manager', humansOnly: true } },
      schema: {
        tags: ['members'],
        summary: 'Revoke an invitation: its link stops working',
        params: workspaceParams.extend({ invitationId: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeInvitation(
        db,
        { ...request.actor, requestId: request.id },
        request.params.invitationId,
        ctx.clock(),
      );
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/invitations/preview',
    {
      config: { access: 'public' },
      schema: {
        tags: ['members'],
        summary: 'What an invitation link offers (workspace, role, address), before accepting',
        body: invitationTokenSchema,
        response: { 200: invitationPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewInvitation(db, request.body.token, ctx.clock()),
  );

  r.post(
    '/invitations/accept',
    {
      config: { access: 'user' },
      schema: {
        tags: ['members'],
        summary: 'Accept an invitation sent to my address; I join its workspace',
        body: invitationTokenSchema,
        response: { 200: z.object({ workspaceId: z.uuid() }), ...errorResponses },
      },
    },
    async (request) => {
      const { user } = requireSession(request);
      return acceptInvitation(db, user, request.body.token, ctx.clock());
    },
  );

  r.post(
    '/invitations/register',
    {
      config: { access: 'public' },
      schema: {
        tags: ['members'],
        summary: 'Accept an invitation by creating my account (name and password); signs me in',
        body: invitationRegisterSchema,
        response: { 201: sessionResponse.extend({ workspaceId: z.uuid() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { user, session, workspaceId } = await registerWithInvitation(db, request.body, ctx.clock());
      setSessionCookie(reply, ctx, session.cookieValue, session.expiresAt);
      return reply.code(201).send({
        user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
        csrfToken: session.csrfToken,
        workspaces: await listMyWorkspaces(db, user.id),
        workspaceId,
      });
    },
  );
}
