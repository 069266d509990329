// A channel's posting schedule as a weekly grid (like Buffer's): one row per time of day, one
// checkbox per weekday, wall-clock times in the workspace zone. Saved as a whole.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { ErrorState, InlineError, Loading } from '../../ui/states';

type Slot = { weekday: number; localTime: string };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function weekdayName(weekday: number, locale: string) {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );
}

export function QueueSlotsEditor({
  workspaceId,
  channelId,
  canEdit,
}: {
  workspaceId: string;
  channelId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['queue-slots', workspaceId, channelId];
  const path = { path: { workspaceId, channelId } };
  const slots = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue-slots', { params: path }),
      ),
  });
  const [draft, setDraft] = useState<Slot[]>([]);
  const [newTime, setNewTime] = useState('09:00');
  useEffect(() => {
    if (slots.data) setDraft(slots.data.slots);
  }, [slots.data]);
  const save = useMutation({
    mutationFn: async (body: Slot[]) =>
      unwrap(
        await api.PUT('/api/v1/workspaces/{workspaceId}/channels/{channelId}/queue-slots', {
          params: path,
          body: { slots: body },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });

  if (slots.isPending) return <Loading />;
  if (slots.isError) return <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />;
  const times = [...new Set(draft.map((s) => s.localTime))].sort();
  const has = (weekday: number, time: string) =>
    draft.some((s) => s.weekday === weekday && s.localTime === time);
  const toggle = (weekday: number, time: string, on: boolean) =>
    setDraft(
      on
        ? [...draft, { weekday, localTime: time }]
        : draft.filter((s) => !(s.weekday === weekday && s.localTime === time)),
    );

  return (
    <div className="queue-slots">
      <table className="table slot-grid">
        <caption className="muted">{t('queue.caption', { zone: slots.data.timezone })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.time')}</th>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {weekdayName(d, i18n.language)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                {t('queue.empty')}
              </td>
            </tr>
          )}
          {times.map((time) => (
            <tr key={time}>
              <th scope="row">{time}</th>
              {WEEKDAYS.map((d) => (
                <td key={d}>
                  <input
                    type="checkbox"
                    disabled={!canEdit}
                    aria-label={t('queue.slotLabel', { day: weekdayName(d, i18n.language), time })}
                    checked={has(d, time)}
                    onChange={(e) => toggle(d, time, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <div className="button-group">
          <label>
            <span className="visually-hidden">{t('queue.newTime')}</span>
            <input
              type="time"
              value={newTime}
              onChange={(e) => setNewTime(e.target.value)}
              aria-label={t('queue.newTime')}
            />
          </label>
          <button
            type="button"
            className="btn btn-small"
            disabled={!newTime || times.includes(newTime)}
            onClick={() =>
              setDraft([...draft, ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, localTime: newTime }))])
            }
          >
            {t('queue.addTime')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={save.isPending}
            onClick={() => save.mutate(draft)}
          >
            {t('queue.save')}
          </button>
          {save.isSuccess && (
            <span role="status" className="form-success">
              {t('queue.saved')}
            </span>
          )}
          <InlineError error={save.error} />
        </div>
      )}
    </div>
  );
}
