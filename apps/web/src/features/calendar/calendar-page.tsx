// The home screen: FullCalendar in the workspace's time zone, driven by our own toolbar, with the
// view and date kept in the URL.
import type { DatesSetArg } from '@fullcalendar/core';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../ui/states';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CalendarToolbar } from './calendar-toolbar';
import { type CalendarRange, useCalendarEntries } from './calendar-queries';
import {
  type CalendarView,
  dayInZone,
  fromFullCalendarView,
  parseCalendarParams,
  toFullCalendarView,
} from './calendar-url';
import { useCalendarShortcuts } from './use-calendar-shortcuts';

// Module-level so FullCalendar never sees a new array and rebuilds its store (fullcalendar #7066).
const PLUGINS = [luxonPlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const LOCALES = [frLocale];
const NO_ENTRIES: never[] = [];
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { workspace } = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const { view, date } = parseCalendarParams(params, workspace.timezone);
  const calendarRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<CalendarRange | null>(null);
  const [title, setTitle] = useState('');
  const entries = useCalendarEntries(workspace.id, range);

  const onDatesSet = useCallback(
    (info: DatesSetArg) => {
      setTitle(info.view.title);
      setRange({ from: info.start.toISOString(), to: info.end.toISOString() });
      const next = {
        view: fromFullCalendarView(info.view.type),
        date: dayInZone(info.view.currentStart, workspace.timezone),
      };
      setParams(
        (prev) => {
          if (prev.get('view') === next.view && prev.get('date') === next.date) return prev;
          const updated = new URLSearchParams(prev);
          updated.set('view', next.view);
          updated.set('date', next.date);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams, workspace.timezone],
  );

  // Back/Forward change the URL: bring the calendar to it.
  useEffect(() => {
    const calendar = calendarRef.current?.getApi();
    if (!calendar) return;
    const shownView = fromFullCalendarView(calendar.view.type);
    const shownDate = dayInZone(calendar.view.currentStart, workspace.timezone);
    if (shownView !== view) calendar.changeView(toFullCalendarView(view), date);
    else if (shownDate !== date) calendar.gotoDate(date);
  }, [view, date, workspace.timezone]);

  const navigate = useCallback((action: 'prev' | 'next' | 'today' | CalendarView) => {
    const calendar = calendarRef.current?.getApi();
    if (!calendar) return;
    if (action === 'prev') calendar.prev();
    else if (action === 'next') calendar.next();
    else if (action === 'today') calendar.today();
    else calendar.changeView(toFullCalendarView(action));
  }, []);
  useCalendarShortcuts(navigate);

  const isEmpty = entries.isSuccess && !entries.isPlaceholderData && entries.data.entries.length === 0;
  return (
    <section className="page calendar-page" aria-labelledby="calendar-title">
      <h1 className="visually-hidden">{t('nav.calendar')}</h1>
      <CalendarToolbar
        title={title}
        view={view}
        timeZone={workspace.timezone}
        onNavigate={navigate}
        titleId="calendar-title"
      />
      <div
        className={entries.isFetching ? 'progress-bar progress-active' : 'progress-bar'}
        aria-hidden="true"
      />
      {entries.isError && <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />}
      {entries.data?.truncated && (
        <p className="calendar-empty" role="status">
          {t('calendar.truncated')}
        </p>
      )}
      {isEmpty && (
        <p className="calendar-empty" role="status">
          {t(`calendar.empty.${view}`)}
        </p>
      )}
      <FullCalendar
        ref={calendarRef}
        plugins={PLUGINS}
        locales={LOCALES}
        locale={i18n.language}
        timeZone={workspace.timezone}
        initialView={toFullCalendarView(view)}
        initialDate={date}
        headerToolbar={false}
        events={entries.data?.entries ?? NO_ENTRIES}
        datesSet={onDatesSet}
        // Time grids scroll inside a fixed height so scrollTime brings the working day into view;
        // month and list grow with their content.
        height={view === 'week' || view === 'day' ? 'calc(100vh - 9rem)' : 'auto'}
        nowIndicator
        scrollTime="08:00:00"
        slotDuration="00:30:00"
        eventTimeFormat={TIME_FORMAT}
        slotLabelFormat={TIME_FORMAT}
        dayMaxEvents
        moreLinkClick="popover"
        eventInteractive
        weekNumbers={i18n.language === 'fr'}
        noEventsText={t(`calendar.empty.${view}`)}
        moreLinkHint={(n: number) => t('calendar.moreHint', { count: n })}
        closeHint={t('common.close')}
        navLinkHint={(text: string) => t('calendar.navLinkHint', { date: text })}
      />
    </section>
  );
}
