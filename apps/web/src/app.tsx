// Providers and routes. React Router 7 (library mode): see docs/decisions/0040-web-app-foundation.md.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from './api/errors';
import { CalendarPage } from './features/calendar/calendar-page';
import { ChannelsPage } from './features/channels/channels-page';
import { AppLayout } from './features/layout/app-layout';
import { NotFoundPage } from './features/placeholder/coming-soon-page';
import { LoginPage } from './features/session/login-page';
import { RequireSession } from './features/session/require-session';
import { ApiTokensPage } from './features/settings/api-tokens-page';
import { MembersPage } from './features/settings/members-page';
import { SettingsLayout } from './features/settings/settings-layout';
import { SetupPage } from './features/setup/setup-page';

import { ToastProvider } from './ui/toast';

// Screens beyond the calendar load on first visit, so the home screen starts with less script.
const ComposerPage = lazy(() =>
  import('./features/composer/composer-page').then((m) => ({ default: m.ComposerPage })),
);
const PostPage = lazy(() => import('./features/posts/post-page').then((m) => ({ default: m.PostPage })));
const ReviewPage = lazy(() =>
  import('./features/review/review-page').then((m) => ({ default: m.ReviewPage })),
);
const InboxPage = lazy(() => import('./features/inbox/inbox-page').then((m) => ({ default: m.InboxPage })));
const MediaLibraryPage = lazy(() =>
  import('./features/media/media-library-page').then((m) => ({ default: m.MediaLibraryPage })),
);
const SandboxFeedPage = lazy(() =>
  import('./features/sandbox/sandbox-feed-page').then((m) => ({ default: m.SandboxFeedPage })),
);
const CampaignsPage = lazy(() =>
  import('./features/campaigns/campaigns-page').then((m) => ({ default: m.CampaignsPage })),
);
const CampaignPage = lazy(() =>
  import('./features/campaigns/campaign-page').then((m) => ({ default: m.CampaignPage })),
);
// Loaded only on the Reports route (its charts will come with it).
const ReportsPage = lazy(() =>
  import('./features/reports/reports-page').then((m) => ({ default: m.ReportsPage })),
);
const CharterPage = lazy(() =>
  import('./features/charter/charter-page').then((m) => ({ default: m.CharterPage })),
);
const InvitationPage = lazy(() =>
  import('./features/invitations/invitation-page').then((m) => ({ default: m.InvitationPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./features/session/password-reset-pages').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./features/session/password-reset-pages').then((m) => ({ default: m.ResetPasswordPage })),
);
const ProfilePage = lazy(() =>
  import('./features/profile/profile-page').then((m) => ({ default: m.ProfilePage })),
);
const WorkspaceSettingsPage = lazy(() =>
  import('./features/settings/workspace-settings-page').then((m) => ({ default: m.WorkspaceSettingsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('./features/notifications/notification-settings-page').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const WebhooksPage = lazy(() =>
  import('./features/settings/webhooks-page').then((m) => ({ default: m.WebhooksPage })),
);
const IcsFeedsPage = lazy(() =>
  import('./features/settings/ics-feeds-page').then((m) => ({ default: m.IcsFeedsPage })),
);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; network hiccups and 5xx might.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/forgot-password"
        element={
          <Suspense fallback={null}>
            <ForgotPasswordPage />
          </Suspense>
        }
      />
      <Route
        path="/reset-password"
        element={
          <Suspense fallback={null}>
            <ResetPasswordPage />
          </Suspense>
        }
      />
      <Route
        path="/invitation"
        element={
          <Suspense fallback={null}>
            <InvitationPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/calendar" replace />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="posts/new" element={<ComposerPage />} />
        <Route path="posts/:postId/edit" element={<ComposerPage />} />
        <Route path="posts/:postId" element={<PostPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="review/:postId" element={<ReviewPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="sandbox" element={<SandboxFeedPage />} />
        <Route path="media" element={<MediaLibraryPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:campaignId" element={<CampaignPage />} />
        <Route path="charter" element={<CharterPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="channels" element={<ChannelsPage />} />
        <Route path="settings" element={<SettingsLayout />}>
          <Route index element={<Navigate to="workspace" replace />} />
          <Route path="workspace" element={<WorkspaceSettingsPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="api-tokens" element={<ApiTokensPage />} />
          <Route path="calendar-feeds" element={<IcsFeedsPage />} />
          <Route path="notifications" element={<NotificationSettingsPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="profile" element={<ProfilePage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}
