import type { Role } from '@cadence/domain/accounts/roles';
import { approvePost } from '@cadence/domain/posts/approve-post';
import { cancelPost } from '@cadence/domain/posts/cancel-post';
import { requestChanges } from '@cadence/domain/posts/request-changes';
import { reschedulePost, schedulePost } from '@cadence/domain/posts/schedule-post';
import {
  approveSchema,
  type PostView,
  postSchema,
  requestChangesSchema,
  scheduleSchema,
  transitionSchema,
  unscheduleSchema,
} from '@cadence/domain/posts/schemas';
import { submitPost } from '@cadence/domain/posts/submit-post';
import { unschedulePost } from '@cadence/domain/posts/unschedule-post';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import type { Access } from '../../plugins/auth';
import { actorOf, postDeps, postParams, versionFrom, withEtag } from './post-http';

import type { Actor } from '@cadence/domain/accounts/actor';
import type { PostDeps } from '@cadence/domain/posts/deps';

interface Transition<B extends z.ZodType<{ version?: number | undefined }>> {
  path: string;
  access: Access;
  summary: string;
  body: B;
  run: (deps: PostDeps, actor: Actor, postId: string, body: z.output<B>) => Promise<PostView>;
}

const manager = (humansOnly = false): Access => ({ minRole: 'manager' satisfies Role, humansOnly });

export async function postWorkflowRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = postDeps(ctx);

  // Same shape, same headers for every step of the workflow; only the use case differs.
  function transition<B extends z.ZodType<{ version?: number | undefined }>>(t: Transition<B>) {
    r.post(
      `/workspaces/:workspaceId/posts/:postId/${t.path}`,
      {
        config: { access: t.access, etag: 'write' },
        schema: {
          tags: ['posts'],
          summary: t.summary,
          params: postParams,
          body: t.body,
          response: { 200: postSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body as z.output<B>;
        const version = versionFrom(request, body.version);
        const post = await t.run(deps, actorOf(request), request.params.postId, { ...body, version });
        return withEtag(reply, post);
      },
    );
  }

  transition({
    path: 'submit',
    access: { minRole: 'editor' },
    summary: 'Send a draft (or a post sent back for changes) to review',
    body: transitionSchema,
    run: submitPost,
  });
  transition({
    path: 'approve',
    // Approvals are counted per person: an API token cannot be one of the distinct managers.
    access: manager(true),
    summary:
      'Approve the content revision read; approved when enough distinct managers did (never the author ' +
      'when approval is required); 422 with the violations if the charter blocks it',
    body: approveSchema,
    run: approvePost,
  });
  transition({
    path: 'request-changes',
    access: manager(),
    summary: 'Send a post under review back to its writers, with a comment saying why',
    body: requestChangesSchema,
    run: requestChanges,
  });
  transition({
    path: 'schedule',
    access: manager(),
    summary:
      'Schedule at a wall-clock time in a zone (or publishNow); 422 for a time in a DST gap, in the past, ' +
      "or one the charter blocks. When a channel's send limit makes the post wait behind others due at " +
      'the same time, the schedule is kept and `sendLimitWarnings` says how many posts take how long to leave',
    body: scheduleSchema,
    run: schedulePost,
  });
  transition({
    path: 'reschedule',
    access: manager(),
    summary:
      'Move a scheduled post to another time (calendar drag and drop), under the same rules and with the ' +
      'same `sendLimitWarnings`',
    body: scheduleSchema,
    run: reschedulePost,
  });
  transition({
    path: 'unschedule',
    access: manager(),
    summary:
      'Take a scheduled post off the calendar; it stays approved, or goes back to draft with backToDraft ' +
      '(to be submitted again like any draft)',
    body: unscheduleSchema,
    run: unschedulePost,
  });
  transition({
    path: 'cancel',
    access: manager(),
    summary: 'Cancel a post before publishing starts',
    body: transitionSchema,
    run: cancelPost,
  });
}
