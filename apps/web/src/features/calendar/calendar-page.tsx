// The home screen: FullCalendar in the workspace's time zone (or the viewer's own, ?tz=mine), driven
// by our own toolbar, with the view, date, zone, filters and colour mode kept in the URL. Scheduled posts drag to a new time; empty
// slots open the composer there; unscheduled drafts drag in from the side panel.
import type {
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventHoveringArg,
  EventMountArg,
} from '@fullcalendar/core';
import frLocale from '@fullcalendar/core/locales/fr';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { roleAtLeast } from '../../ui/roles';
import { ErrorState } from '../../ui/states';
import { browserTimeZone } from '../../ui/timezones';
import { useToast } from '../../ui/toast';
import { useIsPhone } from '../../ui/use-media-query';
import { useCharter } from '../charter/charter-queries';
import { useCurrentWorkspace } from '../session/current-workspace';
import { CalendarFilterBar } from './calendar-filters';
import { type CalendarEntry, type CalendarItem, useCalendarEntries } from './calendar-queries';
import { rememberCalendarWorkspace } from './calendar-prefetch';
import { visibleRange } from './calendar-range';
import { CalendarToolbar } from './calendar-toolbar';
import {
  type CalendarView,
  dayInZone,
  fromFullCalendarView,
  parseCalendarFilters,
  parseCalendarParams,
  parseZoneChoice,
  shownZone,
  toFullCalendarView,
  withZoneChoice,
  type ZoneChoice,
} from './calendar-url';
import { isShade } from './charter-shading';
import { DayPostsDialog } from './day-posts-dialog';
import { foldBusyDays, isOverflow, MAX_PER_DAY } from './day-overflow';
import { useChannelColours } from './channel-avatars';
import { DraftsPanel } from './drafts-panel';
import { DraftsSheet } from './drafts-sheet';
import { eventCardNodes, overflowCardNodes } from './event-card';
import { eventColour, legendFor } from './event-colour';
import { landingTime, slotInstant, workspaceWallClock } from './landing-time';
import { type MoveTarget, MovePostDialog } from './move-post-dialog';
import { PostHoverCard } from './post-hover-card';
import { useHoverCard } from './use-hover-card';
import { useCalendarMoves } from './use-calendar-moves';
import { useCalendarShortcuts } from './use-calendar-shortcuts';
import { nameShade, shadeNodes, useCharterShading } from './use-charter-shading';
import { useMoveShortcut } from './use-move-shortcut';

