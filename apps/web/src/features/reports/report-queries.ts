// The report sections (GET /reports/<section>), one hook for all, and the address of each CSV.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';

const SECTIONS = ['plan-kept', 'workflow', 'charter', 'results', 'best-time', 'community'] as const;
export type Section = (typeof SECTIONS)[number];
type PathOf<S extends Section> = `/api/v1/workspaces/{workspaceId}/reports/${S}`;
export type ReportOf<S extends Section> =
  paths[PathOf<S>]['get']['responses'][200]['content']['application/json'];

/** The period and the filters every section shares; an absent filter means all. */
export interface ReportPeriod {
  from: string;
  to: string;
  pillarId?: string | undefined;
  authorId?: string | undefined;
  /** The Community section's own filters (decision 0256). */
  channelId?: string | undefined;
  network?: string | undefined;
}

/** The query string of a section, without the empty filters. */
function queryOf(period: ReportPeriod): Record<string, string> {
  return Object.fromEntries(
    Object.entries(period).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}

export const useReport = <S extends Section>(section: S, workspaceId: string, period: ReportPeriod) =>
  useQuery({
    queryKey: ['reports', workspaceId, section, queryOf(period)],
    queryFn: async () => {
      // One call shape for every section: the path is one of the typed report paths.
      const path = `/api/v1/workspaces/{workspaceId}/reports/${section}` as PathOf<'plan-kept'>;
      const answer = await api.GET(path, {
        params: {
          path: { workspaceId },
          query: { ...(queryOf(period) as Pick<ReportPeriod, 'from' | 'to'>), format: 'json' },
        },
      });
      return unwrap(answer) as unknown as ReportOf<S>;
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** Same origin as the app, so the session cookie goes with the download. */
export function csvHref(section: Section, workspaceId: string, period: ReportPeriod): string {
  const q = new URLSearchParams({ ...queryOf(period), format: 'csv' });
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/reports/${section}?${q}`;
}
