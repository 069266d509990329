import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { postBulkRoutes } from './post-bulk-routes';
import { postConversationRoutes } from './post-conversation-routes';
import { postRevisionRoutes } from './post-revision-routes';
import { postRoutes } from './post-routes';
import { postWorkflowRoutes } from './post-workflow-routes';

/** Every post route: CRUD, the workflow's transitions, the conversation, the history and past revisions. */
export async function postsRoutes(app: FastifyInstance, ctx: AppContext) {
  await postRoutes(app, ctx);
  await postWorkflowRoutes(app, ctx);
  await postBulkRoutes(app, ctx);
  await postConversationRoutes(app, ctx);
  await postRevisionRoutes(app, ctx);
}
