// "Publishing is paused": shown on every screen while no publisher is beating, so nobody schedules
// posts believing they will go out. Polled every 30 s; silent when healthy, and silent when the
// status itself cannot be read (the screen's own requests will say the API is unreachable).
import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { formatTime } from '../../ui/time';

export type PublisherStatus =
  paths['/api/v1/publisher/status']['get']['responses'][200]['content']['application/json'];

const publisherStatusQuery = {
  queryKey: ['publisher', 'status'] as const,
  queryFn: async (): Promise<PublisherStatus> => unwrap(await api.GET('/api/v1/publisher/status')),
  refetchInterval: 30_000,
  staleTime: 25_000,
};

/** "14:32" today, the day as well otherwise ("lun. 3 mars, 14:32"). */
function shortTime(iso: string, locale: string, timeZone: string): string {
  const at = DateTime.fromISO(iso).setZone(timeZone);
  if (at.hasSame(DateTime.now().setZone(timeZone), 'day')) return at.toFormat('HH:mm');
  return formatTime(iso, locale, timeZone);
}

export function PublisherBanner({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const status = useQuery(publisherStatusQuery);
  const state = status.data?.state;
  const paused = state === 'stalled' || state === 'stopped' || state === 'never_started';
  const since = status.data?.since ?? status.data?.lastBeatAt ?? null;
  // The live region stays in the page so a later message is announced when it appears.
  return (
    <div role="status" className="publisher-status">
      {paused && (
        <p className="banner banner-warn" data-state={state}>
          <span aria-hidden="true">⚠ </span>
          {state === 'never_started' || !since
            ? t('publisher.never_started')
            : t(`publisher.${state}`, { time: shortTime(since, i18n.language, timeZone) })}
        </p>
      )}
    </div>
  );
}
