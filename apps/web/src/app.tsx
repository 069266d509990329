// Providers and routes. React Router 7 (library mode): see docs/decisions/0040-web-app-foundation.md.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { isApiError } from './api/errors';
import { CalendarPage } from './features/calendar/calendar-page';
import { ChannelsPage } from './features/channels/channels-page';
import { ComposerPage } from './features/composer/composer-page';
import { AppLayout } from './features/layout/app-layout';
import { ComingSoonPage, NotFoundPage } from './features/placeholder/coming-soon-page';
import { LoginPage } from './features/session/login-page';
import { RequireSession } from './features/session/require-session';
import { ApiTokensPage } from './features/settings/api-tokens-page';
import { MembersPage } from './features/settings/members-page';
import { SettingsLayout } from './features/settings/settings-layout';
import { SetupPage } from './features/setup/setup-page';
import { ToastProvider } from './ui/toast';

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

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
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
        <Route path="review" element={<ComingSoonPage section="review" />} />
        <Route path="campaigns" element={<ComingSoonPage section="campaigns" />} />
        <Route path="charter" element={<ComingSoonPage section="charter" />} />
        <Route path="channels" element={<ChannelsPage />} />
        <Route path="settings" element={<SettingsLayout />}>
          <Route index element={<Navigate to="members" replace />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="api-tokens" element={<ApiTokensPage />} />
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
