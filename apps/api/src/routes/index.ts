import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { authRoutes } from './auth/auth-routes';
import { channelRoutes } from './channels/channel-routes';
import { healthRoutes } from './health';
import { auditRoutes } from './workspaces/audit-routes';
import { memberRoutes } from './workspaces/member-routes';
import { tokenRoutes } from './workspaces/token-routes';
import { workspaceRoutes } from './workspaces/workspace-routes';

/** Every feature's routes, mounted under /api. Feature routes live under /api/v1. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext) {
  await app.register(async (a) => healthRoutes(a, ctx));
  await app.register(
    async (v1) => {
      for (const routes of [
        authRoutes,
        workspaceRoutes,
        memberRoutes,
        tokenRoutes,
        channelRoutes,
        auditRoutes,
      ]) {
        await v1.register(async (scope) => routes(scope, ctx));
      }
    },
    { prefix: '/v1' },
  );
}
