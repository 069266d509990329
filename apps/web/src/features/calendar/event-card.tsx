// A calendar card: colour stripe, network badge, HH:mm, one line of text, status icon; failed
// posts get a red ring and "!". The title attribute carries the full description on hover.
import type { EventContentArg } from '@fullcalendar/core';
import type { TFunction } from 'i18next';
import type { CalendarItem } from './calendar-queries';

const STATUS_ICON: Partial<Record<CalendarItem['status'], string>> = {
  draft: '✎',
  in_review: '…',
  changes_requested: '↺',
  approved: '✓',
  scheduled: '◷',
  publishing: '↻',
  published: '✔',
  partially_published: '◐',
  failed: '!',
  cancelled: '–',
};

export function describeEvent(item: CalendarItem, t: TFunction, time: string) {
  return [
    `${time} · ${item.channelName} (${t(`networks.${item.network}`)})`,
    `${t(`status.${item.status}`)} · ${t(`targetStatus.${item.targetStatus}`)}`,
    item.campaignName ? `${t('composer.campaign')}: ${item.campaignName}` : null,
    item.title,
  ]
    .filter(Boolean)
    .join('\n');
}

export function EventCard({ arg, colour, t }: { arg: EventContentArg; colour: string; t: TFunction }) {
  const item = arg.event.extendedProps as CalendarItem;
  const failed = item.targetStatus === 'failed' || item.status === 'failed';
  return (
    <div
      className={failed ? 'cad-card cad-failed' : 'cad-card'}
      style={{ borderLeftColor: colour }}
      title={describeEvent(item, t, arg.timeText)}
      data-status={item.status}
    >
      <span className={`network-badge network-${item.network}`} aria-hidden="true">
        {t(`networks.${item.network}`).slice(0, 1)}
      </span>
      <span className="cad-time">{arg.timeText}</span>
      <span className="cad-title">{item.title || '—'}</span>
      <span className="cad-status" aria-hidden="true">
        {STATUS_ICON[item.status] ?? ''}
      </span>
      <span className="visually-hidden">
        {t(`networks.${item.network}`)}, {t(`status.${item.status}`)}
      </span>
    </div>
  );
}
