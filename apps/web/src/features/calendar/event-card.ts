// A calendar card: colour stripe, network badge, HH:mm, one line of text, status icon; failed
// posts get a red ring and "!". Built as plain DOM nodes rather than React: FullCalendar's React
// connector mounts a portal per event, which took ~20 s for a month of 2,000 posts (see
// bench/results.md); plain nodes take a few milliseconds. Text goes in through textContent only.
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
    item.campaignName ? `${t('composer.campaign')} · ${item.campaignName}` : null,
    item.title,
  ]
    .filter(Boolean)
    .join('\n');
}

function span(className: string, text: string, hidden = false) {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  if (hidden) el.setAttribute('aria-hidden', 'true');
  return el;
}

export function eventCardNodes(arg: EventContentArg, colour: string, t: TFunction): { domNodes: Node[] } {
  const item = arg.event.extendedProps as CalendarItem;
  const failed = item.targetStatus === 'failed' || item.status === 'failed';
  const card = document.createElement('div');
  card.className = failed ? 'cad-card cad-failed' : 'cad-card';
  card.style.borderLeftColor = colour;
  card.title = describeEvent(item, t, arg.timeText);
  card.dataset.status = item.status;
  // The calendar's "Move to…" shortcut finds the focused event through this id.
  card.dataset.eventId = arg.event.id;
  const network = t(`networks.${item.network}`);
  const movable = arg.event.startEditable === true;
  card.append(
    span(`network-badge network-${item.network}`, network.slice(0, 1), true),
    span('cad-time', arg.timeText),
    span('cad-title', item.title || '—'),
    span('cad-status', STATUS_ICON[item.status] ?? '', true),
    span(
      'visually-hidden',
      [network, t(`status.${item.status}`), movable ? t('calendar.move.shortcutHint') : null]
        .filter(Boolean)
        .join(', '),
    ),
  );
  return { domNodes: [card] };
}

/** The "+N more" card of a busy day (day-overflow.ts); Enter or a click opens the day's full list. */
export function overflowCardNodes(hidden: number, t: TFunction): { domNodes: Node[] } {
  const card = document.createElement('div');
  card.className = 'cad-card cad-more';
  card.append(
    span('cad-title', t('calendar.more', { count: hidden }), true),
    span('visually-hidden', t('calendar.moreHint', { count: hidden })),
  );
  return { domNodes: [card] };
}
