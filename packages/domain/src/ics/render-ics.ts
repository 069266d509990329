// Writes a workspace's calendar as iCalendar (RFC 5545) with ical-generator, which folds long
// lines, escapes text and writes UTF-8 (accents and emoji intact).
// - DTSTART is in UTC ("…Z"): every client places it right without a VTIMEZONE block. The
//   calendar's own zone is given as X-WR-TIMEZONE so Google and Apple show it in the team's zone.
// - UID is the target's id: the same event keeps the same UID across fetches, so subscribed
//   calendars update it in place instead of duplicating it.
import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '@cadence/names';
import type { CalendarEvent } from '../calendar/schemas';
import { icsWords, labelled } from './ics-words';

/** Posts are instants; a short block makes them visible in week views. */
const EVENT_MINUTES = 15;

export interface IcsCalendar {
  name: string;
  timezone: string;
  /** The workspace's language: the descriptions speak it (never raw status codes). */
  locale: Locale;
  events: readonly CalendarEvent[];
  /** DTSTAMP: when this copy of the calendar was produced. */
  now: Date;
}

function eventStatus(status: CalendarEvent['status']): ICalEventStatus {
  if (status === 'cancelled') return ICalEventStatus.CANCELLED;
  if (status === 'scheduled' || status.startsWith('publish') || status === 'partially_published') {
    return ICalEventStatus.CONFIRMED;
  }
  return ICalEventStatus.TENTATIVE;
}

function description(e: CalendarEvent, locale: Locale): string {
  const words = icsWords(locale);
  const lines = [
    // The network comes from the channels table's enum; the fallback only satisfies the string type.
    `${e.channelName} (${(words.networks as Record<string, string>)[e.network] ?? e.network})`,
    labelled(locale, words.status, words.statuses[e.status]),
  ];
  if (e.campaignName) lines.push(labelled(locale, words.campaign, e.campaignName));
  if (e.authorName) lines.push(labelled(locale, words.author, e.authorName));
  return lines.join('\n');
}

export function renderIcs(calendar: IcsCalendar): string {
  const cal = ical({
    name: calendar.name,
    prodId: { company: 'Cadence', product: 'Editorial calendar', language: 'EN' },
    x: [{ key: 'X-WR-TIMEZONE', value: calendar.timezone }],
  });
  for (const e of calendar.events) {
    const start = new Date(e.start);
    cal.createEvent({
      id: `${e.id}@cadence`,
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      stamp: calendar.now,
      // A post with media only has no first line: the channel names the event instead.
      summary: e.title.trim() === '' ? e.channelName : e.title,
      description: description(e, calendar.locale),
      status: eventStatus(e.status),
      categories: e.campaignName ? [{ name: e.campaignName }] : [],
    });
  }
  return cal.toString();
}
