// Changing the current workspace's name, zone, language and approval policy. The session lists
// the workspaces, so it is refreshed after a change.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { sessionQuery } from '../session/session-queries';

type WorkspacePath = paths['/api/v1/workspaces/{workspaceId}'];
export type WorkspacePatch = NonNullable<
  WorkspacePath['patch']['requestBody']
>['content']['application/json'];
export { APPROVAL_SCOPES, type ApprovalScope } from '@cadence/names';

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WorkspacePatch) =>
      unwrap(
        await api.PATCH('/api/v1/workspaces/{workspaceId}', { params: { path: { workspaceId } }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}
