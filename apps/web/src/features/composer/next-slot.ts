// The next queue slot free on all the chosen channels, so "Add to the next queue slot" can say
// which one before it is used (the server picks the earliest common free slot the same way).
import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** The earliest wall-clock slot every list has; null when there is none in the lists. */
export function earliestCommon(lists: readonly (readonly string[])[]): string | null {
  if (lists.length === 0) return null;
  const [first, ...rest] = lists;
  const others = rest.map((l) => new Set(l));
  return [...(first ?? [])].sort().find((slot) => others.every((s) => s.has(slot))) ?? null;
}

export function useNextCommonSlot(workspaceId: string, channelIds: readonly string[], enabled: boolean) {
  const results = useQueries({
    queries: channelIds.map((channelId) => ({
      queryKey: ['queue-next', workspaceId, channelId],
      queryFn: async () =>
        unwrap(
          await api.GET('/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue-slots/next', {
            params: { path: { workspaceId, channelId }, query: { count: 20 } },
          }),
        ).items.map((i) => i.local),
      enabled,
      staleTime: 30_000,
    })),
  });
  if (!enabled || results.length === 0 || results.some((r) => !r.data)) return null;
  return earliestCommon(results.map((r) => r.data ?? []));
}
