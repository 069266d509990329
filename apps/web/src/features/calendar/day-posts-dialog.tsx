// Every post of a busy day, opened from its "+N more" card (see day-overflow.ts). Not modal, so a
// manager can drag a row onto another day (the drop goes through the same path as a draft from the
// side panel, which reschedules a scheduled post); the keyboard route is each row's "Move to…".
import { Draggable } from '@fullcalendar/interaction';
import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEntry } from './calendar-queries';
import { ChannelAvatars } from './channel-avatars';
import { STATUS_ICON, statusWord } from './event-card';
import { cardStatus } from './channel-avatar';

interface DayPostsDialogProps {
  day: string | null;
  entries: readonly CalendarEntry[];
  shownZone: string;
  canSchedule: boolean;
  onMove: (entry: CalendarEntry) => void;
  onClose: () => void;
}

export function DayPostsDialog({
  day,
  entries,
  shownZone,
  canSchedule,
  onMove,
  onClose,
}: DayPostsDialogProps) {
  const { t, i18n } = useTranslation();
  const listRef = useRef<HTMLUListElement>(null);
  const open = day !== null;

  useEffect(() => {
    if (!open || !canSchedule || !listRef.current) return;
    const draggable = new Draggable(listRef.current, {
      itemSelector: '[data-post-id]',
      eventData: (el) => ({ title: el.dataset.title ?? '', create: false, duration: '00:30' }),
    });
    return () => draggable.destroy();
  }, [open, canSchedule]);

  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: shownZone,
  });
  const heading = day
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(
        new Date(`${day}T12:00:00Z`),
      )
    : '';
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()} modal={false}>
      <Dialog.Portal>
        <Dialog.Content className="dialog day-posts" aria-describedby={undefined}>
          <Dialog.Title>
            {t('calendar.dayPosts.title', { date: heading, count: entries.length })}
          </Dialog.Title>
          <ul className="day-posts-list" ref={listRef}>
            {entries.map((entry) => {
              const item = entry.extendedProps;
              const movable = canSchedule && entry.startEditable;
              const status = cardStatus(item);
              return (
                <li
                  key={entry.id}
                  className="day-posts-item"
                  data-post-id={movable ? item.id : undefined}
                  data-title={entry.title.slice(0, 60)}
                >
                  <span className="cad-time">{time.format(new Date(entry.start))}</span>
                  <ChannelAvatars channels={item.channels} />
                  <span className={`cad-status status-${status}`}>
                    <span aria-hidden="true">{STATUS_ICON[status]}</span> {statusWord(status, t)}
                  </span>
                  <Link to={`/posts/${item.id}`} className="day-posts-title">
                    {entry.title || t('review.noText')}
                  </Link>
                  {movable && (
                    <button type="button" className="btn btn-small" onClick={() => onMove(entry)}>
                      {t('calendar.dayPosts.move')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="btn">
                {t('common.close')}
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
