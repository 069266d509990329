// Saved replies (issue 16): viewers read them; editors and above (those who reply) write them.
// Each body passes the charter when saved (422 with the violations, like a refused reply); an edit
// names the version it started from (409 when someone saved in between).
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  updateSavedReply,
} from '@cadence/domain/inbox/saved-replies';
import {
  savedReplyInputSchema,
  savedReplyListSchema,
  savedReplySavedSchema,
  savedReplyUpdateSchema,
} from '@cadence/domain/inbox/saved-reply-schemas';
import type { Violation } from '@cadence/domain/charter/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { withViolationMessages } from '../../http/error-words';
import { errorResponses } from '../../http/errors';
import { requestLocale } from '../../http/request-language';
import { workspaceParams } from '../workspaces/workspace-routes';

const savedReplyParams = workspaceParams.extend({ savedReplyId: z.uuid() });
const read = { access: { minRole: 'viewer' as const } };
const write = { access: { minRole: 'editor' as const } };

/** A saved reply's charter warnings, each with its sentence in the reader's language. */
const worded = <T extends { warnings: Violation[] }>(request: FastifyRequest, saved: T): T => ({
  ...saved,
  warnings: withViolationMessages(requestLocale(request), saved.warnings),
});

export async function savedReplyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;

  r.get(
    '/workspaces/:workspaceId/inbox/saved-replies',
    {
      config: read,
      schema: {
        tags: ['inbox'],
        summary: 'The saved replies of the workspace, by title (at most 200)',
        params: workspaceParams,
        response: { 200: savedReplyListSchema, ...errorResponses },
      },
    },
    async (request) => listSavedReplies(db, request.actor),
  );

  r.post(
    '/workspaces/:workspaceId/inbox/saved-replies',
    {
      config: write,
      schema: {
        tags: ['inbox'],
        summary:
          'Save a reply template ({author}, {handle}): charter-checked (422), at most 200 per workspace (422 limit_reached)',
        params: workspaceParams,
        body: savedReplyInputSchema,
        response: { 201: savedReplySavedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const saved = await createSavedReply(db, request.actor, request.body, ctx.clock());
      return reply.code(201).send(worded(request, saved));
    },
  );

  r.put(
    '/workspaces/:workspaceId/inbox/saved-replies/:savedReplyId',
    {
      config: write,
      schema: {
        tags: ['inbox'],
        summary: 'Change a saved reply: charter-checked (422); 409 when it changed since `updatedAt`',
        params: savedReplyParams,
        body: savedReplyUpdateSchema,
        response: { 200: savedReplySavedSchema, ...errorResponses },
      },
    },
    async (request) =>
      worded(
        request,
        await updateSavedReply(db, request.actor, request.params.savedReplyId, request.body, ctx.clock()),
      ),
  );

  r.delete(
    '/workspaces/:workspaceId/inbox/saved-replies/:savedReplyId',
    {
      config: write,
      schema: {
        tags: ['inbox'],
        summary: 'Delete a saved reply (replies already sent keep their text)',
        params: savedReplyParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSavedReply(db, request.actor, request.params.savedReplyId);
      return reply.code(204).send(null);
    },
  );
}
