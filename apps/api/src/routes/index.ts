import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { registerIdempotency } from '../plugins/idempotency';
import { authRoutes } from './auth/auth-routes';
import { passwordResetRoutes } from './auth/password-reset-routes';
import { profileRoutes } from './auth/profile-routes';
import { calendarRoutes } from './calendar/calendar-routes';
import { campaignRoutes } from './campaigns/campaign-routes';
import { channelRoutes } from './channels/channel-routes';
import { charterRoutes } from './charter/charter-routes';
import { connectRoutes } from './connect/connect-routes';
import { healthRoutes } from './health';
import { icsFeedRoutes, icsPublicRoutes } from './ics/ics-routes';
import { importExportRoutes } from './import-export/import-export-routes';
import { notificationRoutes } from './notifications/notification-routes';
import { inboxRoutes } from './inbox/inbox-routes';
import { inboxHideRoutes } from './inbox/inbox-hide-routes';
import { inboxLikeRoutes } from './inbox/inbox-like-routes';
import { inboxReplyRoutes } from './inbox/inbox-reply-routes';
import { savedReplyRoutes } from './inbox/saved-reply-routes';
import { mediaLinkRoutes } from './media/media-link-routes';
import { mediaRoutes } from './media/media-routes';
import { postsRoutes } from './posts/index';
import { publishingRoutes } from './publishing/publishing-routes';
import { queueRoutes } from './queue/queue-routes';
import { reportRoutes } from './reports/report-routes';
import { auditRoutes } from './workspaces/audit-routes';
import { invitationRoutes } from './workspaces/invitation-routes';
import { webhookRoutes } from './webhooks/webhook-routes';
import { memberRoutes } from './workspaces/member-routes';
import { tokenRoutes } from './workspaces/token-routes';
import { workspaceRoutes } from './workspaces/workspace-routes';

/** Every feature's routes, mounted under /api. Feature routes live under /api/v1. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext) {
  // Before any route: it attaches itself to the routes that declare config.idempotent.
  registerIdempotency(app, ctx);
  await app.register(async (a) => healthRoutes(a, ctx));
  await app.register(async (a) => icsPublicRoutes(a, ctx));
  await app.register(async (a) => mediaLinkRoutes(a, ctx));
  await app.register(
    async (v1) => {
      for (const routes of [
        authRoutes,
        passwordResetRoutes,
        profileRoutes,
        workspaceRoutes,
        memberRoutes,
        invitationRoutes,
        webhookRoutes,
        tokenRoutes,
        channelRoutes,
        connectRoutes,
        auditRoutes,
        charterRoutes,
        campaignRoutes,
        postsRoutes,
        queueRoutes,
        calendarRoutes,
        icsFeedRoutes,
        importExportRoutes,
        publishingRoutes,
        notificationRoutes,
        inboxRoutes,
        inboxReplyRoutes,
        inboxLikeRoutes,
        inboxHideRoutes,
        savedReplyRoutes,
        mediaRoutes,
        reportRoutes,
      ]) {
        await v1.register(async (scope) => routes(scope, ctx));
      }
    },
    { prefix: '/v1' },
  );
}
