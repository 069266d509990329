// A calendar card, one per post: colour stripe, the channels' avatars stacked (initials on a colour
// of the channel's own, with a network mark), HH:mm, the status as icon AND word, one line of text.
// A proposed time (a draft, a post in review) has a dashed outline; failed posts get a red ring.
// Built as plain DOM nodes rather than React: FullCalendar's React connector mounts a portal per
// event, which took ~20 s for a month of 2,000 posts (see bench/results.md); plain nodes take a
// few milliseconds. Text goes in through textContent only.
import type { EventContentArg } from '@fullcalendar/core';
import type { TFunction } from 'i18next';
import type { CalendarItem } from './calendar-queries';
import { cardStatus, channelColour, channelInitials, NETWORK_MARK, stackedChannels } from './channel-avatar';

export const STATUS_ICON: Record<string, string> = {
  draft: '✎',
  in_review: '…',
  changes_requested: '↺',
  approved: '✓',
  scheduled: '◷',
  publishing: '↻',
  published: '✔',
  partially_published: '◐',
  failed: '!',
  missed: '⌛',
  cancelled: '–',
};

/** The status in words: post statuses, plus "missed" which is a channel's. */
export const statusWord = (status: string, t: TFunction) =>
  status === 'missed' ? t('targetStatus.missed') : t(`status.${status}`);

/** What a screen reader (and the card's title) says: time, status, channels, campaign, text. */
function describeEvent(item: CalendarItem, t: TFunction, time: string) {
  const channels = item.channels
    .map((c) => `${c.channelName} (${t(`networks.${c.network}`)}): ${t(`targetStatus.${c.targetStatus}`)}`)
    .join(', ');
  return [
    `${time} · ${statusWord(cardStatus(item), t)}${item.proposed ? ` · ${t('postControl.proposed')}` : ''}`,
    channels,
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

function avatars(item: CalendarItem, t: TFunction, colours: ReadonlyMap<string, string>): HTMLElement {
  const stack = document.createElement('span');
  stack.className = 'avatar-stack';
  stack.setAttribute('aria-hidden', 'true');
  const { shown, more } = stackedChannels(item.channels);
  for (const c of shown) {
    const avatar = span('channel-avatar', channelInitials(c.channelName));
    avatar.style.backgroundColor = channelColour(c.channelId, colours);
    avatar.title = `${c.channelName} · ${t(`networks.${c.network}`)}`;
    avatar.append(span(`network-mark network-${c.network}`, NETWORK_MARK[c.network] ?? '?'));
    stack.append(avatar);
  }
  if (more > 0) stack.append(span('channel-avatar channel-more', `+${more}`));
  return stack;
}

export function eventCardNodes(
  arg: EventContentArg,
  colour: string,
  t: TFunction,
  colours: ReadonlyMap<string, string> = new Map(),
): { domNodes: Node[] } {
  const item = arg.event.extendedProps as CalendarItem;
  const status = cardStatus(item);
  const failed = status === 'failed' || item.channels.some((c) => c.targetStatus === 'failed');
  const card = document.createElement('div');
  card.className = ['cad-card', failed ? 'cad-failed' : '', item.proposed ? 'cad-proposed' : '']
    .filter(Boolean)
    .join(' ');
  card.style.borderLeftColor = colour;
  card.title = describeEvent(item, t, arg.timeText);
  card.dataset.status = status;
  // The calendar's "Move to…" shortcut and the hover card find the focused event through this id.
  card.dataset.eventId = arg.event.id;
  const movable = arg.event.startEditable === true;
  // Line 1: when and in what state; line 2: where (the avatars) and what (the text).
  const head = document.createElement('span');
  head.className = 'cad-head';
  head.append(
    span('cad-time', arg.timeText),
    span(`cad-status status-${status}`, `${STATUS_ICON[status] ?? ''} ${statusWord(status, t)}`, true),
  );
  const body = document.createElement('span');
  body.className = 'cad-head';
  body.append(avatars(item, t, colours), span('cad-title', item.title || '—'));
  // The list view has the width to name the channels in words.
  if (arg.view.type.startsWith('list')) {
    body.append(
      span(
        'cad-channels muted',
        item.channels.map((c) => `${c.channelName} (${t(`networks.${c.network}`)})`).join(', '),
      ),
    );
  }
  card.append(
    head,
    body,
    span(
      'visually-hidden',
      [
        statusWord(status, t),
        item.proposed ? t('postControl.proposed') : null,
        item.channels.map((c) => `${c.channelName} (${t(`networks.${c.network}`)})`).join(', '),
        movable ? t('calendar.move.shortcutHint') : null,
      ]
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
