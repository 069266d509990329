// The signed-in person's own profile: name and language. Only their own, taken from the session.
import { profileUpdateSchema, userSchema } from '@cadence/domain/accounts/schemas';
import { updateProfile } from '@cadence/domain/accounts/update-profile';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../http/errors';
import { requireSession } from '../../plugins/auth';

export async function profileRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.patch(
    '/auth/profile',
    {
      config: { access: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Change my name or my language (that of my emails and of the interface)',
        body: profileUpdateSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateProfile(ctx.database.db, requireSession(request).user.id, request.body, ctx.clock()),
  );
}
