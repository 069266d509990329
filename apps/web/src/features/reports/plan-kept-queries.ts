// The "Plan kept" report (GET /reports/plan-kept) and the address of its CSV form.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

type PlanKeptPath = paths['/api/v1/workspaces/{workspaceId}/reports/plan-kept'];
export type PlanKeptReport = PlanKeptPath['get']['responses'][200]['content']['application/json'];
export interface PlanKeptPeriod {
  from: string;
  to: string;
}

export const usePlanKept = (workspaceId: string, period: PlanKeptPeriod) =>
  useQuery({
    queryKey: ['reports', workspaceId, 'plan-kept', period.from, period.to],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/reports/plan-kept', {
          params: { path: { workspaceId }, query: { ...period, format: 'json' } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Same origin as the app, so the session cookie goes with the download. */
export function planKeptCsvHref(workspaceId: string, period: PlanKeptPeriod): string {
  const q = new URLSearchParams({ from: period.from, to: period.to, format: 'csv' });
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/reports/plan-kept?${q}`;
}
