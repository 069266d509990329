// A member's notifications (the bell), their preferences, and the workspace's email outbox
// (owners: what was or would have been emailed, readable when no SMTP is configured).
import { listOutbox } from '@cadence/domain/notifications/email-outbox';
import {
  getPreferences,
  listNotifications,
  markNotificationsRead,
  updatePreferences,
} from '@cadence/domain/notifications/notification-use-cases';
import {
  markReadSchema,
  notificationListQuerySchema,
  notificationListSchema,
  preferencesSchema,
  preferencesUpdateSchema,
} from '@cadence/domain/notifications/schemas';
import { EMAIL_STATUSES, LOCALES } from '@cadence/names';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { workspaceParams } from '../workspaces/workspace-routes';

const outboxEmailSchema = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  locale: z.enum(LOCALES),
  topic: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  const access = { config: { access: { minRole: 'viewer' as const, humansOnly: true } } };

  r.get(
    '/workspaces/:workspaceId/notifications',
    {
      ...access,
      schema: {
        tags: ['notifications'],
        summary: 'My notifications in this workspace, newest first, with the unread count',
        params: workspaceParams,
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...errorResponses },
      },
    },
    async (request) => listNotifications(db, request.actor, request.query),
  );

  r.post(
    '/workspaces/:workspaceId/notifications/read',
    {
      ...access,
      schema: {
        tags: ['notifications'],
        summary: 'Mark some (ids) or all of my notifications read',
        params: workspaceParams,
        body: markReadSchema,
        response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => markNotificationsRead(db, request.actor, request.body, ctx.clock()),
  );

  r.get(
    '/workspaces/:workspaceId/notification-preferences',
    {
      ...access,
      schema: {
        tags: ['notifications'],
        summary: 'How I want to hear about each kind (in app, email, both, off) and the daily digest',
        params: workspaceParams,
        response: { 200: preferencesSchema, ...errorResponses },
      },
    },
    async (request) => getPreferences(db, request.actor),
  );

  r.put(
    '/workspaces/:workspaceId/notification-preferences',
    {
      ...access,
      schema: {
        tags: ['notifications'],
        summary: 'Change my notification preferences (only the kinds given)',
        params: workspaceParams,
        body: preferencesUpdateSchema,
        response: { 200: preferencesSchema, ...errorResponses },
      },
    },
    async (request) => updatePreferences(db, request.actor, request.body),
  );

  r.get(
    '/workspaces/:workspaceId/email-outbox',
    {
      config: { access: { minRole: 'owner', humansOnly: true } },
      schema: {
        tags: ['notifications'],
        summary: 'Emails of this workspace, sent or held (held: no SMTP configured)',
        params: workspaceParams,
        response: { 200: z.object({ items: z.array(outboxEmailSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listOutbox(db, request.params.workspaceId) }),
  );
}