// Module-level so FullCalendar never sees a new array and rebuilds its store (fullcalendar #7066).
const PLUGINS = [luxonPlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const LOCALES = [frLocale];
const NO_ENTRIES: never[] = [];
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
const NO_PILLARS: never[] = [];
// Where the week and day grids open: the start of the working day, not midnight.
const WORKDAY_START = '08:00:00';

const dropCellName = (arg: { el: HTMLElement }) => arg.el.removeAttribute('aria-labelledby');

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { workspace, session } = useCurrentWorkspace();
  const [params, setParams] = useSearchParams();
  const zoneChoice = parseZoneChoice(params);
  // Every time on screen is in this zone; every time sent to the API is in the workspace's.
  const zone = shownZone(zoneChoice, workspace.timezone, browserTimeZone());
  const { view, date } = parseCalendarParams(params, zone);
  const { filters, colorBy } = useMemo(() => parseCalendarFilters(params), [params]);
  const calendarRef = useRef<FullCalendar>(null);
  const calendarBox = useRef<HTMLDivElement>(null);
  const [moveTarget, setMoveTarget] = useState<MoveTarget | null>(null);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const toast = useToast();
  // From the URL, not from FullCalendar's datesSet: the query starts on the first render (and is
  // usually already under way, see calendar-prefetch.ts).
  const range = useMemo(() => visibleRange(view, date, zone), [view, date, zone]);
  const [title, setTitle] = useState('');
  const isPhone = useIsPhone();
  // On a phone the drafts open on demand, as a sheet over the calendar (drafts-sheet.tsx).
  const [showDrafts, setShowDrafts] = useState(() => !isPhone);
  const entries = useCalendarEntries(workspace.id, range, filters);
  const charter = useCharter(workspace.id);
  const pillars = charter.data?.rules.rules.pillars ?? NO_PILLARS;
  const canSchedule = roleAtLeast(workspace.role, 'manager');
  const canWrite = roleAtLeast(workspace.role, 'editor');
  const moves = useCalendarMoves({
    workspaceId: workspace.id,
    workspaceZone: workspace.timezone,
    shownZone: zone,
    role: workspace.role,
    userId: session.user.id,
  });
  const findItem = useCallback((eventId: string) => {
    const props = calendarRef.current?.getApi().getEventById(eventId)?.extendedProps;
    return props && !isOverflow(props) && !isShade(props) ? (props as CalendarItem) : null;
  }, []);
  const hover = useHoverCard(calendarBox, findItem);
  const avatarColours = useChannelColours();

  const onDatesSet = useCallback(
    (info: DatesSetArg) => {
      setTitle(info.view.title);
      const next = {
        view: fromFullCalendarView(info.view.type),
        date: dayInZone(info.view.currentStart, zone),
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
    [setParams, zone],
  );
  const chooseZone = useCallback(
    (choice: ZoneChoice) => setParams((prev) => withZoneChoice(prev, choice)),
    [setParams],
  );

  useEffect(
    () => rememberCalendarWorkspace({ workspaceId: workspace.id, timezone: workspace.timezone }),
    [workspace.id, workspace.timezone],
  );

  // Back/Forward change the URL: bring the calendar to it.
  useEffect(() => {
    const calendar = calendarRef.current?.getApi();
    if (!calendar) return;
    const shownView = fromFullCalendarView(calendar.view.type);
    const shownDate = dayInZone(calendar.view.currentStart, zone);
    if (shownView !== view) calendar.changeView(toFullCalendarView(view), date);
    else if (shownDate !== date) calendar.gotoDate(date);
  }, [view, date, zone]);

  const navigateCalendar = useCallback((action: 'prev' | 'next' | 'today' | CalendarView) => {
    const calendar = calendarRef.current?.getApi();
    if (!calendar) return;
    if (action === 'prev') calendar.prev();
    else if (action === 'next') calendar.next();
    else if (action === 'today') calendar.today();
    else calendar.changeView(toFullCalendarView(action));
  }, []);
  useCalendarShortcuts(navigateCalendar);

  const items = entries.data?.entries ?? NO_ENTRIES;
  // Managers reschedule; editors move only proposed times. An event's own startEditable would
  // otherwise override `editable`.
  const entriesShown = useMemo(
    () =>
      canSchedule
        ? items
        : items.map((e) => ({
            ...e,
            startEditable: canWrite && e.startEditable && e.extendedProps.proposed,
          })),
    [items, canSchedule, canWrite],
  );
  // The month view gets a few cards per day and a "+N more" card; the other views get every post.
  const month = useMemo(
    () => (view === 'month' ? foldBusyDays(entriesShown, zone) : null),
    [view, entriesShown, zone],
  );
  const shading = useCharterShading(charter.data, range, view, workspace.timezone);
  const posts = month?.events ?? entriesShown;
  const events = useMemo(() => (shading.length > 0 ? [...posts, ...shading] : posts), [posts, shading]);
  const legend = useMemo(
    () =>
      legendFor(
        items.map((e) => e.extendedProps),
        colorBy,
        pillars,
        t('calendar.noneLegend'),
        (n) => t(`networks.${n}`),
      ),
    [items, colorBy, pillars, t],
  );
  const renderEvent = useCallback(
    (arg: EventContentArg) =>
      isShade(arg.event.extendedProps)
        ? shadeNodes(arg, arg.event.extendedProps, t)
        : isOverflow(arg.event.extendedProps)
          ? overflowCardNodes(arg.event.extendedProps.overflow.hidden, t)
          : eventCardNodes(
              arg,
              eventColour(arg.event.extendedProps as CalendarItem, colorBy, pillars),
              t,
              avatarColours,
            ),
    [colorBy, pillars, t, avatarColours],
  );
  const nameShadeOnMount = useCallback(
    (info: EventMountArg) => {
      if (isShade(info.event.extendedProps)) nameShade(info, info.event.extendedProps, t);
    },
    [t],
  );
  const openEvent = useCallback(
    (info: EventClickArg) => {
      info.jsEvent.preventDefault();
      const props = info.event.extendedProps;
      if (isShade(props)) return;
      if (isOverflow(props)) return setOpenDay(props.overflow.day);
      void navigate(`/posts/${(info.event.extendedProps as CalendarItem).id}`);
    },
    [navigate],
  );
  const compose = useCallback(
    (info: DateClickArg) => {
      if (!canWrite) return;
      // The composer takes the workspace's wall clock; a whole day means 09:00 as shown.
      const local = workspaceWallClock(slotInstant(info.date, info.allDay, zone), workspace.timezone);
      void navigate(`/posts/new?at=${encodeURIComponent(local)}`);
    },
    [canWrite, navigate, workspace.timezone, zone],
  );
  // Past slots refuse drops: a post cannot be moved into the past.
  const allowDrop = useCallback(
    (span: { start: Date; allDay: boolean }, dragged: { start: Date | null } | null) =>
      landingTime(span, dragged?.start ?? null, zone) > Date.now(),
    [zone],
  );
  // The keyboard route to the same move: Shift+M on a focused card opens "Move to…".
  const openMove = useCallback(
    (eventId: string) => {
      const event = calendarRef.current?.getApi().getEventById(eventId);
      if (!event?.start) return;
      if (event.startEditable !== true) {
        toast({ kind: 'info', message: t('calendar.move.notMovable') });
        return;
      }
      const item = event.extendedProps as CalendarItem;
      setMoveTarget({ postId: item.id, eventId, title: item.title, start: event.start });
    },
    [t, toast],
  );
  useMoveShortcut(calendarBox, openMove);
  const moveFromDay = useCallback((entry: CalendarEntry) => {
    setOpenDay(null);
    setMoveTarget({
      postId: entry.extendedProps.id,
      eventId: entry.id,
      title: entry.title,
      start: new Date(entry.start),
    });
  }, []);

  // The week and day grids open at the working day, also when switching to them from the month.
  useEffect(() => {
    if (view !== 'week' && view !== 'day') return;
    const frame = requestAnimationFrame(() => calendarRef.current?.getApi().scrollToTime(WORKDAY_START));
    return () => cancelAnimationFrame(frame);
  }, [view]);

  const showHover = useCallback(
    (info: EventHoveringArg) => {
      const props = info.event.extendedProps;
      if (isOverflow(props) || isShade(props)) return;
      hover.enter({ item: props as CalendarItem, rect: info.el.getBoundingClientRect() });
    },
    [hover.enter],
  );
  // A card dropped on the drafts panel comes off the calendar (FullCalendar itself puts it back).
  const dragStop = useCallback(
    (info: { event: { extendedProps: object }; jsEvent: MouseEvent }) => {
      const panel = document.querySelector('.drafts-panel')?.getBoundingClientRect();
      const { clientX: x, clientY: y } = info.jsEvent;
      if (!panel || x < panel.left || x > panel.right || y < panel.top || y > panel.bottom) return;
      if (isOverflow(info.event.extendedProps) || isShade(info.event.extendedProps)) return;
      void moves.takeOff(info.event.extendedProps as CalendarItem);
    },
    [moves.takeOff],
  );

  const isEmpty = entries.isSuccess && !entries.isPlaceholderData && items.length === 0;
  return (
    <section className="page page-wide calendar-page" aria-labelledby="calendar-title">
      <h1 className="visually-hidden">{t('nav.calendar')}</h1>
      <CalendarToolbar
        title={title}
        view={view}
        timeZone={zone}
        zoneChoice={zoneChoice}
        onZoneChoice={chooseZone}
        onNavigate={navigateCalendar}
        titleId="calendar-title"
      />
      <CalendarFilterBar workspaceId={workspace.id} filters={filters} colorBy={colorBy} legend={legend} />
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
      <div className={showDrafts && canWrite && !isPhone ? 'calendar-layout with-drafts' : 'calendar-layout'}>
        <div
          ref={calendarBox}
          className="calendar-main"
          data-testid="calendar"
          data-ready={entries.isSuccess ? 'true' : 'false'}
        >
          <FullCalendar
            ref={calendarRef}
            plugins={PLUGINS}
            locales={LOCALES}
            locale={i18n.language}
            timeZone={zone}
            initialView={toFullCalendarView(view)}
            initialDate={date}
            headerToolbar={false}
            events={events}
            datesSet={onDatesSet}
            eventContent={renderEvent}
            eventDidMount={nameShadeOnMount}
            eventClick={openEvent}
            dateClick={compose}
            editable={canWrite}
            eventDurationEditable={false}
            eventAllow={allowDrop}
            droppable={canWrite}
            dropAccept="[data-post-id]"
            drop={(info) => void moves.onDraftDrop(info)}
            eventDrop={(info) => void moves.onEventDrop(info)}
            eventDragStart={hover.close}
            eventDragStop={dragStop}
            eventMouseEnter={showHover}
            eventMouseLeave={hover.leave}
            // Time grids scroll inside a fixed height so scrollTime brings the working day into view;
            // month and list grow with their content.
            height={view === 'week' || view === 'day' ? 'calc(100vh - 12rem)' : 'auto'}
            nowIndicator
            scrollTime={WORKDAY_START}
            slotDuration="00:30:00"
            eventTimeFormat={TIME_FORMAT}
            slotLabelFormat={TIME_FORMAT}
            // The month view is already folded to MAX_PER_DAY entries a day (day-overflow.ts); the limit
            // stays for the other grids. A number, not `true`: with height auto `true` never limits.
            dayMaxEvents={MAX_PER_DAY}
            eventMaxStack={3}
            moreLinkClick="popover"
            eventInteractive
            weekNumbers={i18n.language === 'fr'}
            noEventsText={t(`calendar.empty.${view}`)}
            moreLinkHint={(n: number) => t('calendar.moreHint', { count: n })}
            closeHint={t('common.close')}
            navLinkHint={(text: string) => t('calendar.navLinkHint', { date: text })}
            // The list view's column headings, which FullCalendar's French locale leaves in English.
            // A day cell is named by its day number, yet shows its posts and week number too, which
            // breaks "label in name" (WCAG 2.5.3); unnamed, the cell reads out what it holds.
            dayCellDidMount={dropCellName}
            timeHint={t('calendar.listTimeHint')}
            eventHint={t('calendar.listPostHint')}
          />
        </div>
        {canWrite && isPhone && (
          <DraftsSheet open={showDrafts} onOpenChange={setShowDrafts}>
            <DraftsPanel workspaceId={workspace.id} canSchedule={canSchedule} />
          </DraftsSheet>
        )}
        {canWrite && !isPhone && (
          <div className="drafts-column">
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={showDrafts}
              onClick={() => setShowDrafts(!showDrafts)}
            >
              {showDrafts ? t('calendar.drafts.hide') : t('calendar.drafts.show')}
            </button>
            {showDrafts && <DraftsPanel workspaceId={workspace.id} canSchedule={canSchedule} />}
          </div>
        )}
      </div>
      <DayPostsDialog
        day={openDay}
        entries={(openDay && month?.busyDays.get(openDay)) || NO_ENTRIES}
        shownZone={zone}
        canSchedule={canSchedule}
        onMove={moveFromDay}
        onClose={() => setOpenDay(null)}
      />
      {hover.target && (
        <PostHoverCard
          workspaceId={workspace.id}
          target={hover.target}
          shownZone={zone}
          onPointerEnter={hover.stay}
          onPointerLeave={hover.leave}
          onClose={hover.close}
        />
      )}
      <MovePostDialog
        target={moveTarget}
        shownZone={zone}
        onMove={moves.movePost}
        onClose={() => setMoveTarget(null)}
      />
    </section>
  );
}
