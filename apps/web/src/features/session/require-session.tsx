// Guards the signed-in part of the app: first-run setup when nobody exists yet, else sign-in.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState, Loading } from '../../ui/states';
import { CurrentWorkspaceProvider } from './current-workspace';
import { useSession, useSetupStatus } from './session-queries';

export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const status = useSetupStatus();
  const session = useSession();
  if (status.isPending || session.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (status.data.needed) return <Navigate to="/setup" replace />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <CurrentWorkspaceProvider session={session.data}>{children}</CurrentWorkspaceProvider>;
}
