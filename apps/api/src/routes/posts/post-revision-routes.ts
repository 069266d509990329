import { getRevision } from '@cadence/domain/posts/post-revisions';
import { postRevisionSchema } from '@cadence/domain/posts/revision-schemas';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { INT4_MAX } from '@cadence/domain/storable';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { postDeps, postParams } from './post-http';

const revisionParams = postParams.extend({ contentRevision: z.coerce.number().int().min(1).max(INT4_MAX) });

/** Past contents of a post, so a reviewer sees what changed since the revision they decided on. */
export async function postRevisionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = postDeps(ctx);

  r.get(
    '/workspaces/:workspaceId/posts/:postId/revisions/:contentRevision',
    {
      config: { access: { minRole: 'viewer' } },
      schema: {
        tags: ['posts'],
        summary: 'The content of a post at one content revision (text, media, targets and overrides)',
        params: revisionParams,
        response: { 200: postRevisionSchema, ...errorResponses },
      },
    },
    async (request) =>
      getRevision(deps, request.actor, request.params.postId, request.params.contentRevision),
  );
}
