// The community manager's inbox (issue 16): the list across channels with its filters and the
// badge's counts, one item's conversation, triage (status, snooze, assignee) and internal notes.
// Viewers read; editors (community managers) and above triage. Replies: inbox-reply-routes.ts.
import { changeInboxItem } from '@cadence/domain/inbox/change-inbox-item';
import { channelInboxSummary } from '@cadence/domain/inbox/channel-inbox-removal';
import { getInboxConversation } from '@cadence/domain/inbox/get-conversation';
import { addInboxNote, assertInboxItem, listInboxNotes } from '@cadence/domain/inbox/inbox-notes';
import { inboxCounts, listInboxItems } from '@cadence/domain/inbox/list-inbox';
import { requestInboxSync } from '@cadence/domain/inbox/request-sync';
import {
  channelInboxCountSchema,
  inboxConversationSchema,
  inboxCountsSchema,
  inboxItemChangeSchema,
  inboxItemSchema,
  inboxListQuerySchema,
  inboxListSchema,
  inboxNoteInputSchema,
  inboxNoteSchema,
  inboxSyncInputSchema,
} from '@cadence/domain/inbox/schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { decodeCursor, toPage } from '../../http/pagination';
import { workspaceParams } from '../workspaces/workspace-routes';

export const inboxItemParams = workspaceParams.extend({ itemId: z.uuid() });
const read = { access: { minRole: 'viewer' as const } };
const triage = { access: { minRole: 'editor' as const } };

export async function inboxRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/inbox/items',
    {
      config: read,
      schema: {
        tags: ['inbox'],
        summary: 'Inbox items across channels: filters, newest or oldest-waiting first, keyset pages',
        params: workspaceParams,
        querystring: inboxListQuerySchema,
        response: { 200: inboxListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await listInboxItems(db, request.actor, q, decodeCursor(q.cursor), ctx.clock());
      return toPage(rows, q.limit);
    },
  );

  r.get(
    '/workspaces/:workspaceId/inbox/channels/:channelId',
    {
      config: read,
      schema: {
        tags: ['inbox'],
        summary:
          'How many conversations were synced from a channel (what disconnecting or removing it deletes), and why its inbox cannot be read, if so',
        params: workspaceParams.extend({ channelId: z.uuid() }),
        response: { 200: channelInboxCountSchema, ...errorResponses },
      },
    },
    async (request) => ({
      channelId: request.params.channelId,
      ...(await channelInboxSummary(db, request.actor, request.params.channelId)),
    }),
  );

  r.get(
    '/workspaces/:workspaceId/inbox/counts',
    {
      config: read,
      schema: {
        tags: ['inbox'],
        summary: 'Open (the badge), waiting, snoozed, and past the first-response target item counts',
        params: workspaceParams,
        response: { 200: inboxCountsSchema, ...errorResponses },
      },
    },
    async (request) => inboxCounts(db, request.actor, ctx.clock()),
  );

  r.get(
    '/workspaces/:workspaceId/inbox/items/:itemId',
    {
      config: read,
      schema: {
        tags: ['inbox'],
        summary: 'One item with its conversation: the thread, our original post, replies sent, notes',
        params: inboxItemParams,
        response: { 200: inboxConversationSchema, ...errorResponses },
      },
    },
    async (request) => getInboxConversation(db, request.actor, request.params.itemId, ctx.clock()),
  );

  r.patch(
    '/workspaces/:workspaceId/inbox/items/:itemId',
    {
      config: triage,
      schema: {
        tags: ['inbox'],
        summary: 'Change status (open, waiting, done), snooze until an instant, or assign to a member',
        params: inboxItemParams,
        body: inboxItemChangeSchema,
        response: { 200: inboxItemSchema, ...errorResponses },
      },
    },
    async (request) => changeInboxItem(db, request.actor, request.params.itemId, request.body, ctx.clock()),
  );

  r.get(
    '/workspaces/:workspaceId/inbox/items/:itemId/notes',
    {
      config: read,
      schema: {
        tags: ['inbox'],
        summary: "The team's internal notes on an item, oldest first",
        params: inboxItemParams,
        response: { 200: z.object({ items: z.array(inboxNoteSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      await assertInboxItem(db, request.actor, request.params.itemId);
      return { items: await listInboxNotes(db, request.actor, request.params.itemId) };
    },
  );

  r.post(
    '/workspaces/:workspaceId/inbox/items/:itemId/notes',
    {
      config: triage,
      schema: {
        tags: ['inbox'],
        summary: 'Add an internal note (never sent to the network)',
        params: inboxItemParams,
        body: inboxNoteInputSchema,
        response: { 201: inboxNoteSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addInboxNote(db, request.actor, request.params.itemId, request.body.body, ctx.clock())),
  );

  r.post(
    '/workspaces/:workspaceId/inbox/sync',
    {
      config: triage,
      schema: {
        tags: ['inbox'],
        summary: "Sync now: one channel's or every channel's inbox, on the job runner",
        params: workspaceParams,
        body: inboxSyncInputSchema,
        response: { 202: z.object({ channels: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await requestInboxSync(db, request.actor, request.body.channelId, ctx.clock())),
  );
}
